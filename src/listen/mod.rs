//! The receiver: a tiny_http server whose handlers record each delivery (`--save`, group-committed),
//! answer the provider as soon as it is recorded, then forward and print it off the answer's path.
//!
//! Threads: tiny_http's accept thread and its connection threads read requests; an elastic pool of
//! handlers takes them from its queue (a keeper thread adds one when none is idle — freely up to
//! [`handlers_easy`], beyond that only for stalled clients, never past [`MAX_HANDLERS`]), records
//! each delivery in the save file by group commit ([`save`], no writer thread) and answers it;
//! forward threads post to `--forward-to`; one printer thread owns stdout, so a slow terminal or pipe
//! never delays an answer.

pub mod forward;
pub mod record;
pub mod register;
pub mod save;

use std::io::{self, Read, Write};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use jiff::tz::TimeZone;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::delivery;
use crate::json::Json;
use crate::output::{Style, paint, paint_into, sanitize, sanitize_block};
use forward::Forwarder;
use record::Received;
use save::Journal;

/// The most handlers at once; past it, requests wait in tiny_http's queue.
pub const MAX_HANDLERS: usize = 512;
/// How long a stop waits for handlers still busy (a stalled client, a slow forward).
pub const STOP_GRACE: Duration = Duration::from_secs(5);
/// The largest header block answered normally; a larger one gets 431. tiny_http reads the whole
/// block before a handler sees it, so this bounds what is kept and shown, not what is read.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;

/// What the receiver does with each delivery.
pub struct Options {
    pub forward: Option<Forwarder>,
    /// Show only these events (after alias resolution); `None` shows all.
    pub show: Option<Vec<String>>,
    pub json: bool,
    pub body: bool,
    pub headers: bool,
    pub color: bool,
    pub max_body: u64,
    /// Deliveries are accepted only under `/<secret>/`.
    pub secret: Option<String>,
    pub tz: TimeZone,
}

/// Counts for `/health` and the summary.
#[derive(Default)]
pub struct Stats {
    pub received: AtomicU64,
    pub accepted: AtomicU64,
    pub rejected: AtomicU64,
    pub too_large: AtomicU64,
    pub unsaved: AtomicU64,
}

/// Why the receiver stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Ctrl-C or SIGTERM.
    Signal,
    /// Nobody reads stdout any more (`| head`).
    OutputClosed,
    /// The server itself failed.
    Failed(String),
}

/// What goes to stdout, gathered for the printer thread: handlers append, the printer takes all of
/// it at once. It is woken only when it may be waiting (the buffer was empty), so under load many
/// lines cost one wake-up and one write.
struct Output {
    state: Mutex<OutState>,
    ready: Condvar,
}

struct OutState {
    buf: Vec<u8>,
    closed: bool,
    /// Lines dropped because stdout did not keep up and the buffer was full.
    dropped: u64,
}

/// How much unprinted output is kept when stdout is slower than the deliveries.
const OUTPUT_MAX: usize = 64 * 1024 * 1024;

impl Output {
    fn push(&self, text: &[u8]) {
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if st.closed {
            return;
        }
        if st.buf.len() + text.len() > OUTPUT_MAX {
            st.dropped += 1;
            return;
        }
        let wake = st.buf.is_empty();
        st.buf.extend_from_slice(text);
        drop(st);
        if wake {
            self.ready.notify_one();
        }
    }

    fn close(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
        self.ready.notify_one();
    }
}

/// Forward threads; a slow app queues deliveries up to [`FORWARD_QUEUE_MAX`].
const FORWARDERS: usize = 8;
const FORWARD_QUEUE_MAX: usize = 10_000;

struct Shared {
    opts: Options,
    stats: Stats,
    journal: Journal,
    output: Arc<Output>,
    forward_tx: Option<Sender<ForwardMsg>>,
    forward_queued: AtomicUsize,
    stop: Sender<Stop>,
    stopping: AtomicBool,
    idle: AtomicUsize,
    /// Handlers reading a request body right now.
    reading: AtomicUsize,
    alive: Mutex<usize>,
    alive_changed: Condvar,
}

