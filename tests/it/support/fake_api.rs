//! A stateful fake of the Timeular webhooks API on 127.0.0.1 (port 0), following
//! ../shared/timeular-api.md: sign-in with key and secret, bearer tokens, the events list,
//! subscriptions with a per-event limit, the documented error bodies, a 401 with an empty body and no
//! Content-Type for a bad token. Faults can be scripted for the next matching requests: plain-text
//! 500s, 429 with Retry-After, HTML, hangs, connections dropped mid-answer, and requests that are
//! carried out but answered with a failure. Every request is logged so tests can assert on what the
//! CLI sent.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use serde_json::{Value, json};
use tiny_http::{Header, Method, Request, Response, Server};

pub const KEY: &str = "test-key";
pub const SECRET: &str = "test-secret";

pub const V3_EVENTS: &[&str] = &[
    "timeEntryCreated",
    "timeEntryUpdated",
    "timeEntryDeleted",
    "trackingStarted",
    "trackingStopped",
    "trackingEdited",
    "trackingCanceled",
];

/// What a scripted fault does instead of (or after) the normal handling.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status, body and optional content type and extra headers.
    Answer {
        status: u16,
        body: String,
        content_type: Option<&'static str>,
        headers: Vec<(&'static str, String)>,
    },
    /// Sleep this long before answering normally (past the client's timeout, it gives up).
    Hang(Duration),
    /// Send the status line and part of the body, then close the connection.
    Drop,
    /// Carry the request out, then answer with this fault instead of the normal answer.
    AfterApplying(Box<Fault>),
}

impl Fault {
    pub fn plain_500() -> Fault {
        Fault::Answer {
            status: 500,
            body: "Internal Server Error".into(),
            content_type: Some("text/plain"),
            headers: vec![],
        }
    }

    pub fn too_many(retry_after: &str) -> Fault {
        Fault::Answer {
            status: 429,
            body: r#"{"message": "too many requests"}"#.into(),
            content_type: Some("application/json"),
            headers: vec![("Retry-After", retry_after.to_string())],
        }
    }

    pub fn html(status: u16) -> Fault {
        Fault::Answer {
            status,
            body: "<html><head><title>Bad Gateway</title></head><body>nginx</body></html>".into(),
            content_type: Some("text/html"),
            headers: vec![],
        }
    }

    pub fn ok_body(body: &str) -> Fault {
        Fault::Answer {
            status: 200,
            body: body.into(),
            content_type: Some("application/json"),
            headers: vec![],
        }
    }
}

#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    /// The request target as sent: absolute when the request came through a proxy.
    pub target: String,
    pub authorization: Option<String>,
    pub user_agent: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sub {
    pub id: String,
    pub event: String,
    pub target_url: String,
}

struct State {
    secret_of: HashMap<String, String>,
    tokens: HashSet<String>,
    issued: u32,
    subs: Vec<Sub>,
    next_id: u64,
    limit: usize,
    events: Vec<String>,
    faults: VecDeque<(String, String, Fault)>,
    log: Vec<Logged>,
}

/// Client sockets by the relay's own address towards tiny_http, so a handler can close the client's
/// connection (tiny_http keeps its sockets to itself).
type Relayed = Arc<Mutex<HashMap<SocketAddr, TcpStream>>>;

pub struct FakeApi {
    pub url: String,
    state: Arc<Mutex<State>>,
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
    relay_stop: Arc<std::sync::atomic::AtomicBool>,
    relay_addr: SocketAddr,
}

/// Accept on `front` and pipe every connection to `back`, remembering each client socket.
fn relay(
    front: TcpListener,
    back: SocketAddr,
    relayed: Relayed,
    stop: Arc<std::sync::atomic::AtomicBool>,
) {
    for client in front.incoming() {
        if stop.load(std::sync::atomic::Ordering::SeqCst) {
            break;
        }
        let Ok(client) = client else { continue };
        let Ok(upstream) = TcpStream::connect(back) else {
            continue;
        };
        let _ = client.set_nodelay(true);
        let _ = upstream.set_nodelay(true);
        if let (Ok(addr), Ok(c)) = (upstream.local_addr(), client.try_clone()) {
            relayed.lock().unwrap().insert(addr, c);
        }
        let pipe = |mut from: TcpStream, mut to: TcpStream| {
            thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                loop {
                    match from.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            if to.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                    }
                }
                let _ = to.shutdown(Shutdown::Write);
            });
        };
        if let (Ok(c2), Ok(u2)) = (client.try_clone(), upstream.try_clone()) {
            pipe(c2, upstream);
            pipe(u2, client);
        }
    }
}

