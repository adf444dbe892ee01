//! `alembic-rs`: Alembic's read-only commands (`heads`, `branches`, `history`, `show`) with
//! no Python, printing byte for byte what Alembic 1.20 prints on stdout and ending with the
//! same exit code. Commands that need Python or a database are refused by name.
#![forbid(unsafe_code)]

mod args;
mod commands;
mod output;
mod wrap;

use std::process::ExitCode;

/// `--version`: ours, and the Alembic release whose behaviour it reproduces.
pub(crate) const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (alembic 1.20.1)");

fn main() -> ExitCode {
    let invocation = args::parse(std::env::args_os().collect());
    let mut terminal = output::Terminal::new(invocation.globals.quiet);
    let result = commands::Environment::of_process()
        .and_then(|env| commands::run(&invocation, &env, &mut terminal));
    let code = match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => terminal.fail(&failure, &invocation.globals, &invocation.argv),
    };
    terminal.flush();
    code
}