/// A receiver that is running.
pub struct Running {
    server: Arc<Server>,
    shared: Arc<Shared>,
    printer: thread::JoinHandle<u64>,
    forwarders: Vec<thread::JoinHandle<()>>,
    pub stop_rx: Receiver<Stop>,
    pub stop_tx: Sender<Stop>,
}

/// Bind the socket; a port in use gets an error naming it and `--port`.
pub fn bind(host: &str, port: u16) -> Result<Server> {
    let addr = if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    Server::http(&addr).map_err(|e| {
        let in_use = e
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::AddrInUse);
        if in_use {
            anyhow!(
                "port {port} on {host} is already in use; pick another with --port (0 picks a free one)"
            )
        } else {
            anyhow!("cannot listen on {addr} ({e}); check --host and --port")
        }
    })
}

/// The URL the server is reachable at locally.
pub fn local_url(server: &Server) -> String {
    match server.server_addr().to_ip() {
        Some(addr) => format!("http://{addr}/"),
        None => "http://(unknown)/".to_string(),
    }
}

/// Start handling requests; `save` is the opened `--save` file, if any.
pub fn start(server: Server, opts: Options, save: Option<std::fs::File>) -> Running {
    let (stop_tx, stop_rx) = mpsc::channel();
    let output = Arc::new(Output {
        state: Mutex::new(OutState {
            buf: Vec::with_capacity(64 * 1024),
            closed: false,
            dropped: 0,
        }),
        ready: Condvar::new(),
    });
    let printer = {
        let stop = stop_tx.clone();
        let output = output.clone();
        thread::Builder::new()
            .name("print".into())
            .spawn(move || printer(&output, stop))
            .expect("starting the print thread")
    };
    let forwarding = opts.forward.is_some();
    let (forward_tx, forward_rx) = mpsc::channel();
    let shared = Arc::new(Shared {
        opts,
        stats: Stats::default(),
        journal: Journal::new(save),
        output,
        forward_tx: forwarding.then_some(forward_tx),
        forward_queued: AtomicUsize::new(0),
        stop: stop_tx.clone(),
        stopping: AtomicBool::new(false),
        idle: AtomicUsize::new(0),
        reading: AtomicUsize::new(0),
        alive: Mutex::new(0),
        alive_changed: Condvar::new(),
    });
    let forward_rx = Arc::new(Mutex::new(forward_rx));
    let forwarders = if forwarding {
        (0..FORWARDERS)
            .filter_map(|_| {
                let shared = shared.clone();
                let rx = forward_rx.clone();
                thread::Builder::new()
                    .name("forward".into())
                    .spawn(move || forwarder(shared, rx))
                    .ok()
            })
            .collect()
    } else {
        Vec::new()
    };
    let server = Arc::new(server);
    for _ in 0..2 {
        spawn_handler(&server, &shared);
    }
    {
        let server = server.clone();
        let shared = shared.clone();
        let _ = thread::Builder::new()
            .name("keeper".into())
            .spawn(move || keeper(server, shared));
    }
    Running {
        server,
        shared,
        printer,
        forwarders,
        stop_rx,
        stop_tx,
    }
}

/// The summary counts after a stop.
pub struct Summary {
    pub received: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub too_large: u64,
    pub unsaved: u64,
    /// Handlers still busy when the grace period ended (stalled clients).
    pub abandoned: usize,
    /// Lines not shown because stdout did not keep up.
    pub not_shown: u64,
}

impl Running {
    /// Stop accepting, let handlers finish what they hold (up to [`STOP_GRACE`]), write out what is
    /// being saved and printed, and return the counts.
    pub fn stop(self) -> Summary {
        let shared = self.shared;
        shared.stopping.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + STOP_GRACE;
        let mut alive = shared.alive.lock().unwrap();
        while *alive > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            alive = shared.alive_changed.wait_timeout(alive, left).unwrap().0;
        }
        let abandoned = *alive;
        drop(alive);
        // Closing the listener: whatever tiny_http still queues is answered 500 by it, so the
        // provider retries it later; nothing unrecorded was acknowledged.
        drop(self.server);
        shared.journal.close();
        if let Some(tx) = &shared.forward_tx {
            for _ in &self.forwarders {
                let _ = tx.send(ForwardMsg::Stop);
            }
        }
        for f in self.forwarders {
            let _ = f.join();
        }
        shared.output.close();
        let not_shown = self.printer.join().unwrap_or(0);
        let s = &shared.stats;
        Summary {
            received: s.received.load(Ordering::SeqCst),
            accepted: s.accepted.load(Ordering::SeqCst),
            rejected: s.rejected.load(Ordering::SeqCst),
            too_large: s.too_large.load(Ordering::SeqCst),
            unsaved: s.unsaved.load(Ordering::SeqCst),
            abandoned,
            not_shown,
        }
    }
}

