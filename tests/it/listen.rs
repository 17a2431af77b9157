//! listen end to end: every fixture over HTTP, the lines it prints, --json, --save, --forward-to,
//! bad input, and the --subscribe flow against the fake API.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;

use crate::support::*;

fn fixture_names() -> Vec<String> {
    let dir = format!("{}/tests/fixtures/webhooks", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// Drop the receive time and sequence number of a human line.
fn tail(line: &str) -> String {
    let mut parts = line.splitn(3, "  ");
    parts.next();
    parts.next();
    parts.next().unwrap_or("").trim_start().to_string()
}

#[test]
fn every_fixture_reads_well_in_one_line() {
    let env = Env::new();
    let l = Listener::start(&env, None, &[]);
    let names = fixture_names();
    for name in &names {
        let body = fixture(&format!("webhooks/{name}"));
        assert_eq!(post_json(&l.url, &body), 200, "{name}");
    }
    let lines = l.wait_lines(names.len());
    let (status, _, err) = l.interrupt();
    assert!(status.success(), "{err}");
    assert!(err.contains(&format!(
        "Stopped: {n} deliveries ({n} accepted, 0 rejected).",
        n = names.len()
    )));
    let got: Vec<String> = lines.iter().map(|l| tail(l)).collect();
    let expect = [
        "trackingStarted    Misc · started 2020-11-30 07:08:52",
        "trackingStopped    Misc · 2020-11-30 07:08:52 → 08:08:59 (1h 0m 7s)",
        "timeEntryCreated   entry 1 · some activity · 2016-02-03 04:00:00 → 05:00:00 (1h 0m 0s) · \"99 sheep #boring @TheSheep\"",
        "timeEntryDeleted   entry 1 deleted",
        "timeEntryUpdated   entry 1 · some activity · 2016-02-03 04:00:00 → 05:00:00 (1h 0m 0s) · \"99 sheep #boring @TheSheep\"",
        "trackingCanceled   some activity · started 2016-02-03 04:00:00, discarded · \"99 sheep #boring @TheSheep\"",
        "trackingEdited     some activity · since 2016-02-03 04:00:00 · \"99 sheep #boring @TheSheep\"",
        "trackingStarted    some activity · started 2016-02-03 04:00:00 · \"99 sheep #boring @TheSheep\"",
        "trackingStopped    no new time entry",
        "trackingStopped    some activity · 2016-02-03 04:00:00 → 05:00:00 (1h 0m 0s) · \"99 sheep #boring @TheSheep\"",
        "activityCreated    activity 1 · some activity · #ffffff",
        "activityDeleted    activity 1 deleted",
        "activityUpdated    activity 1 · some activity · #ffffff",
        "folderCreated      folder 1 · some folder",
        "folderDeleted      folder 1 deleted",
        "folderUpdated      folder 1 · some folder",
        "timeEntryCreated   entry 1 · some activity · 2016-02-03 04:00:00 → 05:00:00 (1h 0m 0s) · \"99 sheep #boring @TheSheep\"",
        "timeLeaveApproved  time leave 1 · Jane Doe · 2024-07-01 → 2024-07-05 · approved",
        "timeLeaveCreated   time leave 1 · Jane Doe · 2024-07-01 → 2024-07-05 · approved",
        "timeLeaveDeleted   time leave 1 deleted",
        "timeLeaveDenied    time leave 1 · Jane Doe · 2024-07-01 → 2024-07-05 · denied",
        "timeLeaveUpdated   time leave 1 · Jane Doe · 2024-07-01 → 2024-07-05 · approved",
        "trackingStarted    some activity · started 2016-02-03 04:00:00 · \"99 sheep #boring @TheSheep\"",
        "trackingStopped    some activity · 2016-02-03 04:00:00 → 05:00:00 (1h 0m 0s) · \"99 sheep #boring @TheSheep\"",
    ];
    assert_eq!(names.len(), expect.len());
    // Lines may come in any order when posts overlap; these were sequential, so they are in order.
    assert_eq!(got, expect, "{}", lines.join("\n"));
    // The sequence numbers run 1..n.
    for (i, line) in lines.iter().enumerate() {
        assert!(line.contains(&format!("#{:<3}", i + 1)), "{line}");
    }
}

#[test]
fn payload_times_are_shown_in_the_local_zone() {
    let env = Env::new();
    let l = Listener::start_with(&env, None, &[], &[("TZ", "America/New_York")]);
    post_json(&l.url, &fixture("webhooks/real-trackingStopped.json"));
    let lines = l.wait_lines(1);
    assert_eq!(
        tail(&lines[0]),
        "trackingStopped    Misc · 2020-11-30 02:08:52 → 03:08:59 (1h 0m 7s)"
    );
}

#[test]
fn json_lines_carry_the_body_and_nothing_else_is_on_stdout() {
    let env = Env::new();
    let l = Listener::start(&env, None, &["--json"]);
    let names = fixture_names();
    for name in &names {
        post_json(&l.url, &fixture(&format!("webhooks/{name}")));
    }
    post_json(&l.url, "not json");
    let lines = l.wait_lines(names.len());
    let (status, out, err) = l.interrupt();
    assert!(status.success());
    assert!(err.contains("Listening on") && err.contains("rejected delivery"));
    let parsed: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect();
    assert_eq!(parsed.len(), names.len(), "{}", lines.join("\n"));
    for (v, name) in parsed.iter().zip(&names) {
        let want: Value = serde_json::from_str(&fixture(&format!("webhooks/{name}"))).unwrap();
        assert_eq!(v["body"], want, "{name}");
        assert_eq!(v["event"], want["eventType"]);
        assert_eq!(v["path"], "/");
        assert!(v["seq"].as_u64().unwrap() >= 1);
        assert!(v["received_at"].as_str().unwrap().ends_with('Z'));
    }
}

#[test]
fn body_and_headers_are_shown_below_the_line() {
    let env = Env::new();
    let l = Listener::start(&env, None, &["--body", "--headers"]);
    post(
        &l.url,
        fixture("webhooks/v4-folderCreated.json").as_bytes(),
        "application/json",
    );
    l.wait_lines(1);
    std::thread::sleep(Duration::from_millis(100));
    let out = l.stdout();
    assert!(
        out.contains("\n    content-type: application/json\n"),
        "{out}"
    );
    assert!(
        out.contains("\n    {\n      \"userId\": \"123\",\n"),
        "{out}"
    );
    assert!(
        out.contains("      \"eventType\": \"folderCreated\",\n"),
        "{out}"
    );
}

#[test]
fn a_hostile_payload_cannot_drive_the_terminal() {
    let env = Env::new();
    let l = Listener::start(&env, None, &["--body", "--headers"]);
    let evil = r#"{"userId":"1","eventType":"trackingStarted","data":{"currentTracking":{"activity":{"name":"\u001b]0;pwned\u0007\u001b[2J x\u009b1m"},"startedAt":"2020-01-01T00:00:00.000","note":{"text":"line\nbreak \u202e evil","tags":[],"mentions":[]}}}}"#;
    assert_eq!(post_json(&l.url, evil), 200);
    let evil2 = r#"{"userId":"1","eventType":"x\u001b[2J","data":{"\u001bkey":1}}"#;
    assert_eq!(post_json(&l.url, evil2), 200);
    l.wait_lines(2);
    std::thread::sleep(Duration::from_millis(100));
    let out = l.stdout();
    for c in out.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "control character {c:?} in {out:?}"
        );
    }
    assert!(out.contains("]0;pwned[2J x1m"), "{out}");
}

