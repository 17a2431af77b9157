//! Abuse, bounded in time: what the receiver is sent when nobody is kind to it, and what the CLI gets
//! from a broken API. After all of it the receiver still answers, every accepted delivery is in the
//! save file exactly once, and the CLI's config is untouched.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use serde_json::Value;

use crate::support::*;

/// Send raw bytes, optionally half-close, and read the status code of the answer (None: no answer).
fn raw(addr: &str, request: &[u8], shutdown_write: bool) -> Option<u16> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let _ = s.write_all(request);
    if shutdown_write {
        let _ = s.shutdown(std::net::Shutdown::Write);
    }
    let mut buf = [0u8; 64];
    let mut got = Vec::new();
    while got.len() < 12 {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&got);
    text.strip_prefix("HTTP/1.1 ")
        .or_else(|| text.strip_prefix("HTTP/1.0 "))
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
}

/// "127.0.0.1:PORT" of a running listener.
fn host_port(l: &Listener) -> String {
    l.url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string()
}

fn post_raw(body: &[u8], content_length: Option<usize>) -> Vec<u8> {
    let mut r = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n".to_vec();
    if let Some(n) = content_length {
        r.extend_from_slice(format!("Content-Length: {n}\r\n").as_bytes());
    }
    r.extend_from_slice(b"\r\n");
    r.extend_from_slice(body);
    r
}

