//! `alembic-rs`: Alembic's read-only commands (`heads`, `branches`, `history`, `show`) with
//! no Python. Commands that need Python or a database are refused by name.
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    alembic_rs_cli::main_with(std::env::args_os().collect())
}
