//! Alembic's commands with no Python: the read-only ones (`heads`, `branches`, `history`,
//! `show`), and `upgrade` / `downgrade` / `stamp` (offline with `--sql`, or online on
//! PostgreSQL) and `current` when `env.py` is Alembic's template and every migration is plain
//! `op.*` calls. Each prints byte for byte what Alembic 1.20 prints and ends with the same
//! exit code; anything else is refused as not native. The `alembic-rs` binary is one user;
//! the other is the `alembic` console script of the Python package, which answers the plain
//! cases through [`fast_path`] before paying for Python's imports.
#![forbid(unsafe_code)]

mod args;
mod commands;
mod output;
mod wrap;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use commands::{Environment, Reporter};

/// `--version`: ours, and the Alembic release whose behaviour it reproduces.
pub(crate) const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (alembic 1.20.1)");

/// The `alembic-rs` program: argv in, output on the terminal, an exit code out.
pub fn main_with(argv: Vec<OsString>) -> ExitCode {
    let invocation = args::parse(argv);
    let mut terminal = output::Terminal::new(invocation.globals.quiet);
    let result =
        Environment::of_process().and_then(|env| commands::run(&invocation, &env, &mut terminal));
    let code = match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => terminal.fail(&failure, &invocation.globals, &invocation.argv),
    };
    terminal.flush();
    code
}

/// What a command line printed: stdout, and stderr (the `alembic` logger's lines).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FastOutput {
    pub stdout: String,
    pub stderr: String,
}

/// Runs an `alembic` command line natively when that gives exactly Alembic's result: a
/// read-only command, or `upgrade`/`downgrade`/`stamp` (`--sql`, or online) or `current` with
/// a template `env.py` and static migrations; the command succeeds and emits no warning the
/// user would see (`UserWarning`s always; `DeprecationWarning`s when `deprecations_visible`,
/// i.e. the user's warning filters show them, as Python hides them by default). Returns its
/// output; `None` means "let Python's `alembic` do it" (anything else: help, errors,
/// warnings, commands that need Python, version files that must be imported), so the caller's
/// full implementation produces the exact text, warnings and tracebacks.
///
/// `argv` excludes the program name; `cwd` and `alembic_config` are the process's.
pub fn fast_path(
    argv: Vec<OsString>,
    cwd: PathBuf,
    alembic_config: Option<String>,
    py313_docstrings: bool,
    deprecations_visible: bool,
) -> Option<FastOutput> {
    let mut full = vec![OsString::from("alembic")];
    full.extend(argv);
    let invocation = args::try_parse(full)?;
    let env = Environment {
        cwd,
        alembic_config,
        py313_docstrings,
    };
    let mut out = Collected {
        deprecations_visible,
        // `-q` silences `print_stdout`
        quiet: invocation.globals.quiet,
        ..Collected::default()
    };
    commands::run(&invocation, &env, &mut out).ok()?;
    if out.warned {
        return None;
    }
    Some(FastOutput {
        stdout: out.stdout,
        stderr: out.stderr,
    })
}

/// What a command printed, and whether it warned visibly.
#[derive(Default)]
struct Collected {
    quiet: bool,
    stdout: String,
    stderr: String,
    warned: bool,
    deprecations_visible: bool,
}

impl Reporter for Collected {
    fn print_stdout(&mut self, text: &str) {
        if !self.quiet {
            self.stdout.push_str(text);
            self.stdout.push('\n');
        }
    }
    fn write_sql(&mut self, text: &str) {
        self.stdout.push_str(text);
    }
    fn log(&mut self, line: &str) {
        self.stderr.push_str(line);
        self.stderr.push('\n');
    }
    fn warn(&mut self, _message: &str) {
        self.warned = true;
    }
    fn reproduces_warnings(&self) -> bool {
        false
    }
    fn has_warned(&self) -> bool {
        self.warned
    }
    fn deprecated(&mut self, _message: &str) {
        // e.g. Alembic 1.13-era inis without `path_separator`: hidden by Python's default
        // filters, shown under -W/PYTHONWARNINGS, where Python must print it
        self.warned |= self.deprecations_visible;
    }
}
