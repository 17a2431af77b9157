//! events, subscribe, list, unsubscribe, and how the client copes with a misbehaving API.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::*;

fn signed_in() -> (FakeApi, Env) {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    (api, env)
}

#[test]
fn events_in_api_order_with_aliases() {
    let (api, env) = signed_in();
    let a = env.api_cmd(&api).arg("events").assert().success();
    let out = stdout(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with(" EVENT"), "{out}");
    assert!(lines[1].contains("timeEntryCreated") && lines[1].contains("created"));
    assert!(lines[4].contains("trackingStarted") && lines[4].contains("started"));
    assert_eq!(lines.len(), 8);
    let a = env
        .api_cmd(&api)
        .args(["events", "--json"])
        .assert()
        .success();
    assert_eq!(
        json_out(&a),
        json!([
            "timeEntryCreated",
            "timeEntryUpdated",
            "timeEntryDeleted",
            "trackingStarted",
            "trackingStopped",
            "trackingEdited",
            "trackingCanceled"
        ])
    );
    // An event the API lists that we do not know is still shown.
    api.set_events(&["trackingStarted", "somethingNew"]);
    let a = env.api_cmd(&api).args(["events"]).assert().success();
    assert!(stdout(&a).contains("somethingNew"));
}

#[test]
fn subscribe_aliases_and_json() {
    let (api, env) = signed_in();
    let a = env
        .api_cmd(&api)
        .args([
            "subscribe",
            "started",
            "TRACKINGSTOPPED",
            "--url",
            "https://example.org/hooks",
            "--json",
        ])
        .assert()
        .success();
    let v = json_out(&a);
    let subs = api.subs();
    assert_eq!(
        v,
        json!([
            {"id": subs[0].id, "event": "trackingStarted", "target_url": "https://example.org/hooks", "created": true},
            {"id": subs[1].id, "event": "trackingStopped", "target_url": "https://example.org/hooks", "created": true},
        ])
    );
    let post = api
        .log()
        .into_iter()
        .find(|l| l.method == "POST" && l.path.ends_with("/webhooks/subscription"))
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(&post.body).unwrap();
    assert_eq!(
        body,
        json!({"event": "trackingStarted", "target_url": "https://example.org/hooks"})
    );
    assert!(post.authorization.unwrap().starts_with("Bearer eyJ"));
}

#[test]
fn subscribe_reports_an_identical_one_instead_of_duplicating() {
    let (api, env) = signed_in();
    let id = api.add_sub("trackingStarted", "https://example.org/hooks");
    let a = env
        .api_cmd(&api)
        .args(["subscribe", "started", "--url", "https://example.org/hooks"])
        .assert()
        .success();
    assert!(stderr(&a).contains(&format!(
        "trackingStarted already goes to this URL (subscription {id})"
    )));
    assert!(stdout(&a).contains("exists"));
    assert_eq!(api.subs().len(), 1);
    env.api_cmd(&api)
        .args([
            "subscribe",
            "started",
            "--url",
            "https://example.org/hooks",
            "--allow-duplicate",
        ])
        .assert()
        .success();
    assert_eq!(api.subs().len(), 2);
}

#[test]
fn subscribe_unknown_event_lists_valid_names() {
    let (api, env) = signed_in();
    let a = env
        .api_cmd(&api)
        .args(["subscribe", "begun", "--url", "https://example.org/h"])
        .assert()
        .code(2);
    let err = stderr(&a);
    assert!(
        err.contains("unknown event 'begun'; valid events: timeEntryCreated (created)"),
        "{err}"
    );
    assert!(
        err.contains("trackingCanceled (canceled/cancelled)"),
        "{err}"
    );
    assert!(api.subs().is_empty());
}

