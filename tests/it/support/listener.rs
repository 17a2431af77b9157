//! Runs `timeular-hooks listen` as a child process on port 0 and reads what it prints.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::{BIN, Env, FakeApi};

pub struct Listener {
    pub child: Child,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    out: Arc<Mutex<String>>,
    err: Arc<Mutex<String>>,
    readers: Vec<thread::JoinHandle<()>>,
}

fn pump(mut r: impl Read + Send + 'static, into: Arc<Mutex<String>>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => into
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n])),
            }
        }
    })
}

impl Listener {
    /// Start `listen --port 0 ARGS...` (with the fake API's URL when given) and wait for its banner.
    pub fn start(env: &Env, api: Option<&FakeApi>, args: &[&str]) -> Listener {
        Self::start_with(env, api, args, &[])
    }

    pub fn start_with(
        env: &Env,
        api: Option<&FakeApi>,
        args: &[&str],
        vars: &[(&str, &str)],
    ) -> Listener {
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", env.dir.path())
            .env("TZ", "UTC")
            .env("NO_COLOR", "1")
            .env("TIMEULAR_HOOKS_CONFIG_DIR", env.config_dir());
        if let Some(api) = api {
            cmd.env("TIMEULAR_API_URL", &api.url);
        }
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd.args(["listen", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("starting listen");
        let out = Arc::new(Mutex::new(String::new()));
        let err = Arc::new(Mutex::new(String::new()));
        let stdout = child.stdout.take().unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        // Read stderr line by line until the banner names the port.
        let started = Instant::now();
        let mut url = None;
        let mut line = String::new();
        while started.elapsed() < Duration::from_secs(20) {
            line.clear();
            if stderr.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            err.lock().unwrap().push_str(&line);
            if let Some(rest) = line.trim().strip_prefix("Listening on ") {
                url = Some(rest.to_string());
                break;
            }
        }
        let Some(url) = url else {
            let _ = child.kill();
            let status = child.wait().unwrap();
            let mut rest = String::new();
            let _ = stderr.read_to_string(&mut rest);
            panic!(
                "listen did not start ({status}): {}{rest}",
                err.lock().unwrap()
            );
        };
        let readers = vec![
            pump(stdout, out.clone()),
            // The reader itself, not its inner pipe: it may hold lines read past the banner.
            pump(stderr, err.clone()),
        ];
        Listener {
            child,
            url,
            out,
            err,
            readers,
        }
    }

    pub fn stdout(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    pub fn stderr(&self) -> String {
        self.err.lock().unwrap().clone()
    }

    /// Wait until stdout has at least `n` lines (not counting indented body/header lines).
    pub fn wait_lines(&self, n: usize) -> Vec<String> {
        let started = Instant::now();
        loop {
            let lines: Vec<String> = self
                .stdout()
                .lines()
                .filter(|l| !l.starts_with("    "))
                .map(str::to_string)
                .collect();
            if lines.len() >= n {
                return lines;
            }
            if started.elapsed() > Duration::from_secs(20) {
                panic!(
                    "expected {n} lines, got {}:\n{}\nstderr:\n{}",
                    lines.len(),
                    self.stdout(),
                    self.stderr()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until stderr contains `needle`.
    pub fn wait_stderr(&self, needle: &str) {
        let started = Instant::now();
        while !self.stderr().contains(needle) {
            if started.elapsed() > Duration::from_secs(20) {
                panic!("stderr never said {needle:?}:\n{}", self.stderr());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{sig}");
    }

    /// Wait (bounded) for the process to end; returns its status, stdout and stderr.
    pub fn wait(mut self) -> (ExitStatus, String, String) {
        let started = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            if started.elapsed() > Duration::from_secs(20) {
                let _ = self.child.kill();
                panic!("listen did not exit:\n{}", self.stderr());
            }
            thread::sleep(Duration::from_millis(20));
        };
        for r in self.readers.drain(..) {
            let _ = r.join();
        }
        (status, self.stdout(), self.stderr())
    }

    /// SIGINT and wait.
    pub fn interrupt(self) -> (ExitStatus, String, String) {
        self.signal("INT");
        self.wait()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// POST bytes over HTTP with a content type; returns status and body.
pub fn post(url: &str, body: &[u8], content_type: &str) -> (u16, String) {
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let resp = client
        .post(url)
        .header("Content-Type", content_type)
        .body(body.to_vec())
        .send()
        .expect("posting to the listener");
    let status = resp.status().as_u16();
    (status, resp.text().unwrap_or_default())
}

pub fn post_json(url: &str, body: &str) -> u16 {
    post(url, body.as_bytes(), "application/json").0
}

/// A small app for `--forward-to`: answers every request with `status` after `delay`, and records
/// the bodies and content types it got.
/// What the app got: each body with its content type.
pub type Received = Arc<Mutex<Vec<(Vec<u8>, Option<String>)>>>;

pub struct App {
    pub url: String,
    pub got: Received,
    answered: Arc<std::sync::atomic::AtomicUsize>,
    server: Arc<tiny_http::Server>,
}

impl App {
    pub fn start(status: u16, delay: Duration) -> App {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let got: Received = Arc::new(Mutex::new(Vec::new()));
        let answered = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        {
            let server = server.clone();
            let got = got.clone();
            let answered = answered.clone();
            thread::spawn(move || {
                for mut rq in server.incoming_requests() {
                    let got = got.clone();
                    let answered = answered.clone();
                    thread::spawn(move || {
                        let mut body = Vec::new();
                        let _ = rq.as_reader().read_to_end(&mut body);
                        let ct = rq
                            .headers()
                            .iter()
                            .find(|h| h.field.equiv("Content-Type"))
                            .map(|h| h.value.to_string());
                        got.lock().unwrap().push((body, ct));
                        thread::sleep(delay);
                        let _ = rq.respond(tiny_http::Response::empty(status));
                        answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    });
                }
            });
        }
        App {
            url: format!("http://127.0.0.1:{port}/hooks"),
            got,
            answered,
            server,
        }
    }

    /// How many requests the app has answered so far.
    pub fn answered(&self) -> usize {
        self.answered.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.server.unblock();
    }
}
