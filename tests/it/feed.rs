//! trigger and replay: feeding a receiver offline.

use serde_json::Value;

use crate::support::*;

#[test]
fn trigger_every_event_into_listen() {
    let env = Env::new();
    let l = Listener::start(&env, None, &["--json"]);
    let names: Vec<&str> = [
        "started",
        "stopped",
        "edited",
        "cancelled",
        "created",
        "updated",
        "deleted",
    ]
    .into_iter()
    .chain([
        "activityCreated",
        "activityUpdated",
        "activityDeleted",
        "folderCreated",
        "folderUpdated",
        "folderDeleted",
        "timeLeaveCreated",
        "timeLeaveUpdated",
        "timeLeaveDeleted",
        "timeLeaveApproved",
        "timeLeaveDenied",
    ])
    .collect();
    for name in &names {
        let a = env
            .cmd()
            .args(["trigger", name, "--url", &l.url])
            .assert()
            .success();
        let out = stdout(&a);
        assert!(out.contains(&format!(" -> {}: 200 in ", l.url)), "{out}");
    }
    let lines = l.wait_lines(names.len());
    let events: Vec<String> = lines
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["event"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        &events[..7],
        &[
            "trackingStarted",
            "trackingStopped",
            "trackingEdited",
            "trackingCanceled",
            "timeEntryCreated",
            "timeEntryUpdated",
            "timeEntryDeleted"
        ]
    );
    assert_eq!(events.len(), 18);
}

#[test]
fn trigger_shapes_the_sample_and_the_line_reads_it() {
    let env = Env::new();
    let l = Listener::start(&env, None, &[]);
    env.cmd()
        .args([
            "trigger",
            "stopped",
            "--url",
            &l.url,
            "--note",
            "Fixed the bug <{{|t|1|}}> with <{{|m|1|}}>",
            "--activity",
            "Deep work",
        ])
        .assert()
        .success();
    let lines = l.wait_lines(1);
    assert!(
        lines[0].contains("trackingStopped    Deep work · "),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("(1h 30m 15s) · \"Fixed the bug #boring with @TheSheep\""),
        "{}",
        lines[0]
    );
}

#[test]
fn trigger_print_and_json() {
    let env = Env::new();
    let a = env
        .cmd()
        .args(["trigger", "folderCreated", "--print"])
        .assert()
        .success();
    let v: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["eventType"], "folderCreated");
    assert_eq!(v["data"]["name"], "some folder");
    let a = env
        .cmd()
        .args(["trigger", "started", "--print", "--note", "x"])
        .assert()
        .success();
    let v: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["data"]["currentTracking"]["note"]["text"], "x");
    let started = v["data"]["currentTracking"]["startedAt"].as_str().unwrap();
    assert_eq!(started.len(), "2020-11-30T07:08:52.203".len(), "{started}");
    let a = env
        .cmd()
        .args(["trigger", "folderDeleted", "--print", "--note", "x"])
        .assert()
        .success();
    assert!(stderr(&a).contains("folderDeleted carries no note; --note is ignored"));
}

#[test]
fn trigger_to_nothing_says_what_to_do() {
    let env = Env::new();
    let down = {
        let t = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/", t.local_addr().unwrap())
    };
    let a = env
        .cmd()
        .args(["trigger", "started", "--url", &down, "--json"])
        .assert()
        .code(1);
    let v = json_out(&a);
    assert_eq!(v["ok"], false);
    assert_eq!(v["error"], "connection refused");
    assert!(stderr(&a).contains("is 'timeular-hooks listen' (or your app) running there?"));
    let a = env.cmd().args(["trigger", "begun"]).assert().code(2);
    assert!(stderr(&a).contains("unknown event 'begun'; valid events:"));
}