#[test]
fn subscribe_checks_the_url_first() {
    let (api, env) = signed_in();
    let a = env
        .api_cmd(&api)
        .args(["subscribe", "started", "--url", "example.org/h"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("invalid target URL 'example.org/h'"));
    // Not public https: a warning, then the API's refusal is shown as it says it.
    let a = env
        .api_cmd(&api)
        .args(["subscribe", "started", "--url", "http://localhost:8000/"])
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(
        err.contains("warning: http://localhost:8000/ is not a public https URL"),
        "{err}"
    );
    assert!(
        err.contains("the API answered 400 Bad Request: invalid URL provided"),
        "{err}"
    );
}

#[test]
fn the_per_event_limit_shows_what_is_there() {
    let (api, env) = signed_in();
    api.set_limit(2);
    let a1 = api.add_sub("trackingStarted", "https://a.example.org/");
    let a2 = api.add_sub("trackingStarted", "https://b.example.org/");
    let a = env
        .api_cmd(&api)
        .args(["subscribe", "started", "--url", "https://c.example.org/"])
        .assert()
        .code(1);
    let err = stderr(&a);
    assert_eq!(
        err,
        format!(
            "timeular-hooks: error: trackingStarted has as many subscriptions as the API allows (maximum subscriptions per event exceeded): {a1} -> https://a.example.org/, {a2} -> https://b.example.org/; remove one with 'timeular-hooks unsubscribe {a1}'\n"
        )
    );
}

#[test]
fn partial_subscribe_shows_what_was_made() {
    let (api, env) = signed_in();
    api.set_limit(1);
    api.add_sub("trackingStopped", "https://a.example.org/");
    let a = env
        .api_cmd(&api)
        .args([
            "subscribe",
            "started",
            "stopped",
            "--url",
            "https://c.example.org/",
            "--json",
        ])
        .assert()
        .code(1);
    let v = json_out(&a);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["event"], "trackingStarted");
    assert!(stderr(&a).contains("1 of 2 subscriptions were made"));
}

#[test]
fn list_filters_and_json() {
    let (api, env) = signed_in();
    let a = env
        .api_cmd(&api)
        .args(["list", "--json"])
        .assert()
        .success();
    assert_eq!(json_out(&a), json!([]));
    let a = env.api_cmd(&api).arg("list").assert().success();
    assert_eq!(stdout(&a), "");
    assert!(stderr(&a).contains("No subscriptions."));
    let s1 = api.add_sub("trackingStarted", "https://a.example.org/");
    let _s2 = api.add_sub("trackingStopped", "https://a.example.org/");
    let s3 = api.add_sub("trackingStarted", "https://b.example.org/");
    let a = env.api_cmd(&api).arg("list").assert().success();
    let out = stdout(&a);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.lines().next().unwrap().contains("ID"));
    let a = env
        .api_cmd(&api)
        .args(["list", "--event", "started", "--json"])
        .assert()
        .success();
    let ids: Vec<_> = json_out(&a)
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec![s1.clone(), s3]);
    let a = env
        .api_cmd(&api)
        .args([
            "list",
            "--event",
            "started",
            "--url",
            "https://a.example.org/",
            "--json",
        ])
        .assert()
        .success();
    assert_eq!(
        json_out(&a),
        json!([{"id": s1, "event": "trackingStarted", "target_url": "https://a.example.org/"}])
    );
}

#[test]
fn unsubscribe_by_id_reports_unknown_ids_and_removes_the_rest() {
    let (api, env) = signed_in();
    let s1 = api.add_sub("trackingStarted", "https://a.example.org/");
    let s2 = api.add_sub("trackingStopped", "https://a.example.org/");
    let a = env
        .api_cmd(&api)
        .args(["unsubscribe", &s1, "999", &s2, "--json"])
        .assert()
        .code(1);
    assert_eq!(json_out(&a), json!({"removed": [s1, s2]}));
    assert_eq!(
        stderr(&a),
        "timeular-hooks: error: no subscription with id 999 (the API answered 404 Not Found: could not find subscription with id 999); see 'timeular-hooks list'\n"
    );
    assert!(api.subs().is_empty());
}

