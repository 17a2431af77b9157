#!/usr/bin/env bash
# The benchmark of timeular-hooks: listen throughput, latency and memory against the seed design's
# warp receiver and a bare tiny_http loop, lost deliveries under load, and command latency against curl.
# Run by hand (not in CI), on an otherwise idle machine; loopback only, every load bounded in time.
#
#   bench/run.sh                 # all of it, 5 s per load point
#   DUR=10 bench/run.sh          # longer load points
#   ONLY=listen bench/run.sh     # only the receiver part (or ONLY=commands)
#   VARIANTS="seed listen-save" ONLY=listen bench/run.sh   # some receivers only
#
# Needs wrk, hyperfine and curl (Debian: apt-get install wrk hyperfine curl).
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${DUR:-5}
ONLY=${ONLY:-all}
for tool in wrk hyperfine curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example fake_api
(cd bench/baseline && cargo build --release --quiet)
BIN=$PWD/target/release/timeular-hooks
BASE=$PWD/bench/baseline/target/release
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

# One line of JSON, as the provider sends it.
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), separators=(",",":")))' \
  tests/fixtures/webhooks/v3-trackingStarted.json > "$WORK/body.json"
export BODY_FILE=$WORK/body.json

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; echo "port $1 never opened" >&2; return 1; }
peak_rss_kib() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
# CPU time (user + system) a process has used, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

# run_load NAME CONNECTIONS URL PID: REPEAT wrk runs (default 3); prints one table row for the run
# with the median throughput, keeps that run's counts.
run_load() {
  local name=$1 conns=$2 url=$3 pid=$4 threads=$(( $2 < 2 ? 1 : 2 ))
  local runs=() cpu0 cpu1
  cpu0=$(cpu_ticks "$pid")
  for r in $(seq "${REPEAT:-3}"); do
    wrk -t"$threads" -c"$conns" -d"${DUR}s" --latency -s bench/post.lua "$url" > "$WORK/wrk.$r.txt"
    runs+=("$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.$r.txt") $r")
  done
  cpu1=$(cpu_ticks "$pid")
  local median; median=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}')
  local f=$WORK/wrk.$median.txt rps p50 p99 total non2xx all
  rps=$(awk '/Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f")
  p99=$(awk '$1=="99%" {print $2}' "$f")
  total=$(awk '/requests in/ {print $1}' "$f")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$f"); non2xx=${non2xx:-0}
  all=$(printf '%s\n' "${runs[@]}" | awk '{printf "%s%.0f", (NR>1?" ":""), $1}')
  # For the lost-delivery check and CPU per delivery: every run's requests and non-2xx answers.
  cat "$WORK"/wrk.*.txt | awk '/requests in/ {t+=$1} /Non-2xx/ {n+=$5} END {print t+0, n+0}' > "$WORK/last_counts"
  local all_requests cpu_us
  read -r all_requests _ < "$WORK/last_counts"
  cpu_us=$(awk -v t=$(( (cpu1 - cpu0) * TICK_US )) -v n="$all_requests" 'BEGIN {printf "%.1f", (n ? t / n : 0)}')
  printf '| %-12s | %3s | %9s | %8s | %8s | %8s | %6s | %6s | %-20s |\n' "$name" "$conns" "$rps" "$p50" "$p99" "$total" "$non2xx" "$cpu_us" "$all"
  echo "$name $conns $rps $cpu_us" >> "$WORK/medians"
  rm -f "$WORK"/wrk.*.txt
}

# serve NAME CMD...: start a receiver in the background with stdout to a file; sets PID and URL.
serve() {
  shift
  local port; port=$(free_port)
  "$@" --port "$port" > "$WORK/out.txt" 2> "$WORK/err.txt" &
  PID=$!
  wait_port "$port"
  URL="http://127.0.0.1:$port/"
}

