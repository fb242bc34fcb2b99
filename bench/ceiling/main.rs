//! Benchmark ceiling: the fastest "page" bare actix-web serves on this machine.
//!
//! `GET /bytes/{n}` answers a constant text/html body of exactly `n` bytes (n ≤ 16 MiB),
//! sliced from one buffer built at start-up, so a request costs only a `Bytes` refcount.
//! `GET /work/{µs}/{n}` answers the same after a fixed computation of about `µs` microseconds
//! of CPU (≤ 1,000; calibrated at start-up): what ratio an app that spends that much more
//! than the ceiling per request can reach here, since wrk shares the same cores (bench/README.md).
//! Usage: `ceiling [ADDR]` (default 127.0.0.1:8090; port 0 picks a free one, printed on stdout).
//! Driven by bench/run.
use std::hint::black_box;
use std::time::Instant;

use actix_web::web::{self, Bytes};
use actix_web::{App, HttpResponse, HttpServer, get};

const MAX_BYTES: usize = 16 << 20;
const MAX_WORK_MICROS: f64 = 1_000.0;
/// Rounds of `work` timed at start-up to learn how many make a microsecond here.
const CALIBRATION_ROUNDS: u64 = 100_000_000;

struct Ceiling {
    body: Bytes,
    /// Rounds of `work` per microsecond on this machine.
    rounds_per_micro: f64,
}

/// A chain of dependent multiplications the optimiser cannot skip: CPU time, no memory.
fn work(rounds: u64) -> u64 {
    let mut x = 0x9e37_79b9_7f4a_7c15_u64;
    for i in 0..rounds {
        x = black_box(x.rotate_left(5) ^ i).wrapping_mul(0x0100_0000_01b3);
    }
    x
}

fn page(ceiling: &Ceiling, n: usize) -> HttpResponse {
    match n {
        n if n <= MAX_BYTES => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(ceiling.body.slice(..n)),
        _ => HttpResponse::BadRequest().finish(),
    }
}

#[get("/bytes/{n}")]
async fn bytes(ceiling: web::Data<Ceiling>, n: web::Path<usize>) -> HttpResponse {
    page(&ceiling, n.into_inner())
}

#[get("/work/{micros}/{n}")]
async fn worked(ceiling: web::Data<Ceiling>, path: web::Path<(f64, usize)>) -> HttpResponse {
    let (micros, n) = path.into_inner();
    if !(0.0..=MAX_WORK_MICROS).contains(&micros) {
        return HttpResponse::BadRequest().finish();
    }
    black_box(work((micros * ceiling.rounds_per_micro) as u64));
    page(&ceiling, n)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8090".to_owned());
    let pattern = b"<p>OCOP ceiling page, constant body</p>\n";
    let body: Vec<u8> = pattern.iter().copied().cycle().take(MAX_BYTES).collect();
    let started = Instant::now();
    black_box(work(CALIBRATION_ROUNDS));
    let rounds_per_micro = CALIBRATION_ROUNDS as f64 / (started.elapsed().as_secs_f64() * 1e6);
    let ceiling = web::Data::new(Ceiling { body: Bytes::from(body), rounds_per_micro });
    let server = HttpServer::new(move || App::new().app_data(ceiling.clone()).service(bytes).service(worked)).bind(addr)?;
    // With port 0 the kernel picks one: say which (bench/run reads this line).
    for bound in server.addrs() {
        println!("ceiling listening on {bound}");
    }
    server.run().await
}