#[test]
fn unsubscribe_by_filters() {
    let (api, env) = signed_in();
    let s1 = api.add_sub("trackingStarted", "https://a.example.org/");
    let s2 = api.add_sub("trackingStopped", "https://a.example.org/");
    let s3 = api.add_sub("trackingStarted", "https://b.example.org/");
    let a = env
        .api_cmd(&api)
        .args(["unsubscribe", "--url", "https://a.example.org/"])
        .assert()
        .success();
    assert_eq!(stdout(&a), format!("removed {s1}\nremoved {s2}\n"));
    let a = env
        .api_cmd(&api)
        .args(["unsubscribe", "--event", "stopped", "--json"])
        .assert()
        .success();
    assert_eq!(json_out(&a), json!({"removed": []}));
    assert_eq!(api.subs().len(), 1);
    assert_eq!(api.subs()[0].id, s3);
}

#[test]
fn unsubscribe_all_needs_yes_without_a_terminal() {
    let (api, env) = signed_in();
    api.add_sub("trackingStarted", "https://a.example.org/");
    api.add_sub("trackingStopped", "https://a.example.org/");
    let a = env
        .api_cmd(&api)
        .args(["unsubscribe", "--all"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("--all would remove all 2 subscriptions; add --yes to confirm"));
    assert_eq!(api.subs().len(), 2);
    let a = env
        .api_cmd(&api)
        .args(["unsubscribe", "--all", "--yes", "--json"])
        .assert()
        .success();
    assert_eq!(json_out(&a)["removed"].as_array().unwrap().len(), 2);
    assert_eq!(api.hits("DELETE", "/webhooks/subscription"), 1);
    assert!(api.subs().is_empty());
}

#[test]
fn unsubscribe_all_asks_in_a_terminal() {
    let (api, env) = signed_in();
    api.add_sub("trackingStarted", "https://a.example.org/");
    let run = |answer: &str| {
        let mut cmd = env.std_cmd();
        cmd.args(["unsubscribe", "--all"]);
        let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).unwrap();
        p.exp_string("Remove all 1 subscriptions of profile 'default'?")
            .unwrap();
        p.send_line(answer).unwrap();
        p.exp_eof().unwrap()
    };
    let out = run("n");
    assert!(out.contains("nothing removed: not confirmed"), "{out}");
    assert_eq!(api.subs().len(), 1);
    run("y");
    assert!(api.subs().is_empty());
}

#[test]
fn unsubscribe_without_a_target_is_a_usage_error() {
    let env = Env::new();
    let a = env.cmd().arg("unsubscribe").assert().code(2);
    assert!(stderr(&a).contains("say what to remove"));
    env.cmd()
        .args(["unsubscribe", "1", "--all"])
        .assert()
        .code(2);
}

#[test]
fn plain_text_500_then_success_is_retried() {
    let (api, env) = signed_in();
    api.fail_next("GET", "/webhooks/subscription", Fault::plain_500());
    env.api_cmd(&api)
        .args(["list", "--json"])
        .assert()
        .success();
    assert_eq!(api.hits("GET", "/webhooks/subscription"), 2);
}

#[test]
fn a_500_that_persists_shows_its_text() {
    let (api, env) = signed_in();
    for _ in 0..3 {
        api.fail_next("GET", "/webhooks/event", Fault::plain_500());
    }
    let a = env.api_cmd(&api).arg("events").assert().code(1);
    assert_eq!(
        stderr(&a),
        "timeular-hooks: error: the API answered 500 Internal Server Error: Internal Server Error\n"
    );
    assert_eq!(api.hits("GET", "/webhooks/event"), 3);
}

#[test]
fn too_many_requests_honours_retry_after() {
    let (api, env) = signed_in();
    api.fail_next("GET", "/webhooks/subscription", Fault::too_many("1"));
    let started = Instant::now();
    env.api_cmd(&api).arg("list").assert().success();
    assert!(started.elapsed() >= Duration::from_millis(950));
    assert_eq!(api.hits("GET", "/webhooks/subscription"), 2);
    // A wait beyond the cap is named instead of waited for.
    api.fail_next("GET", "/webhooks/subscription", Fault::too_many("3600"));
    let a = env.api_cmd(&api).arg("list").assert().code(1);
    assert!(
        stderr(&a).contains("it asks to wait 3600 s; try again later"),
        "{}",
        stderr(&a)
    );
}

