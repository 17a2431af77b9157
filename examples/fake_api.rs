//! The tests' fake Timeular API as a program, for the command-latency benchmark (bench/run.sh):
//! prints its base URL and a valid token on two lines, then serves until killed.
//!
//! Usage: cargo run --release --example fake_api [SUBSCRIPTIONS]

#[allow(dead_code)]
#[path = "../tests/it/support/fake_api.rs"]
mod fake_api;

fn main() {
    let subs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let api = fake_api::FakeApi::start();
    api.set_limit(subs.max(5));
    for i in 0..subs {
        let event = fake_api::V3_EVENTS[i % fake_api::V3_EVENTS.len()];
        api.add_sub(event, &format!("https://example.org/hooks/{i}"));
    }
    println!("{}", api.url);
    println!("{}", api.issue_token());
    loop {
        std::thread::park();
    }
}