#[test]
fn event_filter_shows_some_and_saves_all() {
    let env = Env::new();
    let save = env.path("s.jsonl");
    let l = Listener::start(
        &env,
        None,
        &[
            "--event",
            "stopped",
            "folderCreated",
            "--save",
            save.to_str().unwrap(),
        ],
    );
    for name in [
        "v3-trackingStarted.json",
        "v3-trackingStopped.json",
        "v4-folderCreated.json",
        "v3-timeEntryDeleted.json",
    ] {
        assert_eq!(
            post_json(&l.url, &fixture(&format!("webhooks/{name}"))),
            200
        );
    }
    let (_, out, _) = l.interrupt();
    let events: Vec<String> = out
        .lines()
        .map(|l| tail(l).split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(events, vec!["trackingStopped", "folderCreated"]);
    assert_eq!(std::fs::read_to_string(&save).unwrap().lines().count(), 4);
}

#[test]
fn saved_deliveries_survive_a_kill() {
    let env = Env::new();
    let save = env.path("deliveries.jsonl");
    let l = Listener::start(&env, None, &["--save", save.to_str().unwrap()]);
    let body = fixture("webhooks/v3-trackingStarted.json");
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let url = l.url.clone();
            let body = body.clone();
            std::thread::spawn(move || {
                let client = reqwest::blocking::Client::new();
                let mut ok = 0;
                for _ in 0..100 {
                    let r = client
                        .post(&url)
                        .header("Content-Type", "application/json")
                        .body(body.clone())
                        .send()
                        .unwrap();
                    if r.status() == 200 {
                        ok += 1;
                    }
                }
                ok
            })
        })
        .collect();
    let acked: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(acked, 400);
    l.signal("KILL");
    let (status, _, _) = l.wait();
    assert!(!status.success());
    let text = std::fs::read_to_string(&save).unwrap();
    let mut seqs: Vec<u64> = text
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["event"], "trackingStarted");
            assert_eq!(v["body"]["data"]["currentTracking"]["id"], 1);
            v["seq"].as_u64().unwrap()
        })
        .collect();
    seqs.sort();
    assert_eq!(seqs, (1..=400).collect::<Vec<u64>>());
}