struct AliveGuard(Arc<Shared>);

impl Drop for AliveGuard {
    fn drop(&mut self) {
        let mut alive = self.0.alive.lock().unwrap();
        *alive -= 1;
        self.0.alive_changed.notify_all();
    }
}

fn spawn_handler(server: &Arc<Server>, shared: &Arc<Shared>) {
    {
        let mut alive = shared.alive.lock().unwrap();
        if *alive >= MAX_HANDLERS {
            return;
        }
        *alive += 1;
    }
    let server = server.clone();
    let shared2 = shared.clone();
    let spawned = thread::Builder::new()
        .name("handler".into())
        .spawn(move || {
            let _guard = AliveGuard(shared2.clone());
            handler_loop(&server, &shared2);
        });
    if spawned.is_err() {
        let mut alive = shared.alive.lock().unwrap();
        *alive -= 1;
    }
}

/// How often the keeper looks at the handler pool.
const KEEP_EVERY: Duration = Duration::from_millis(5);
/// Up to this many handlers — one per core, at least 2 — the pool grows whenever none is idle; past
/// it, only while at least half of them are stuck reading a body (stalled clients). No more handlers
/// than cores can run at once, and a handler that finds the next request already queued takes it
/// without sleeping, while a pool larger than the load puts every request through a sleep and a
/// wake-up. At 8 connections on 2 cores, 2 handlers used 38 µs of CPU per delivery where 8 used 50
/// (1.9 context switches per delivery against 2.5), and peak RSS fell with the thread count.
fn handlers_easy() -> usize {
    let cores = thread::available_parallelism().map_or(2, usize::from);
    cores.clamp(2, 64)
}

/// The keeper: every [`KEEP_EVERY`], start a handler when none is idle and the pool may grow. It does
/// not depend on any handler being free to notice, so a pool of stalled handlers still grows.
fn keeper(server: Arc<Server>, shared: Arc<Shared>) {
    let easy = handlers_easy();
    loop {
        thread::sleep(KEEP_EVERY);
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        if shared.idle.load(Ordering::SeqCst) > 0 {
            continue;
        }
        let alive = *shared.alive.lock().unwrap_or_else(|e| e.into_inner());
        let stalled = shared.reading.load(Ordering::Relaxed);
        if alive < easy || stalled * 2 >= alive {
            spawn_handler(&server, &shared);
        }
    }
}

fn handler_loop(server: &Arc<Server>, shared: &Arc<Shared>) {
    loop {
        let stopping = shared.stopping.load(Ordering::SeqCst);
        shared.idle.fetch_add(1, Ordering::SeqCst);
        let next = if stopping {
            server.try_recv()
        } else {
            server.recv_timeout(Duration::from_millis(100))
        };
        shared.idle.fetch_sub(1, Ordering::SeqCst);
        match next {
            Ok(Some(request)) => {
                let _ = std::panic::catch_unwind(AssertUnwindSafe(|| handle(shared, request)));
            }
            Ok(None) if stopping => return,
            Ok(None) => {
                // Keep a few idle handlers; let the surplus of a burst go.
                if shared.idle.load(Ordering::SeqCst) >= 8 {
                    return;
                }
            }
            Err(e) => {
                if !stopping {
                    let _ = shared.stop.send(Stop::Failed(format!(
                        "the server stopped accepting connections ({e})"
                    )));
                }
                return;
            }
        }
    }
}

fn json_response(status: u16, body: String) -> Response<io::Cursor<Vec<u8>>> {
    Response::from_data(body.into_bytes())
        .with_status_code(status)
        .with_header(Header::from_bytes("Content-Type", "application/json").unwrap())
}

fn is_delivery_path(opts: &Options, path: &str) -> bool {
    match &opts.secret {
        None => true,
        Some(s) => path
            .strip_prefix('/')
            .and_then(|p| p.strip_prefix(s.as_str()))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/')),
    }
}

