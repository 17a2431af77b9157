//! The receiver of the seed article's design, as the baseline to beat: warp, two routes (one per
//! subscribed event), each payload deserialized and Debug-printed to stdout.
//!
//! Usage: timeular-hooks-bench-baseline PORT

use serde::Deserialize;
use warp::Filter;

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Delivery {
    #[serde(rename = "userId")]
    user_id: String,
    #[serde(rename = "eventType")]
    event_type: String,
    data: serde_json::Value,
}

#[tokio::main]
async fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(8001);
    let started = warp::post()
        .and(warp::path("started"))
        .and(warp::body::json())
        .map(|d: Delivery| {
            println!("{d:?}");
            warp::reply()
        });
    let stopped = warp::post()
        .and(warp::path("stopped"))
        .and(warp::body::json())
        .map(|d: Delivery| {
            println!("{d:?}");
            warp::reply()
        });
    warp::serve(started.or(stopped))
        .run(([127, 0, 0, 1], port))
        .await;
}
