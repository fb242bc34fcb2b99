//! Benchmark ceiling: the fastest "page" bare actix-web serves on this machine.
//!
//! `GET /bytes/{n}` answers a constant text/html body of exactly `n` bytes (n ≤ 16 MiB),
//! sliced from one buffer built at start-up, so a request costs only a `Bytes` refcount.
//! Usage: `ceiling [ADDR]` (default 127.0.0.1:8090; port 0 picks a free one, printed on stdout).
//! Driven by bench/run.
use actix_web::web::{self, Bytes};
use actix_web::{App, HttpResponse, HttpServer, get};

const MAX_BYTES: usize = 16 << 20;

#[get("/bytes/{n}")]
async fn bytes(body: web::Data<Bytes>, n: web::Path<usize>) -> HttpResponse {
    match n.into_inner() {
        n if n <= MAX_BYTES => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body.slice(..n)),
        _ => HttpResponse::BadRequest().finish(),
    }
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8090".to_owned());
    let pattern = b"<p>OCOP ceiling page, constant body</p>\n";
    let body: Vec<u8> = pattern.iter().copied().cycle().take(MAX_BYTES).collect();
    let body = web::Data::new(Bytes::from(body));
    let server = HttpServer::new(move || App::new().app_data(body.clone()).service(bytes)).bind(addr)?;
    // With port 0 the kernel picks one: say which (bench/run reads this line).
    for bound in server.addrs() {
        println!("ceiling listening on {bound}");
    }
    server.run().await
}
