//! login, logout, status, the token cache and the config files.

use crate::support::*;

#[test]
fn login_with_env_secret_caches_a_token_bound_to_the_url() {
    let api = FakeApi::start();
    let env = Env::new();
    let a = env
        .api_cmd(&api)
        .args(["login", "--api-key", KEY])
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    assert_eq!(stdout(&a), "");
    assert!(stderr(&a).contains(&format!("Signed in to {} (profile 'default').", api.url)));
    let p = env.profile_json();
    assert_eq!(p["api_url"], api.url.as_str());
    assert_eq!(p["token"]["api_url"], api.url.as_str());
    assert!(p["token"]["token"].as_str().unwrap().starts_with("eyJ"));
    assert!(
        p.get("credentials").is_none(),
        "no --remember, no secret kept"
    );
    // The sign-in body is the documented one.
    let signin = &api.log()[0];
    assert_eq!(signin.path, "/api/v3/developer/sign-in");
    let body: serde_json::Value = serde_json::from_str(&signin.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"apiKey": KEY, "apiSecret": SECRET})
    );
    assert_eq!(
        signin.user_agent.as_deref(),
        Some(concat!("timeular-hooks/", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn login_json_and_secret_from_stdin_never_prints_the_token() {
    let api = FakeApi::start();
    let env = Env::new();
    let a = env
        .api_cmd(&api)
        .args(["login", "--json", "--api-secret-stdin"])
        .env("TIMEULAR_API_KEY", KEY)
        .write_stdin(format!("{SECRET}\n"))
        .assert()
        .success();
    let v = json_out(&a);
    assert_eq!(
        v,
        serde_json::json!({"profile": "default", "api_url": api.url, "logged_in": true})
    );
    let token = env.profile_json()["token"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!stdout(&a).contains(&token) && !stderr(&a).contains(&token));
}

#[test]
fn login_without_terminal_names_the_missing_variables() {
    let env = Env::new();
    let a = env.cmd().arg("login").assert().code(2);
    assert!(
        stderr(&a).contains("set TIMEULAR_API_KEY or pass --api-key"),
        "{}",
        stderr(&a)
    );
    let a = env.cmd().args(["login", "--api-key", "k"]).assert().code(2);
    assert!(stderr(&a).contains("set TIMEULAR_API_SECRET or pipe it in with --api-secret-stdin"));
    let a = env
        .cmd()
        .args(["login", "--api-key", "k", "--api-secret-stdin"])
        .write_stdin("\n")
        .assert()
        .code(2);
    assert!(stderr(&a).contains("--api-secret-stdin read an empty line"));
}

#[test]
fn wrong_credentials_exit_3_and_save_nothing() {
    let api = FakeApi::start();
    let env = Env::new();
    let a = env
        .api_cmd(&api)
        .args(["login", "--api-key", KEY])
        .env("TIMEULAR_API_SECRET", "wrong")
        .assert()
        .code(3);
    let err = stderr(&a);
    assert!(err.starts_with("timeular-hooks: error: signing in with the API key and secret failed: the API answered 401 Unauthorized: invalid api key or secret"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(!env.profile_file("default").exists());
}

#[test]
fn remember_renews_an_expired_token_by_itself() {
    let api = FakeApi::start();
    let env = Env::new();
    env.api_cmd(&api)
        .args(["login", "--remember", "--api-key", KEY])
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    assert_eq!(env.profile_json()["credentials"]["api_secret"], SECRET);
    api.expire_tokens();
    let a = env
        .api_cmd(&api)
        .args(["list", "--json"])
        .assert()
        .success();
    assert_eq!(json_out(&a), serde_json::json!([]));
    assert_eq!(api.hits("POST", "/developer/sign-in"), 2);
    // The new token was cached: the next call does not sign in again.
    env.api_cmd(&api).args(["list"]).assert().success();
    assert_eq!(api.hits("POST", "/developer/sign-in"), 2);
}

#[test]
fn expired_token_without_credentials_exits_3_with_the_next_step() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    api.expire_tokens();
    let a = env.api_cmd(&api).arg("list").assert().code(3);
    assert_eq!(
        stderr(&a),
        format!(
            "timeular-hooks: error: the API at {} rejected the cached token (it may have expired); run 'timeular-hooks login'\n",
            api.url
        )
    );
}

#[test]
fn env_credentials_need_no_login() {
    let api = FakeApi::start();
    let env = Env::new();
    env.api_cmd(&api)
        .arg("events")
        .env("TIMEULAR_API_KEY", KEY)
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    // And an expired token is renewed from the environment too.
    api.expire_tokens();
    env.api_cmd(&api)
        .arg("events")
        .env("TIMEULAR_API_KEY", KEY)
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    assert_eq!(api.hits("POST", "/developer/sign-in"), 2);
}

#[test]
fn not_signed_in_exits_3() {
    let api = FakeApi::start();
    let env = Env::new();
    let a = env.api_cmd(&api).arg("events").assert().code(3);
    assert!(stderr(&a).contains("not signed in to http://127.0.0.1:"));
    assert!(stderr(&a).contains("run 'timeular-hooks login'"));
    assert!(api.log().is_empty(), "nothing is sent without a token");
}

#[test]
fn a_token_is_never_sent_to_another_url() {
    let api = FakeApi::start();
    let other = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    let a = env
        .cmd()
        .args(["--api-url", &other.url, "list"])
        .assert()
        .code(3);
    assert!(stderr(&a).contains(&format!("not signed in to {}", other.url)));
    assert!(other.log().is_empty());
    // Without the flag the profile's saved URL is used.
    env.cmd().arg("list").assert().success();
    assert_eq!(api.hits("GET", "/webhooks/subscription"), 1);
}

#[test]
fn invalid_api_url_is_refused_before_any_request() {
    let env = Env::new();
    for bad in ["api.early.app/api/v3", "ftp://x/api", "https://x/api?x=1"] {
        let a = env
            .cmd()
            .args(["--api-url", bad, "events"])
            .assert()
            .code(2);
        assert!(stderr(&a).contains("invalid API URL"), "{}", stderr(&a));
    }
}

#[test]
fn logout_tells_the_api_and_forgets_everything_and_is_idempotent() {
    let api = FakeApi::start();
    let env = Env::new();
    env.api_cmd(&api)
        .args(["login", "--remember", "--api-key", KEY])
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    let a = env.api_cmd(&api).arg("logout").assert().success();
    assert!(
        stderr(&a).contains("Signed out (profile 'default'): token, key and secret forgotten.")
    );
    assert_eq!(api.hits("POST", "/developer/logout"), 1);
    let p = env.profile_json();
    assert!(p.get("token").is_none() && p.get("credentials").is_none());
    let a = env
        .api_cmd(&api)
        .args(["logout", "--json"])
        .assert()
        .success();
    assert_eq!(json_out(&a)["was_logged_in"], false);
    assert_eq!(api.hits("POST", "/developer/logout"), 1);
}

#[test]
fn logout_when_the_api_fails_still_forgets_the_token() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    api.fail_next("POST", "/developer/logout", Fault::plain_500());
    let a = env.api_cmd(&api).arg("logout").assert().success();
    assert!(stderr(&a).contains("warning: the API did not confirm the logout"));
    assert!(env.profile_json().get("token").is_none());
}

#[test]
fn status_reports_and_checks() {
    let api = FakeApi::start();
    let env = Env::new();
    let a = env
        .api_cmd(&api)
        .args(["status", "--json"])
        .assert()
        .success();
    let v = json_out(&a);
    assert_eq!(v["profile"], "default");
    assert_eq!(v["api_url"], api.url.as_str());
    assert_eq!(
        v["config_file"],
        env.profile_file("default").to_str().unwrap()
    );
    assert_eq!(v["logged_in"], false);
    assert_eq!(v["token_valid"], serde_json::Value::Null);

    env.login(&api);
    let a = env
        .api_cmd(&api)
        .args(["status", "--check", "--json"])
        .assert()
        .success();
    assert_eq!(json_out(&a)["token_valid"], true);

    api.expire_tokens();
    let a = env
        .api_cmd(&api)
        .args(["status", "--check"])
        .assert()
        .code(3);
    assert!(stdout(&a).contains("token valid:  no"));
    assert!(stderr(&a).contains("the API rejected the cached token"));
}

#[test]
fn status_check_says_when_the_api_is_unreachable() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    let url = api.url.clone();
    drop(api);
    let a = env
        .cmd()
        .args(["--api-url", &url, "--timeout", "2", "status", "--check"])
        .assert()
        .code(1);
    assert!(
        stderr(&a).contains("cannot connect to the API"),
        "{}",
        stderr(&a)
    );
}

#[test]
fn corrupt_profile_names_the_file_and_the_fix() {
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    let file = env.profile_file("default");
    std::fs::write(&file, "{ not json").unwrap();
    let a = env.api_cmd(&api).arg("list").assert().code(1);
    let err = stderr(&a);
    assert!(
        err.contains(&format!("profile file {} is not valid", file.display())),
        "{err}"
    );
    assert!(
        err.contains("delete it and run 'timeular-hooks login'"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    let a = env.api_cmd(&api).arg("status").assert().code(1);
    assert!(stderr(&a).contains("problem: profile file"));
    // Nothing rewrote the user's file.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ not json");
}

#[cfg(unix)]
#[test]
fn config_dir_and_file_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let api = FakeApi::start();
    let env = Env::new();
    env.login(&api);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.config_dir()), 0o700);
    assert_eq!(mode(&env.config_dir().join("profiles")), 0o700);
    assert_eq!(mode(&env.profile_file("default")), 0o600);
    // No temp files are left beside it.
    let names: Vec<_> = std::fs::read_dir(env.config_dir().join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["default.json"]);
    // status points out a file others can read.
    std::fs::set_permissions(
        env.profile_file("default"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let a = env.api_cmd(&api).arg("status").assert().success();
    assert!(stderr(&a).contains("is readable by others (mode 644); run 'chmod 600"));
}

#[test]
fn profiles_are_separate() {
    let api = FakeApi::start();
    let env = Env::new();
    env.api_cmd(&api)
        .args(["--profile", "work", "login", "--api-key", KEY])
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    assert!(env.profile_file("work").exists());
    env.api_cmd(&api).arg("list").assert().code(3);
    env.api_cmd(&api)
        .arg("list")
        .env("TIMEULAR_PROFILE", "work")
        .assert()
        .success();
    let a = env
        .cmd()
        .args(["--profile", "../x", "status"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("invalid profile name '../x'"));
}

#[test]
fn login_prompts_in_a_terminal() {
    let api = FakeApi::start();
    let env = Env::new();
    let mut cmd = env.std_cmd();
    cmd.env("TIMEULAR_API_URL", &api.url).arg("login");
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).unwrap();
    p.exp_string("API key").unwrap();
    p.send_line(KEY).unwrap();
    p.exp_string("API secret").unwrap();
    p.send_line(SECRET).unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("Signed in to"), "{rest}");
    assert!(!rest.contains(SECRET), "the secret is not echoed: {rest}");
    assert!(env.profile_json()["token"]["token"].is_string());
}

#[test]
fn proxy_variables_are_honoured() {
    // The fake stands in for the proxy: an API host that cannot resolve is reached only through it.
    let api = FakeApi::start();
    let proxy = api.url.trim_end_matches("/api/v3").to_string();
    let env = Env::new();
    env.cmd()
        .args([
            "--api-url",
            "http://api.example.invalid/api/v3",
            "events",
            "--json",
        ])
        .env("HTTP_PROXY", &proxy)
        .env("TIMEULAR_API_KEY", KEY)
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    let targets: Vec<String> = api.log().into_iter().map(|l| l.target).collect();
    assert_eq!(
        targets,
        vec![
            "http://api.example.invalid/api/v3/developer/sign-in",
            "http://api.example.invalid/api/v3/webhooks/event"
        ]
    );
    // NO_PROXY goes around a proxy that is not there, straight to the API.
    let dead = {
        let t = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", t.local_addr().unwrap())
    };
    env.cmd()
        .args(["--api-url", &api.url, "events", "--json"])
        .env("HTTP_PROXY", &dead)
        .env("NO_PROXY", "127.0.0.1")
        .env("TIMEULAR_API_KEY", KEY)
        .env("TIMEULAR_API_SECRET", SECRET)
        .assert()
        .success();
    let last = api.log().pop().unwrap();
    assert_eq!(
        last.target, "/api/v3/webhooks/event",
        "sent direct, not in proxy form"
    );
}