#[test]
fn rejected_bodies_are_saved_raw_and_answered_400() {
    let env = Env::new();
    let save = env.path("s.jsonl");
    let l = Listener::start(&env, None, &["--save", save.to_str().unwrap()]);
    let (status, body) = post(&l.url, b"{not json", "application/json");
    assert_eq!(status, 400);
    assert!(body.contains("not JSON"), "{body}");
    let (status, body) = post(&l.url, b"[1,2]", "application/json");
    assert_eq!(status, 400);
    assert!(body.contains("expected a JSON object, got an array"));
    let (status, _) = post(&l.url, b"", "application/json");
    assert_eq!(status, 400);
    // Valid JSON with the wrong content type is still a delivery.
    let (status, _) = post(&l.url, br#"{"eventType":"trackingStarted"}"#, "text/plain");
    assert_eq!(status, 200);
    l.wait_stderr("rejected delivery #3");
    let (_, _, err) = l.interrupt();
    assert!(err.contains("rejected delivery #1 from 127.0.0.1:"));
    assert!(err.contains("Stopped: 4 deliveries (1 accepted, 3 rejected)."));
    let lines: Vec<Value> = std::fs::read_to_string(&save)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["raw"], "{not json");
    assert_eq!(lines[0]["body"], Value::Null);
    assert!(
        lines[0]["rejected"]
            .as_str()
            .unwrap()
            .starts_with("not JSON")
    );
    assert_eq!(lines[3]["content_type"], "text/plain");
}

#[test]
fn routing_health_methods_and_sizes() {
    let env = Env::new();
    let l = Listener::start(&env, None, &["--max-body", "100", "--secret", "s3cr3t"]);
    l.wait_stderr("Deliveries are accepted only under /s3cr3t/");
    let base = l.url.trim_end_matches('/').to_string();
    let client = reqwest::blocking::Client::new();
    let small = r#"{"eventType":"trackingStarted"}"#;
    assert_eq!(
        post_json(&format!("{base}/s3cr3t/trackingStarted"), small),
        200
    );
    assert_eq!(post_json(&format!("{base}/s3cr3t"), small), 200);
    assert_eq!(
        post_json(&format!("{base}/other/trackingStarted"), small),
        404
    );
    assert_eq!(post_json(&format!("{base}/s3cr3tx/a"), small), 404);
    let big = format!(r#"{{"eventType":"x","pad":"{}"}}"#, "a".repeat(200));
    assert_eq!(post_json(&format!("{base}/s3cr3t/"), &big), 413);
    let put = client
        .put(format!("{base}/s3cr3t/"))
        .body("{}")
        .send()
        .unwrap();
    assert_eq!(put.status(), 405);
    assert_eq!(put.headers()["allow"], "POST");
    let health = client.get(format!("{base}/health")).send().unwrap();
    assert_eq!(health.status(), 200);
    let h: Value = health.json().unwrap();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["received"], 2);
    assert_eq!(client.get(format!("{base}/")).send().unwrap().status(), 404);
    let (_, _, err) = l.interrupt();
    assert!(err.contains("refused a body of"), "{err}");
    assert!(err.contains("Stopped: 2 deliveries (2 accepted, 0 rejected, 1 too large)."));
}