#[test]
fn the_receiver_survives_abuse_and_loses_nothing() {
    let env = Env::new();
    let save = env.path("s.jsonl");
    let l = Listener::start(&env, None, &["--save", save.to_str().unwrap(), "--json"]);
    let addr = host_port(&l);

    // 50 idle connections held open the whole time.
    let idle: Vec<TcpStream> = (0..50)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();

    // 200 connections posting at once.
    let barrier = Arc::new(Barrier::new(200));
    let posters: Vec<_> = (0..200)
        .map(|i| {
            let addr = addr.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let body = format!(r#"{{"userId":"1","eventType":"trackingStarted","n":{i}}}"#);
                barrier.wait();
                raw(&addr, &post_raw(body.as_bytes(), Some(body.len())), false)
            })
        })
        .collect();
    let answers: Vec<Option<u16>> = posters.into_iter().map(|t| t.join().unwrap()).collect();
    let ok = answers.iter().filter(|a| **a == Some(200)).count();
    assert_eq!(ok, 200, "{answers:?}");

    // Bad bodies of every kind.
    let deep = "[".repeat(100_000);
    let bad: Vec<(&str, Vec<u8>, Option<u16>)> = vec![
        ("empty", post_raw(b"", Some(0)), Some(400)),
        (
            "invalid UTF-8",
            post_raw(b"{\"a\":\"\xff\xfe\"}", Some(10)),
            Some(400),
        ),
        (
            "deeply nested",
            post_raw(deep.as_bytes(), Some(deep.len())),
            Some(400),
        ),
        ("an array", post_raw(b"[1,2,3]", Some(7)), Some(400)),
        ("not JSON", post_raw(b"hello", Some(5)), Some(400)),
        // Claims more than it sends, then stops sending. A small body tiny_http reads itself and
        // closes the connection without an answer; a larger one ends short and is not JSON.
        (
            "length too long, small",
            post_raw(br#"{"eventType":"x"}"#, Some(500)),
            None,
        ),
        (
            "length too long, large",
            post_raw(br#"{"eventType":"x"#, Some(5000)),
            Some(400),
        ),
        // Claims less than it sends: the rest is not a request.
        (
            "length too short",
            post_raw(br#"{"eventType":"x"}garbage garbage"#, Some(17)),
            Some(200),
        ),
    ];
    for (what, request, want) in &bad {
        let got = raw(&addr, request, true);
        assert_eq!(got, *want, "{what}");
    }
    let ten_mib = vec![b'{'; 10 * 1024 * 1024];
    assert_eq!(
        raw(&addr, &post_raw(&ten_mib, Some(ten_mib.len())), false),
        Some(413),
        "10 MiB"
    );
    let mut huge_headers = b"POST / HTTP/1.1\r\nHost: x\r\n".to_vec();
    for i in 0..2000 {
        huge_headers.extend_from_slice(format!("X-Pad-{i}: {}\r\n", "a".repeat(40)).as_bytes());
    }
    huge_headers.extend_from_slice(b"Content-Length: 2\r\nConnection: close\r\n\r\n{}");
    assert_eq!(raw(&addr, &huge_headers, false), Some(431), "header block");

    // Still answering, and counting right.
    let health: Value = reqwest::blocking::get(format!("{}health", l.url))
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["accepted"], 201);
    drop(idle);
    let (status, out, err) = l.interrupt();
    assert!(status.success(), "{err}");

    // Every accepted delivery is in the file exactly once, and on stdout once.
    let saved: Vec<Value> = std::fs::read_to_string(&save)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let accepted: Vec<&Value> = saved.iter().filter(|v| !v["body"].is_null()).collect();
    assert_eq!(accepted.len(), 201);
    let mut ns: Vec<i64> = accepted
        .iter()
        .filter_map(|v| v["body"]["n"].as_i64())
        .collect();
    ns.sort();
    assert_eq!(ns, (0..200).collect::<Vec<i64>>());
    let mut seqs: Vec<u64> = saved.iter().map(|v| v["seq"].as_u64().unwrap()).collect();
    seqs.sort();
    seqs.dedup();
    assert_eq!(seqs.len(), saved.len(), "every seq once");
    assert_eq!(out.lines().count(), 201);
}

#[test]
fn a_broken_api_never_changes_the_config() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    let file = env.profile_file("default");
    let before = std::fs::read(&file).unwrap();
    /// What the API does, the command, its exit code, and what its error says.
    type Case<'a> = (&'a str, Vec<Fault>, &'a [&'a str], i32, &'a str);
    let faults: Vec<Case> = vec![
        (
            "dropped mid-answer",
            vec![Fault::Drop, Fault::Drop, Fault::Drop],
            &["list"],
            1,
            "the connection to the API broke off",
        ),
        (
            "slow past --timeout",
            vec![Fault::Hang(Duration::from_secs(3)); 3],
            &["--timeout", "0.3", "list"],
            1,
            "did not answer within 0.3 s",
        ),
        (
            "HTML",
            vec![Fault::html(502), Fault::html(502), Fault::html(502)],
            &["list"],
            1,
            "502 Bad Gateway: (an HTML page, not an API answer)",
        ),
        (
            "200 of the wrong shape",
            vec![Fault::ok_body(r#"{"subscriptions": "none"}"#)],
            &["list"],
            1,
            "not the documented shape",
        ),
        (
            "401 with an empty body",
            vec![Fault::Answer {
                status: 401,
                body: String::new(),
                content_type: None,
                headers: vec![],
            }],
            &["list"],
            3,
            "rejected the cached token",
        ),
    ];
    for (what, script, args, code, says) in faults {
        for f in script {
            api.fail_next("GET", "/webhooks/subscription", f);
        }
        let a = env.api_cmd(&api).args(args).assert().code(code);
        let err = stderr(&a);
        assert!(err.contains(says), "{what}: {err}");
        assert_eq!(err.lines().count(), 1, "{what}: one line: {err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{what} changed the profile"
        );
        api.clear_faults();
    }
}

#[test]
fn pipelined_requests_never_stall_the_save_file() {
    // Two deliveries in one write on one connection: tiny_http answers them in order, so the
    // receiver must never wait on the second's answer while holding up the first's write.
    let env = Env::new();
    let save = env.path("s.jsonl");
    let l = Listener::start(&env, None, &["--save", save.to_str().unwrap()]);
    let addr = host_port(&l);
    let one = |i: usize| {
        let body = format!(r#"{{"userId":"1","eventType":"trackingStarted","n":{i}}}"#);
        format!(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
    };
    let clients: Vec<_> = (0..8)
        .map(|c| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(&addr).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                let mut got = 0;
                for round in 0..50 {
                    let batch: String = (0..4).map(|k| one(c * 1000 + round * 4 + k)).collect();
                    s.write_all(batch.as_bytes()).unwrap();
                    let mut text = String::new();
                    let mut buf = [0u8; 4096];
                    while text.matches("HTTP/1.1 200").count() < 4 {
                        let n = s.read(&mut buf).expect("an answer within 10 s");
                        assert!(n > 0, "connection closed");
                        text.push_str(&String::from_utf8_lossy(&buf[..n]));
                    }
                    got += 4;
                }
                got
            })
        })
        .collect();
    let total: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    assert_eq!(total, 8 * 50 * 4);
    let (status, _, err) = l.interrupt();
    assert!(status.success(), "{err}");
    assert_eq!(
        std::fs::read_to_string(&save).unwrap().lines().count(),
        total
    );
}