fn handle(shared: &Shared, request: Request) {
    let path = request.url().split('?').next().unwrap_or("/").to_string();
    let method = request.method().clone();
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        eprintln!(
            "timeular-hooks: warning: refused a request with {header_bytes} bytes of headers (the limit is {MAX_HEADER_BYTES})"
        );
        let _ = request.respond(json_response(
            431,
            r#"{"error":"request header fields too large"}"#.to_string(),
        ));
        return;
    }
    let delivery_path = is_delivery_path(&shared.opts, &path);
    let answer = match (&method, path.as_str()) {
        (Method::Get | Method::Head, "/health") => {
            let s = &shared.stats;
            json_response(
                200,
                format!(
                    r#"{{"status":"ok","received":{},"accepted":{},"rejected":{}}}"#,
                    s.received.load(Ordering::Relaxed),
                    s.accepted.load(Ordering::Relaxed),
                    s.rejected.load(Ordering::Relaxed)
                ),
            )
        }
        (Method::Post, _) if delivery_path => return delivery(shared, request, path),
        (_, _) if delivery_path => json_response(
            405,
            r#"{"error":"method not allowed: deliveries are POSTed"}"#.to_string(),
        )
        .with_header(Header::from_bytes("Allow", "POST").unwrap()),
        _ => json_response(404, r#"{"error":"not found"}"#.to_string()),
    };
    let _ = request.respond(answer);
}

/// "2026-12-03T15:04:05.123Z" (formatted by hand: this runs for every delivery).
fn now_rfc3339() -> String {
    let z = jiff::Timestamp::now().to_zoned_datetime(TimeZone::UTC);
    match delivery::ymd_hms(&z, b'T') {
        Some(text) => {
            let millis = delivery::digits::<3>(u32::try_from(z.millisecond()).unwrap_or(0));
            let mut out = String::with_capacity(24);
            out.push_str(std::str::from_utf8(&text).unwrap_or_default());
            out.push('.');
            out.push_str(std::str::from_utf8(&millis).unwrap_or_default());
            out.push('Z');
            out
        }
        None => z.timestamp().to_string(),
    }
}

fn header_value<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// An accepted delivery on its way to `--forward-to`, with what showing it afterwards needs.
struct Accepted {
    seq: u64,
    bytes: Vec<u8>,
    content_type: Option<String>,
    headers: Vec<String>,
    /// The record, for `--json` (it is what was saved).
    record: Option<Vec<u8>>,
}

/// The client's address, formatted only when a warning names it.
#[derive(Clone, Copy)]
struct Remote(Option<std::net::SocketAddr>);

impl std::fmt::Display for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(a) => write!(f, "{a}"),
            None => f.write_str("?"),
        }
    }
}

enum ForwardMsg {
    Job(Box<Accepted>),
    Stop,
}