#[test]
fn oversized_body_is_refused_without_being_kept() {
    let env = Env::new();
    let save = env.path("s.jsonl");
    let l = Listener::start(&env, None, &["--save", save.to_str().unwrap()]);
    let big = vec![b' '; 10 * 1024 * 1024];
    let (status, body) = post(&l.url, &big, "application/json");
    assert_eq!(status, 413);
    assert!(body.contains("the limit is 1048576 bytes"));
    // Chunked, with no length up front: cut off at the limit too.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..20).map(|_| Ok(vec![b' '; 100 * 1024])).collect();
    let resp = reqwest::blocking::Client::new()
        .post(&l.url)
        .body(reqwest::blocking::Body::new(ChunkReader::new(chunks)))
        .send();
    if let Ok(r) = resp {
        assert_eq!(r.status(), 413);
    }
    assert_eq!(post_json(&l.url, r#"{"eventType":"x"}"#), 200);
    let (_, _, err) = l.interrupt();
    assert!(err.contains("1 accepted"), "{err}");
    assert_eq!(std::fs::read_to_string(&save).unwrap().lines().count(), 1);
}

/// A reader that hands out the chunks one by one (reqwest then sends them chunked).
struct ChunkReader {
    chunks: std::vec::IntoIter<Result<Vec<u8>, std::io::Error>>,
    current: Vec<u8>,
}

impl ChunkReader {
    fn new(chunks: Vec<Result<Vec<u8>, std::io::Error>>) -> Self {
        ChunkReader {
            chunks: chunks.into_iter(),
            current: Vec::new(),
        }
    }
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.current.is_empty() {
            match self.chunks.next() {
                Some(Ok(c)) => self.current = c,
                Some(Err(e)) => return Err(e),
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        self.current.drain(..n);
        Ok(n)
    }
}

#[test]
fn stalled_and_idle_clients_do_not_hold_up_the_others() {
    let env = Env::new();
    let l = Listener::start(&env, None, &[]);
    let addr = l
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    // Clients that promise a body and never finish it: more than 1 KiB, so a handler (not tiny_http)
    // reads it, and more of them than the pool grows to freely (16).
    let mut stalled: Vec<TcpStream> = (0..30)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"eventType\"")
                .unwrap();
            s
        })
        .collect();
    // Connections that say nothing at all.
    let idle: Vec<TcpStream> = (0..20)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    // Each post has a 10 s client timeout: one held up behind a stalled client fails here.
    for _ in 0..20 {
        assert_eq!(post_json(&l.url, r#"{"eventType":"trackingStarted"}"#), 200);
    }
    let health = reqwest::blocking::get(format!("{}health", l.url)).unwrap();
    assert_eq!(health.status(), 200);
    for s in &mut stalled {
        let _ = s.write_all(b"");
    }
    drop(idle);
    let (status, _, err) = l.interrupt();
    assert!(status.success(), "{err}");
    assert!(err.contains("20 accepted"), "{err}");
}

#[test]
fn a_port_in_use_is_named() {
    let env = Env::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let a = env.cmd().args(["listen", "--port", &port]).assert().code(1);
    assert_eq!(
        stderr(&a),
        format!(
            "timeular-hooks: error: port {port} on 127.0.0.1 is already in use; pick another with --port (0 picks a free one)\n"
        )
    );
}

#[test]
fn binding_beyond_loopback_warns() {
    let env = Env::new();
    let l = Listener::start(&env, None, &["--host", "0.0.0.0"]);
    assert!(
        l.stderr()
            .contains("warning: listening on 0.0.0.0 opens port 0 to the network")
    );
}

#[test]
fn sigterm_stops_cleanly() {
    let env = Env::new();
    let l = Listener::start(&env, None, &[]);
    post_json(&l.url, r#"{"eventType":"trackingStarted"}"#);
    l.signal("TERM");
    let (status, _, err) = l.wait();
    assert!(status.success(), "{err}");
    assert!(err.contains("Stopped: 1 delivery (1 accepted, 0 rejected)."));
}

#[test]
fn forward_to_passes_bytes_on_and_shows_the_answer() {
    let env = Env::new();
    let app = App::start(201, Duration::ZERO);
    let l = Listener::start(&env, None, &["--forward-to", &app.url]);
    let body = fixture("webhooks/v3-trackingStarted.json");
    assert_eq!(
        post(&l.url, body.as_bytes(), "application/json; charset=utf-8").0,
        200
    );
    let lines = l.wait_lines(1);
    assert!(lines[0].contains("→ 201 in "), "{}", lines[0]);
    let got = app.got.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, body.as_bytes(), "bytes unchanged");
    assert_eq!(got[0].1.as_deref(), Some("application/json; charset=utf-8"));
}

#[test]
fn forward_410_slow_and_down_never_change_the_answer() {
    let env = Env::new();
    let gone = App::start(410, Duration::ZERO);
    let l = Listener::start(&env, None, &["--forward-to", &gone.url]);
    assert_eq!(post_json(&l.url, r#"{"eventType":"trackingStarted"}"#), 200);
    let lines = l.wait_lines(1);
    assert!(
        lines[0].contains("→ 410 in ") && lines[0].contains("(not passed on)"),
        "{}",
        lines[0]
    );
    drop(l);

    let slow = App::start(200, Duration::from_secs(3));
    let l = Listener::start(
        &env,
        None,
        &["--forward-to", &slow.url, "--forward-timeout", "1"],
    );
    assert_eq!(post_json(&l.url, r#"{"eventType":"trackingStarted"}"#), 200);
    // The provider had its answer while the app was still sitting on the forward.
    assert_eq!(slow.answered(), 0, "the 200 waited for the forward");
    let lines = l.wait_lines(1);
    assert!(
        lines[0].contains("→ failed: no answer within 1 s"),
        "{}",
        lines[0]
    );
    drop(l);

    let down = {
        let t = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/", t.local_addr().unwrap())
    };
    let l = Listener::start(&env, None, &["--forward-to", &down]);
    assert_eq!(post_json(&l.url, r#"{"eventType":"trackingStarted"}"#), 200);
    let lines = l.wait_lines(1);
    assert!(
        lines[0].contains("→ failed: connection refused"),
        "{}",
        lines[0]
    );
}

#[test]
fn bad_listen_options_are_usage_errors() {
    let env = Env::new();
    let a = env
        .cmd()
        .args(["listen", "--forward-to", "nowhere"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("invalid --forward-to URL 'nowhere'"));
    let a = env
        .cmd()
        .args(["listen", "--secret", "a/b"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("invalid --secret 'a/b'"));
    env.cmd()
        .args(["listen", "--subscribe", "started"])
        .assert()
        .code(2);
    let a = env
        .cmd()
        .args([
            "listen",
            "--port",
            "0",
            "--save",
            "/nonexistent/dir/x.jsonl",
        ])
        .assert()
        .code(1);
    assert!(stderr(&a).contains("cannot open --save file /nonexistent/dir/x.jsonl"));
}

// --- the --subscribe flow -------------------------------------------------------------------

const PUBLIC: &str = "https://tunnel.example.org";

fn our_subs(api: &FakeApi) -> Vec<crate::support::fake_api::Sub> {
    api.subs()
        .into_iter()
        .filter(|s| s.target_url.starts_with(PUBLIC))
        .collect()
}

#[test]
fn subscribe_on_start_and_remove_exactly_those_on_exit() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    let unrelated = api.add_sub("trackingStarted", "https://elsewhere.example.org/hook");
    let l = Listener::start(
        &env,
        Some(&api),
        &["--subscribe", "started", "stopped", "--public-url", PUBLIC],
    );
    l.wait_stderr("Press Ctrl-C to stop.");
    let ours = our_subs(&api);
    assert_eq!(ours.len(), 2);
    let secret = ours[0]
        .target_url
        .strip_prefix(&format!("{PUBLIC}/"))
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(secret.len(), 32);
    assert_eq!(
        ours[0].target_url,
        format!("{PUBLIC}/{secret}/trackingStarted")
    );
    assert_eq!(
        ours[1].target_url,
        format!("{PUBLIC}/{secret}/trackingStopped")
    );
    let banner = l.stderr();
    assert!(banner.contains("Subscribed (removed on exit):"), "{banner}");
    assert!(banner.contains(&format!(
        "  {}  trackingStarted  {PUBLIC}/{secret}/trackingStarted",
        ours[0].id
    )));
    // The provider delivers to the secret path; the local URL is the same path.
    let local = format!("{}{secret}/trackingStarted", l.url);
    assert_eq!(
        post_json(&local, &fixture("webhooks/v3-trackingStarted.json")),
        200
    );
    assert_eq!(post_json(&l.url, r#"{"eventType":"trackingStarted"}"#), 404);
    l.wait_lines(1);
    let (status, _, err) = l.interrupt();
    assert!(status.success(), "{err}");
    assert!(err.contains("; 2 subscription(s) removed."), "{err}");
    let left = api.subs();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, unrelated);
}

#[test]
fn a_killed_run_leaves_nothing_that_piles_up() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    api.set_limit(2);
    for _ in 0..3 {
        let l = Listener::start(
            &env,
            Some(&api),
            &["--subscribe", "started", "--public-url", PUBLIC],
        );
        l.wait_stderr("Press Ctrl-C to stop.");
        assert_eq!(our_subs(&api).len(), 1, "{}", l.stderr());
        l.signal("KILL");
        l.wait();
    }
    let l = Listener::start(
        &env,
        Some(&api),
        &["--subscribe", "started", "--public-url", PUBLIC],
    );
    l.wait_stderr("Press Ctrl-C to stop.");
    assert!(l.stderr().contains("left by an earlier run"));
    let (status, _, _) = l.interrupt();
    assert!(status.success());
    assert!(our_subs(&api).is_empty());
}

#[test]
fn keep_and_a_fixed_secret_reuse_the_subscription() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    let args = [
        "--subscribe",
        "started",
        "--public-url",
        PUBLIC,
        "--secret",
        "mine",
        "--keep",
    ];
    let l = Listener::start(&env, Some(&api), &args);
    l.wait_stderr("Press Ctrl-C to stop.");
    let (_, _, err) = l.interrupt();
    assert!(err.contains("subscriptions kept"), "{err}");
    let first = our_subs(&api);
    assert_eq!(first.len(), 1);
    assert_eq!(
        first[0].target_url,
        format!("{PUBLIC}/mine/trackingStarted")
    );
    let l = Listener::start(&env, Some(&api), &args[..6]);
    l.wait_stderr("Press Ctrl-C to stop.");
    assert!(
        l.stderr()
            .contains(&format!("Reusing subscription {}", first[0].id))
    );
    assert_eq!(our_subs(&api), first);
    l.interrupt();
    assert!(our_subs(&api).is_empty());
}

#[test]
fn a_failed_subscribe_leaves_nothing_half_made() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    api.set_limit(1);
    let other = api.add_sub("trackingStopped", "https://elsewhere.example.org/");
    let mut cmd = env.api_cmd(&api);
    cmd.args([
        "listen",
        "--port",
        "0",
        "--subscribe",
        "started",
        "stopped",
        "--public-url",
        PUBLIC,
    ]);
    let a = cmd.timeout(Duration::from_secs(20)).assert().code(1);
    let err = stderr(&a);
    assert!(
        err.contains("removed the 1 subscription(s) this run had made"),
        "{err}"
    );
    assert!(err.contains(&format!(
        "trackingStopped has as many subscriptions as the API allows (maximum subscriptions per event exceeded): {other} -> https://elsewhere.example.org/"
    )), "{err}");
    assert_eq!(api.subs().len(), 1);
}

#[test]
fn subscribe_needs_a_sign_in_and_warns_on_http() {
    let api = FakeApi::start();
    let env = Env::new();
    let a = env
        .api_cmd(&api)
        .args([
            "listen",
            "--port",
            "0",
            "--subscribe",
            "started",
            "--public-url",
            "http://tunnel.example.org",
        ])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(3);
    let err = stderr(&a);
    assert!(
        err.contains("warning: http://tunnel.example.org/ is not a public https URL"),
        "{err}"
    );
    assert!(err.contains("not signed in"), "{err}");
}