#[test]
fn a_burst_of_keep_alive_connections_is_served_in_full() {
    // Connections that open at once and stay open (a provider's or a load tester's pool): every one
    // is answered while all of them stay open. tiny_http 0.12.0 queued such a burst behind its few
    // idle threads, and a keep-alive connection holds its thread, so most were never served
    // (vendor/tiny_http/PATCHED.md).
    let env = Env::new();
    let save = env.path("s.jsonl");
    let l = Listener::start(&env, None, &["--save", save.to_str().unwrap()]);
    let addr = host_port(&l);
    let body = r#"{"userId":"1","eventType":"trackingStarted"}"#;
    let request = format!(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut conns: Vec<TcpStream> = (0..32)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    for round in 0..2 {
        for s in &mut conns {
            s.write_all(request.as_bytes()).unwrap();
        }
        for (i, s) in conns.iter_mut().enumerate() {
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut text = String::new();
            let mut buf = [0u8; 1024];
            while !(text.starts_with("HTTP/1.1 200")
                && text.contains("\"seq\":")
                && text.ends_with('}'))
            {
                match s.read(&mut buf) {
                    Ok(n) if n > 0 => text.push_str(&String::from_utf8_lossy(&buf[..n])),
                    other => {
                        panic!("connection {i}, round {round}: no answer ({other:?}): {text:?}")
                    }
                }
            }
        }
    }
    drop(conns);
    let (status, _, err) = l.interrupt();
    assert!(status.success(), "{err}");
    assert_eq!(std::fs::read_to_string(&save).unwrap().lines().count(), 64);
}

#[test]
fn a_body_framed_two_ways_is_refused_and_the_connection_closed() {
    // Request smuggling (CVE-2026-66752): a proxy in front (a tunnel) and the receiver must never
    // disagree on where a body ends, so an ambiguous request gets 400 and nothing after it on that
    // connection is read (vendor/tiny_http/PATCHED.md).
    let env = Env::new();
    let save = env.path("s.jsonl");
    let l = Listener::start(&env, None, &["--save", save.to_str().unwrap()]);
    let addr = host_port(&l);
    let body = r#"{"userId":"1","eventType":"trackingStarted"}"#;
    let smuggled = format!(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    for framing in [
        "Transfer-Encoding: xchunked\r\nContent-Length: 3\r\n".to_string(),
        "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n".to_string(),
        "Transfer-Encoding: gzip, chunked\r\n".to_string(),
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n".to_string(),
        "Content-Length: 3\r\nContent-Length: 4\r\n".to_string(),
        "Content-Length: +3\r\n".to_string(),
    ] {
        let mut s = TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let first = format!("POST / HTTP/1.1\r\nHost: x\r\n{framing}\r\n0\r\n\r\n");
        s.write_all(format!("{first}{smuggled}").as_bytes())
            .unwrap();
        let mut text = String::new();
        let mut buf = [0u8; 1024];
        loop {
            match s.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => text.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(e) => panic!("{framing:?}: the connection stayed open ({e}): {text:?}"),
            }
        }
        assert!(text.starts_with("HTTP/1.1 400"), "{framing:?}: {text:?}");
        assert_eq!(text.matches("HTTP/1.1").count(), 1, "{framing:?}: {text:?}");
    }
    // Plain chunked deliveries still arrive.
    let chunked = format!(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n{:x}\r\n{body}\r\n0\r\n\r\n",
        body.len()
    );
    assert_eq!(raw(&addr, chunked.as_bytes(), false), Some(200));
    let (status, _, err) = l.interrupt();
    assert!(status.success(), "{err}");
    assert_eq!(std::fs::read_to_string(&save).unwrap().lines().count(), 1);
}