impl FakeApi {
    /// A fake with the v3 events, one valid key/secret pair, a limit of 5 per event.
    pub fn start() -> FakeApi {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("binding the fake API"));
        let back = server.server_addr().to_ip().unwrap();
        let front = TcpListener::bind("127.0.0.1:0").expect("binding the fake API's relay");
        let relay_addr = front.local_addr().unwrap();
        let port = relay_addr.port();
        let relayed: Relayed = Arc::new(Mutex::new(HashMap::new()));
        let relay_stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        {
            let relayed = relayed.clone();
            let stop = relay_stop.clone();
            thread::spawn(move || relay(front, back, relayed, stop));
        }
        let state = Arc::new(Mutex::new(State {
            secret_of: HashMap::from([(KEY.to_string(), SECRET.to_string())]),
            tokens: HashSet::new(),
            issued: 0,
            subs: Vec::new(),
            next_id: 100001,
            limit: 5,
            events: V3_EVENTS.iter().map(|s| s.to_string()).collect(),
            faults: VecDeque::new(),
            log: Vec::new(),
        }));
        let thread = {
            let server = server.clone();
            let state = state.clone();
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    let state = state.clone();
                    let relayed = relayed.clone();
                    thread::spawn(move || handle(&state, &relayed, request));
                }
            })
        };
        FakeApi {
            url: format!("http://127.0.0.1:{port}/api/v3"),
            state,
            server,
            thread: Some(thread),
            relay_stop,
            relay_addr,
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        f(&mut self.state.lock().unwrap())
    }

    /// Script a fault for the next request with this method whose path starts with `path`.
    pub fn fail_next(&self, method: &str, path: &str, fault: Fault) {
        self.with(|s| {
            s.faults
                .push_back((method.to_string(), path.to_string(), fault))
        });
    }

    pub fn set_events(&self, events: &[&str]) {
        self.with(|s| s.events = events.iter().map(|e| e.to_string()).collect());
    }

    pub fn set_limit(&self, limit: usize) {
        self.with(|s| s.limit = limit);
    }

    /// Forget every token issued so far, as an expiry would.
    pub fn expire_tokens(&self) {
        self.with(|s| s.tokens.clear());
    }

    /// A token the fake accepts, as a sign-in would issue it.
    pub fn issue_token(&self) -> String {
        self.with(issue)
    }

    pub fn add_sub(&self, event: &str, target_url: &str) -> String {
        self.with(|s| add(s, event, target_url))
    }

    pub fn subs(&self) -> Vec<Sub> {
        self.with(|s| s.subs.clone())
    }

    pub fn log(&self) -> Vec<Logged> {
        self.with(|s| s.log.clone())
    }

    /// How many requests with this method and path (exact) came in.
    pub fn hits(&self, method: &str, path: &str) -> usize {
        let full = format!("/api/v3{path}");
        self.log()
            .iter()
            .filter(|l| l.method == method && l.path == full)
            .count()
    }

    pub fn clear_faults(&self) {
        self.with(|s| s.faults.clear());
    }

    pub fn pending_faults(&self) -> usize {
        self.with(|s| s.faults.len())
    }
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.relay_stop
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = TcpStream::connect(self.relay_addr);
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn issue(s: &mut State) -> String {
    s.issued += 1;
    let token = format!("eyJhbGciOiJIUzI1NiJ9.fake{}.signature", s.issued);
    s.tokens.insert(token.clone());
    token
}

fn add(s: &mut State, event: &str, target_url: &str) -> String {
    let id = s.next_id.to_string();
    s.next_id += 1;
    s.subs.push(Sub {
        id: id.clone(),
        event: event.to_string(),
        target_url: target_url.to_string(),
    });
    id
}