#[test]
fn a_hung_server_ends_in_a_clear_error() {
    let (api, env) = signed_in();
    for _ in 0..3 {
        api.fail_next(
            "GET",
            "/webhooks/event",
            Fault::Hang(Duration::from_secs(5)),
        );
    }
    let a = env
        .api_cmd(&api)
        .args(["--timeout", "0.5", "events"])
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(
        err.contains("did not answer within 0.5 s; try again, raise --timeout"),
        "{err}"
    );
}

#[test]
fn a_dropped_connection_is_retried_for_get() {
    let (api, env) = signed_in();
    api.fail_next("GET", "/webhooks/subscription", Fault::Drop);
    env.api_cmd(&api).args(["list"]).assert().success();
    assert_eq!(api.hits("GET", "/webhooks/subscription"), 2);
}

#[test]
fn subscribe_that_landed_despite_an_error_is_not_sent_again() {
    let (api, env) = signed_in();
    api.fail_next(
        "POST",
        "/webhooks/subscription",
        Fault::AfterApplying(Box::new(Fault::plain_500())),
    );
    let a = env
        .api_cmd(&api)
        .args([
            "subscribe",
            "started",
            "--url",
            "https://example.org/h",
            "--json",
        ])
        .assert()
        .success();
    assert_eq!(api.subs().len(), 1, "no duplicate");
    assert_eq!(api.hits("POST", "/webhooks/subscription"), 1);
    assert_eq!(json_out(&a)[0]["id"], api.subs()[0].id.as_str());
    // One that did not land is sent again.
    api.fail_next("POST", "/webhooks/subscription", Fault::Drop);
    env.api_cmd(&api)
        .args(["subscribe", "stopped", "--url", "https://example.org/h"])
        .assert()
        .success();
    assert_eq!(api.subs().len(), 2);
    assert_eq!(api.hits("POST", "/webhooks/subscription"), 3);
}

#[test]
fn html_and_wrong_shapes_are_clear_errors() {
    let (api, env) = signed_in();
    api.fail_next("GET", "/webhooks/event", Fault::html(403));
    let a = env.api_cmd(&api).arg("events").assert().code(1);
    assert!(stderr(&a).contains("403 Forbidden: (an HTML page, not an API answer)"));
    api.fail_next(
        "GET",
        "/webhooks/subscription",
        Fault::ok_body(r#"{"items": []}"#),
    );
    let a = env.api_cmd(&api).arg("list").assert().code(1);
    assert!(
        stderr(&a).contains("the API answered 200 with a body that is not the documented shape")
    );
    let before = std::fs::read(env.profile_file("default")).unwrap();
    api.fail_next("GET", "/webhooks/subscription", Fault::ok_body("[1,2"));
    env.api_cmd(&api).arg("list").assert().code(1);
    assert_eq!(std::fs::read(env.profile_file("default")).unwrap(), before);
}

#[test]
fn nested_v4_error_bodies_are_read() {
    let (api, env) = signed_in();
    api.fail_next(
        "DELETE",
        "/webhooks/subscription/",
        Fault::Answer {
            status: 400,
            body: fixture("api/error-v4-nested.json"),
            content_type: Some("application/json"),
            headers: vec![],
        },
    );
    let a = env
        .api_cmd(&api)
        .args(["unsubscribe", "1"])
        .assert()
        .code(1);
    assert!(stderr(&a).contains("400 Bad Request: Explanation of what has happened"));
}

#[test]
fn concurrent_writers_never_corrupt_the_profile() {
    let api = FakeApi::start();
    let env = Env::new();
    let children: Vec<_> = (0..8)
        .map(|_| {
            let mut c = env.std_cmd();
            c.env("TIMEULAR_API_URL", &api.url)
                .env("TIMEULAR_API_KEY", KEY)
                .env("TIMEULAR_API_SECRET", SECRET)
                .args(["login", "--remember"])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null());
            c.spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let p = env.profile_json();
    assert!(p["token"]["token"].is_string());
    assert_eq!(p["credentials"]["api_key"], KEY);
    env.api_cmd(&api).arg("list").assert().success();
}