fn delivery(shared: &Shared, mut request: Request, path: String) {
    let opts = &shared.opts;
    let remote = Remote(request.remote_addr().copied());
    let too_large = |shared: &Shared, request: Request, size: String| {
        shared.stats.too_large.fetch_add(1, Ordering::Relaxed);
        eprintln!(
            "timeular-hooks: warning: refused a body of {size} from {remote} to {}: over --max-body ({} bytes)",
            sanitize(&path),
            opts.max_body
        );
        let _ = request.respond(json_response(
            413,
            format!(
                r#"{{"error":"body too large: the limit is {} bytes"}}"#,
                opts.max_body
            ),
        ));
    };
    if let Some(len) = request.body_length()
        && len as u64 > opts.max_body
    {
        return too_large(shared, request, format!("{len} bytes"));
    }
    let mut bytes = Vec::with_capacity(request.body_length().unwrap_or(1024).min(64 * 1024));
    shared.reading.fetch_add(1, Ordering::Relaxed);
    let read = request
        .as_reader()
        .take(opts.max_body + 1)
        .read_to_end(&mut bytes);
    shared.reading.fetch_sub(1, Ordering::Relaxed);
    if let Err(e) = read {
        // The body ended before its Content-Length said, or the client went away: nothing is
        // recorded; answer in case it still listens.
        eprintln!(
            "timeular-hooks: warning: a delivery from {remote} to {} broke off mid-body ({e})",
            sanitize(&path)
        );
        let _ = request.respond(json_response(
            400,
            r#"{"error":"the body ended before its Content-Length"}"#.to_string(),
        ));
        return;
    }
    if bytes.len() as u64 > opts.max_body {
        return too_large(shared, request, "more bytes".to_string());
    }
    let received_at = now_rfc3339();
    let seq = shared.stats.received.fetch_add(1, Ordering::SeqCst) + 1;
    let parsed = record::parse_body(&bytes);
    let content_type = header_value(&request, "Content-Type");
    let r = Received {
        received_at: &received_at,
        seq,
        path: &path,
        content_type,
        bytes: &bytes,
    };
    let line = match &parsed {
        Ok(v) => record::accepted(&r, delivery::event_type(v)),
        Err(reason) => record::rejected(&r, reason),
    };
    let content_type = content_type.map(str::to_string);
    let headers = if opts.headers && parsed.is_ok() {
        request
            .headers()
            .iter()
            .map(|h| format!("{}: {}", h.field, h.value))
            .collect()
    } else {
        Vec::new()
    };

    // Answer only once the line is written (or failed to be).
    if let Err(e) = shared.journal.record(&line) {
        // Not recorded, so not acknowledged: the provider will try again.
        shared.stats.unsaved.fetch_add(1, Ordering::Relaxed);
        eprintln!(
            "timeular-hooks: error: delivery #{seq} could not be saved ({e}); answered 503 so the provider retries"
        );
        let _ = request.respond(json_response(
            503,
            r#"{"error":"could not record the delivery"}"#.to_string(),
        ));
        return;
    }
    let body = match parsed {
        Ok(body) => body,
        Err(reason) => {
            shared.stats.rejected.fetch_add(1, Ordering::Relaxed);
            let answer = serde_json::json!({ "error": reason }).to_string();
            let _ = request.respond(json_response(400, answer));
            eprintln!(
                "timeular-hooks: warning: rejected delivery #{seq} from {remote} to {}: {}",
                sanitize(&path),
                sanitize(&reason)
            );
            return;
        }
    };
    shared.stats.accepted.fetch_add(1, Ordering::Relaxed);
    let _ = request.respond(json_response(200, format!(r#"{{"ok":true,"seq":{seq}}}"#)));

    // Off the answer's path: forward, or show it now.
    let Some(tx) = &shared.forward_tx else {
        let record = opts.json.then_some(line.as_slice());
        return show(shared, seq, &bytes, &body, &headers, record, None);
    };
    if shared.forward_queued.fetch_add(1, Ordering::SeqCst) >= FORWARD_QUEUE_MAX {
        shared.forward_queued.fetch_sub(1, Ordering::SeqCst);
        let note = forward::Outcome::Failed {
            reason: format!("not forwarded: {FORWARD_QUEUE_MAX} forwards already waiting"),
            elapsed: Duration::ZERO,
        };
        let record = opts.json.then_some(line.as_slice());
        return show(shared, seq, &bytes, &body, &headers, record, Some(&note));
    }
    drop(body);
    let job = Accepted {
        seq,
        bytes,
        content_type,
        headers,
        record: opts.json.then_some(line),
    };
    if let Err(mpsc::SendError(ForwardMsg::Job(a))) = tx.send(ForwardMsg::Job(Box::new(job))) {
        shared.forward_queued.fetch_sub(1, Ordering::SeqCst);
        show_accepted(shared, &a, None);
    }
}

/// Forward threads: take accepted deliveries in turn, post them to the app, then show them with
/// the app's answer. While the listener stops, what has not been started is shown unforwarded.
fn forwarder(shared: Arc<Shared>, rx: Arc<Mutex<Receiver<ForwardMsg>>>) {
    loop {
        let msg = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(ForwardMsg::Job(accepted)) = msg else {
            return;
        };
        shared.forward_queued.fetch_sub(1, Ordering::SeqCst);
        let Some(f) = &shared.opts.forward else {
            return;
        };
        let outcome = if shared.stopping.load(Ordering::SeqCst) {
            forward::Outcome::Failed {
                reason: "not forwarded: the listener was stopping".to_string(),
                elapsed: Duration::ZERO,
            }
        } else {
            f.forward(&accepted.bytes, accepted.content_type.as_deref())
        };
        show_accepted(&shared, &accepted, Some(&outcome));
    }
}

/// [`show`] for a delivery that went through the forward queue (parsed again: it was valid).
fn show_accepted(shared: &Shared, a: &Accepted, forwarded: Option<&forward::Outcome>) {
    if let Ok(body) = record::parse_body(&a.bytes) {
        let record = a.record.as_deref();
        show(
            shared, a.seq, &a.bytes, &body, &a.headers, record, forwarded,
        );
    }
}

/// Put a delivery on stdout, if `--event` lets it through: its `--json` record, or its line with
/// `--headers` and `--body` below it.
fn show(
    shared: &Shared,
    seq: u64,
    bytes: &[u8],
    body: &Json,
    headers: &[String],
    record: Option<&[u8]>,
    forwarded: Option<&forward::Outcome>,
) {
    let opts = &shared.opts;
    let event = delivery::event_type(body);
    let shown = match (&opts.show, event) {
        (None, _) => true,
        (Some(list), Some(e)) => list.iter().any(|x| x == e),
        (Some(_), None) => false,
    };
    if !shown {
        return;
    }
    if let Some(record) = record {
        let mut json = Vec::with_capacity(record.len() + 1);
        json.extend_from_slice(record);
        json.push(b'\n');
        shared.output.push(&json);
        return;
    }
    let mut t = line_for(opts, seq, event, body, forwarded);
    t.push('\n');
    for h in headers {
        t.push_str("    ");
        t.push_str(&sanitize(h));
        t.push('\n');
    }
    if opts.body {
        // Pretty-printed as a `Value`, which keeps the body's member order.
        let value: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_default();
        let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
        for l in sanitize_block(&pretty).lines() {
            t.push_str("    ");
            t.push_str(l);
            t.push('\n');
        }
    }
    shared.output.push(t.as_bytes());
}

/// `12:00:01  #3  trackingStarted   some activity · started 2016-02-03 04:00:00 · "99 sheep #boring"`
pub fn line_for(
    opts: &Options,
    seq: u64,
    event: Option<&str>,
    body: &Json,
    forwarded: Option<&forward::Outcome>,
) -> String {
    let now = jiff::Timestamp::now().to_zoned_datetime(opts.tz.clone());
    let name = event.map(sanitize);
    let name = name.as_deref().unwrap_or("(no eventType)");
    let style = event.map_or(Style::Bold, delivery::style_of);
    let mut line = String::with_capacity(256);
    let time = delivery::time_of_day(&now);
    paint_into(&mut line, format_args!("{time}"), Style::Dim, opts.color);
    line.push_str("  ");
    paint_into(&mut line, format_args!("#{seq:<3}"), Style::Dim, opts.color);
    line.push_str("  ");
    paint_into(&mut line, format_args!("{name:<17}"), style, opts.color);
    line.push_str("  ");
    line.push_str(&delivery::summary(body, &opts.tz));
    if let Some(f) = forwarded {
        let style = if f.ok() { Style::Green } else { Style::Red };
        line.push_str("  ");
        line.push_str(&paint(&sanitize(&f.describe()), style, opts.color));
    }
    line
}

/// Own stdout: write whatever has gathered, flush, repeat. Returns how many lines were not shown.
fn printer(output: &Output, stop: Sender<Stop>) -> u64 {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut local: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut broken = false;
    loop {
        let mut st = output.state.lock().unwrap_or_else(|e| e.into_inner());
        while st.buf.is_empty() && !st.closed {
            st = output.ready.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        if st.buf.is_empty() && st.closed {
            return st.dropped;
        }
        std::mem::swap(&mut st.buf, &mut local);
        drop(st);
        if !broken {
            let result = out.write_all(&local).and_then(|()| out.flush());
            if result.is_err() {
                // Nobody reads stdout any more (`| head`): stop the listener the way Ctrl-C does.
                broken = true;
                let _ = stop.send(Stop::OutputClosed);
            }
        }
        local.clear();
        // Let a millisecond of lines gather before the next write: at a steady trickle this turns
        // one wake-up and one write per delivery into one per millisecond, and no one can see it.
        thread::sleep(Duration::from_millis(1));
    }
}