if [ "$ONLY" = all ] || [ "$ONLY" = listen ]; then
  echo "## listen: trackingStarted deliveries, median of ${REPEAT:-3} runs of ${DUR} s per point, $(nproc) cores"
  echo
  echo "req/s, p50, p99: the median run. CPU µs: the receiver's user + system time per delivery over all runs."
  echo "| receiver     | con |  req/s    |   p50    |   p99    | requests | non-2xx | CPU µs | req/s of each run    |"
  echo "|--------------|-----|-----------|----------|----------|----------|--------|--------|----------------------|"
  rss_rows=()
  for variant in ${VARIANTS:-seed bare listen listen-json listen-save}; do
    for conns in 1 8 64; do
      rm -f "$WORK/save.jsonl"
      case $variant in
        seed)
          port=$(free_port); "$BASE/timeular-hooks-bench-baseline" "$port" > "$WORK/out.txt" 2>&1 & PID=$!
          wait_port "$port"; URL="http://127.0.0.1:$port/started" ;;
        bare)
          port=$(free_port); "$BASE/bare-tiny-http" "$port" "$(nproc)" > /dev/null 2>&1 & PID=$!
          wait_port "$port"; URL="http://127.0.0.1:$port/" ;;
        listen) serve listen "$BIN" --config-dir "$WORK/cfg" listen ;;
        listen-json) serve listen "$BIN" --config-dir "$WORK/cfg" listen --json ;;
        listen-save) serve listen "$BIN" --config-dir "$WORK/cfg" listen --save "$WORK/save.jsonl" ;;
      esac
      run_load "$variant" "$conns" "$URL" "$PID"
      rss=$(peak_rss_kib "$PID")
      rss_rows+=("$variant c=$conns: $((rss / 1024)) MiB ($rss KiB)")
      # TERM, not INT: a background job of a script starts with SIGINT ignored.
      kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
      if [ "$variant" = listen-save ] && [ "$conns" = 8 ]; then
        read -r total non2xx < "$WORK/last_counts"
        lines=$(wc -l < "$WORK/save.jsonl")
        unique=$(python3 -c 'import json,sys; print(len({json.loads(l)["seq"] for l in open(sys.argv[1])}))' "$WORK/save.jsonl")
        acked=$(( total - non2xx ))
        lost=$(( acked > lines ? acked - lines : 0 ))
        lost_row="acknowledged $acked (all runs), lines in --save $lines ($unique distinct seq), lost $lost"
      fi
    done
  done
  echo
  echo "Against the seed design, same run (median req/s; CPU µs per delivery, seed / variant):"
  awk '$1 == "seed" {r[$2] = $3; c[$2] = $4} $1 != "seed" {v[NR] = $0}
       END {for (i in v) {split(v[i], f, " "); if (r[f[2]] && f[4] > 0)
         printf "  %-12s c=%-3s %.2fx throughput, %.2fx CPU\n", f[1], f[2], f[3] / r[f[2]], c[f[2]] / f[4]}}' \
    "$WORK/medians" | sort
  echo
  echo "Peak RSS (VmHWM):"
  printf '  %s\n' "${rss_rows[@]}"
  echo
  echo "Lost deliveries (listen --save, 8 connections): ${lost_row:-not measured}"
  echo
fi

if [ "$ONLY" = all ] || [ "$ONLY" = commands ]; then
  echo "## commands"
  "$PWD/target/release/examples/fake_api" 5 > "$WORK/fake.txt" & FAKE=$!
  for _ in $(seq 100); do [ "$(wc -l < "$WORK/fake.txt")" -ge 2 ] && break; sleep 0.05; done
  API=$(sed -n 1p "$WORK/fake.txt"); TOKEN=$(sed -n 2p "$WORK/fake.txt")
  export TIMEULAR_HOOKS_CONFIG_DIR=$WORK/cmdcfg TIMEULAR_API_URL=$API
  TIMEULAR_API_KEY=test-key TIMEULAR_API_SECRET=test-secret "$BIN" login -q
  TOKEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"]["token"])' "$WORK/cmdcfg/profiles/default.json")
  hyperfine -N --warmup 20 --runs 300 --export-json "$WORK/h.json" \
    -n 'list --json' "$BIN list --json" \
    -n 'curl subscriptions' "curl -s -H 'Authorization: Bearer $TOKEN' $API/webhooks/subscription" \
    -n 'events --json' "$BIN events --json" \
    -n 'curl events' "curl -s -H 'Authorization: Bearer $TOKEN' $API/webhooks/event" \
    -n 'timeular-hooks --help' "$BIN --help" > "$WORK/hyperfine.txt" || { cat "$WORK/hyperfine.txt" >&2; exit 1; }
  python3 - "$WORK/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ms = lambda n: r[n]["mean"] * 1000
print(f"| command | mean | vs curl |")
print(f"|---|---|---|")
print(f"| list --json | {ms('list --json'):.2f} ms | {ms('list --json') / ms('curl subscriptions'):.2f}x |")
print(f"| curl (subscriptions) | {ms('curl subscriptions'):.2f} ms | 1.00x |")
print(f"| events --json | {ms('events --json'):.2f} ms | {ms('events --json') / ms('curl events'):.2f}x |")
print(f"| curl (events) | {ms('curl events'):.2f} ms | 1.00x |")
print(f"| --help | {ms('timeular-hooks --help'):.2f} ms | |")
PY
  kill "$FAKE"
  echo
  echo "Release binary: $(stat -c %s "$BIN") bytes ($(( $(stat -c %s "$BIN") / 1024 )) KiB)"
fi
