//! `alembic-rs`: Alembic's commands with no Python (the read-only ones, and `upgrade` /
//! `downgrade` / `stamp` / `current` for template projects: see the library's docs).
//! Commands that need Python are refused by name.
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    alembic_rs_cli::main_with(std::env::args_os().collect())
}
