//! `alembic-rs`: the native command line (being written).
#![forbid(unsafe_code)]

fn main() {
    eprintln!("alembic-rs: the native CLI is not built yet");
    std::process::exit(2);
}
