//! The ceiling of tiny_http itself: handler threads that read each body and answer 200, nothing else.
//!
//! Usage: bare-tiny-http PORT [THREADS]

use std::sync::Arc;

fn main() {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|p| p.parse().ok()).unwrap_or(8002);
    let threads: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(4);
    let server = Arc::new(tiny_http::Server::http(("127.0.0.1", port)).unwrap());
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let server = server.clone();
            std::thread::spawn(move || {
                let mut body = Vec::new();
                for mut rq in server.incoming_requests() {
                    body.clear();
                    let _ = rq.as_reader().read_to_end(&mut body);
                    let _ = rq.respond(tiny_http::Response::empty(200));
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
}