#[test]
fn replay_resends_saved_bodies_byte_for_byte() {
    let env = Env::new();
    let first = env.path("first.jsonl");
    let second = env.path("second.jsonl");
    let a = Listener::start(&env, None, &["--save", first.to_str().unwrap()]);
    // Fixtures are pretty-printed, multi-line: the hardest case for a JSON-lines file.
    let bodies = [
        fixture("webhooks/v3-trackingStarted.json"),
        fixture("webhooks/v3-trackingStopped.json"),
        r#"{"eventType":"folderCreated","data":{"id":"1","name":"x"},  "z": 1.50}"#.to_string(),
    ];
    for b in &bodies {
        assert_eq!(post_json(&a.url, b), 200);
    }
    post_json(&a.url, "not json at all");
    a.interrupt();
    let app = App::start(200, std::time::Duration::ZERO);
    let r = env
        .cmd()
        .args(["replay", first.to_str().unwrap(), "--url", &app.url])
        .assert()
        .success();
    let out = stdout(&r);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.starts_with("#1   trackingStarted -> 200 in "), "{out}");
    let got = app.got.lock().unwrap().clone();
    for (b, (sent, ct)) in bodies.iter().zip(&got) {
        assert_eq!(sent, b.as_bytes());
        assert_eq!(ct.as_deref(), Some("application/json"));
    }
    assert_eq!(got[3].0, b"not json at all");
    // Into a second listener: the same records come out again.
    let b = Listener::start(&env, None, &["--save", second.to_str().unwrap()]);
    env.cmd()
        .args([
            "replay",
            first.to_str().unwrap(),
            "--url",
            &b.url,
            "--event",
            "started",
            "folderCreated",
        ])
        .assert()
        .success();
    b.interrupt();
    let saved: Vec<Value> = std::fs::read_to_string(&second)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[0]["raw"], bodies[0].as_str());
    assert_eq!(saved[1]["event"], "folderCreated");
}

#[test]
fn replay_skips_malformed_lines_and_filters_by_seq() {
    let env = Env::new();
    let file = env.path("s.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"received_at":"2026-01-01T00:00:00.000Z","seq":1,"path":"/","event":"trackingStarted","body":{"eventType":"trackingStarted"}}"#,
            "\n",
            "garbage\n",
            "\n",
            r#"{"received_at":"2026-01-01T00:00:01.000Z","seq":2,"path":"/","event":"trackingStopped","body":{"eventType":"trackingStopped"}}"#,
            "\n",
        ),
    )
    .unwrap();
    let app = App::start(200, std::time::Duration::ZERO);
    let a = env
        .cmd()
        .args([
            "replay",
            file.to_str().unwrap(),
            "--url",
            &app.url,
            "--json",
        ])
        .assert()
        .code(1);
    let v = json_out(&a);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert!(stderr(&a).contains("line 2 of"), "{}", stderr(&a));
    assert!(stderr(&a).contains("is not a saved delivery"));
    assert!(stderr(&a).contains("Replayed 2 deliveries"));
    assert!(stderr(&a).contains("error: 1 line(s) of"), "{}", stderr(&a));
    assert!(stderr(&a).contains("are not saved deliveries and were skipped"));
    let a = env
        .cmd()
        .args([
            "replay",
            file.to_str().unwrap(),
            "--url",
            &app.url,
            "--seq",
            "2",
        ])
        .assert()
        .code(1);
    assert_eq!(stdout(&a).lines().count(), 1);
    assert!(stdout(&a).contains("#2   trackingStopped -> 200"));
    let a = env
        .cmd()
        .args(["replay", "/nonexistent.jsonl"])
        .assert()
        .code(1);
    assert!(stderr(&a).contains("cannot open /nonexistent.jsonl; give a file written by"));
}

#[test]
fn replay_reports_a_failing_receiver() {
    let env = Env::new();
    let file = env.path("s.jsonl");
    std::fs::write(
        &file,
        r#"{"received_at":"x","seq":1,"path":"/","event":"trackingStarted","body":{"eventType":"trackingStarted"}}"#,
    )
    .unwrap();
    let app = App::start(500, std::time::Duration::ZERO);
    let a = env
        .cmd()
        .args(["replay", file.to_str().unwrap(), "--url", &app.url])
        .assert()
        .code(1);
    assert!(stdout(&a).contains("-> 500 in "));
    assert!(stderr(&a).contains("0 answered 2xx, 1 failed"));
    assert!(
        stderr(&a).contains(&format!(
            "error: 1 of 1 deliveries got no 2xx from {}; check the receiver there, then send those again with 'timeular-hooks replay {} --url {} --seq 1'",
            app.url,
            file.display(),
            app.url
        )),
        "{}",
        stderr(&a)
    );
}