struct Reply {
    status: u16,
    body: String,
    content_type: Option<&'static str>,
    headers: Vec<(&'static str, String)>,
}

fn json_reply(status: u16, body: Value) -> Reply {
    Reply {
        status,
        body: body.to_string(),
        content_type: Some("application/json"),
        headers: vec![],
    }
}

fn error(status: u16, message: &str) -> Reply {
    let phrase = match status {
        400 => "400 Bad Request",
        404 => "404 Not Found",
        _ => "500 Internal Server Error",
    };
    json_reply(status, json!({"message": message, "status": phrase}))
}

fn empty(status: u16) -> Reply {
    Reply {
        status,
        body: String::new(),
        content_type: None,
        headers: vec![],
    }
}

fn handle(state: &Mutex<State>, relayed: &Relayed, mut request: Request) {
    let client = request.remote_addr().and_then(|a| {
        relayed
            .lock()
            .unwrap()
            .get(a)
            .and_then(|s| s.try_clone().ok())
    });
    let mut body = String::new();
    let _ = request.as_reader().read_to_string(&mut body);
    let method_kind = request.method().clone();
    let method = method_kind.to_string();
    // Through a proxy the request target is absolute (`http://host/path`): serve the path, and log
    // the target as it came so tests can see the proxy was used.
    let target = request.url().to_string();
    let path = match target.strip_prefix("http://") {
        Some(rest) => rest.find('/').map_or("/", |i| &rest[i..]).to_string(),
        None => target.clone(),
    };
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|h| (h.field.to_string(), h.value.to_string()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let authorization = header("Authorization");
    let fault = {
        let mut s = state.lock().unwrap();
        s.log.push(Logged {
            method: method.clone(),
            path: path.clone(),
            target: target.clone(),
            authorization: authorization.clone(),
            user_agent: header("User-Agent"),
            body: body.clone(),
        });
        let rel = path.strip_prefix("/api/v3").unwrap_or(&path).to_string();
        let at = s
            .faults
            .iter()
            .position(|(m, p, _)| *m == method && rel.starts_with(p.as_str()));
        at.and_then(|i| s.faults.remove(i)).map(|(_, _, f)| f)
    };
    let apply = |state: &Mutex<State>| {
        let mut s = state.lock().unwrap();
        route(&mut s, &method_kind, &path, authorization.as_deref(), &body)
    };
    let reply = match fault {
        None => apply(state),
        Some(Fault::Hang(d)) => {
            thread::sleep(d);
            apply(state)
        }
        Some(Fault::AfterApplying(inner)) => {
            let _ = apply(state);
            match *inner {
                Fault::Drop => return drop_connection(request, client),
                other => fault_reply(other),
            }
        }
        Some(Fault::Drop) => return drop_connection(request, client),
        Some(other) => fault_reply(other),
    };
    let mut response = Response::from_string(reply.body).with_status_code(reply.status);
    if let Some(ct) = reply.content_type {
        response.add_header(Header::from_bytes("Content-Type", ct).unwrap());
    }
    for (k, v) in reply.headers {
        response.add_header(Header::from_bytes(k, v.as_bytes()).unwrap());
    }
    let _ = request.respond(response);
}

fn fault_reply(f: Fault) -> Reply {
    match f {
        Fault::Answer {
            status,
            body,
            content_type,
            headers,
        } => Reply {
            status,
            body,
            content_type,
            headers,
        },
        other => panic!("fault {other:?} has no reply"),
    }
}

/// Send the start of an answer, then close the client's connection with the body unfinished.
fn drop_connection(request: Request, client: Option<TcpStream>) {
    let mut w = request.into_writer();
    let _ = w.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"subscr",
    );
    let _ = w.flush();
    drop(w);
    // Let the relay pass the partial answer on, then cut the client off.
    thread::sleep(Duration::from_millis(50));
    if let Some(c) = client {
        let _ = c.shutdown(Shutdown::Both);
    }
}

fn route(s: &mut State, method: &Method, path: &str, auth: Option<&str>, body: &str) -> Reply {
    let Some(rel) = path.strip_prefix("/api/v3") else {
        return Reply {
            status: 404,
            body: "404 page not found".into(),
            content_type: Some("text/plain"),
            headers: vec![],
        };
    };
    if *method == Method::Post && rel == "/developer/sign-in" {
        let Ok(v) = serde_json::from_str::<Value>(body) else {
            return json_reply(400, json!({"message": "malformed request body"}));
        };
        let (Some(key), Some(secret)) = (v["apiKey"].as_str(), v["apiSecret"].as_str()) else {
            return json_reply(400, json!({"message": "apiKey and apiSecret are required"}));
        };
        if s.secret_of.get(key).map(String::as_str) != Some(secret) {
            return json_reply(401, json!({"message": "invalid api key or secret"}));
        }
        return json_reply(200, json!({"token": issue(s)}));
    }
    let token = auth.and_then(|a| a.strip_prefix("Bearer ")).unwrap_or("");
    if !s.tokens.contains(token) {
        return empty(401);
    }
    match (method, rel) {
        (Method::Post, "/developer/logout") => {
            s.tokens.remove(token);
            empty(200)
        }
        (Method::Get, "/webhooks/event") => json_reply(200, json!({"events": s.events})),
        (Method::Get, "/webhooks/subscription") => json_reply(
            200,
            json!({"subscriptions": s.subs.iter().map(|x| json!({"id": x.id, "event": x.event, "target_url": x.target_url})).collect::<Vec<_>>()}),
        ),
        (Method::Post, "/webhooks/subscription") => {
            let v: Value = serde_json::from_str(body).unwrap_or(Value::Null);
            let event = v["event"].as_str().unwrap_or("");
            let url = v["target_url"].as_str().unwrap_or("");
            if !s.events.iter().any(|e| e == event) {
                return error(400, "invalid event provided");
            }
            if !url.starts_with("https://") || url.len() <= "https://".len() {
                return error(400, "invalid URL provided");
            }
            if s.subs.iter().filter(|x| x.event == event).count() >= s.limit {
                return error(400, "maximum subscriptions per event exceeded");
            }
            let id = add(s, event, url);
            json_reply(200, json!({"id": id}))
        }
        (Method::Delete, "/webhooks/subscription") => {
            s.subs.clear();
            json_reply(200, json!({"message": "success"}))
        }
        (Method::Delete, p) if p.starts_with("/webhooks/subscription/") => {
            let id = &p["/webhooks/subscription/".len()..];
            match s.subs.iter().position(|x| x.id == id) {
                Some(i) => {
                    s.subs.remove(i);
                    json_reply(200, json!({"message": "success"}))
                }
                None => error(404, &format!("could not find subscription with id {id}")),
            }
        }
        _ => Reply {
            status: 404,
            body: "404 page not found".into(),
            content_type: Some("text/plain"),
            headers: vec![],
        },
    }
}

/// For tests that want to read the fixture bodies the fake is built on.
#[allow(dead_code)]
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut s = String::new();
    std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}
