//! The process's streams: stdout carries exactly what Alembic prints there; stderr carries
//! this program's own diagnostics (warnings, errors, hints), which need not match Python's.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::process::ExitCode;

use crate::commands::{Failure, GlobalOptions, Reporter};
use crate::wrap::wrap;

/// Exit codes of the ways Alembic's process ends.
const EXIT_FAILED: u8 = 255; // `sys.exit(-1)` in `util.err`
const EXIT_EXCEPTION: u8 = 1; // an uncaught Python exception
const EXIT_NOT_NATIVE: u8 = 2; // ours, like a usage error

pub(crate) struct Terminal {
    quiet: bool,
    stdout: BufWriter<StdoutLock<'static>>,
    /// Set once a write fails (a closed pipe): Alembic's `write_outstream` stops writing too.
    stdout_closed: bool,
    /// Python's default warning action shows a given warning once per process.
    warned: HashSet<String>,
    color: bool,
}

impl Terminal {
    pub(crate) fn new(quiet: bool) -> Self {
        Terminal {
            quiet,
            stdout: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            stdout_closed: false,
            warned: HashSet::new(),
            color: io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn write_stdout(&mut self, text: &str) {
        if self.stdout_closed {
            return;
        }
        if self.stdout.write_all(text.as_bytes()).is_err() {
            self.stdout_closed = true;
        }
    }

    pub(crate) fn flush(&mut self) {
        if !self.stdout_closed && self.stdout.flush().is_err() {
            self.stdout_closed = true;
        }
    }

    /// `label` styled like clap's own diagnostics when stderr is a terminal.
    fn styled(&self, label: &str, ansi: &str) -> String {
        if self.color {
            format!("\x1b[{ansi}m{label}\x1b[0m")
        } else {
            label.to_owned()
        }
    }

    fn error(&mut self, message: &str, hint: Option<&str>) {
        self.flush();
        let mut text = format!("{}: {message}\n", self.styled("error", "1;31"));
        if let Some(hint) = hint {
            text.push_str(&format!("{}: {hint}\n", self.styled("hint", "1;36")));
        }
        // Nothing sensible remains to be done when stderr itself is gone.
        let _ = io::stderr().write_all(text.as_bytes());
    }

    /// Reports a failed command the way Alembic's process ends, returning its exit code.
    pub(crate) fn fail(
        &mut self,
        failure: &Failure,
        globals: &GlobalOptions,
        argv: &[std::ffi::OsString],
    ) -> ExitCode {
        match failure {
            Failure::Command(message) if globals.raiseerr => {
                self.error(&format!("CommandError: {message}"), None);
                ExitCode::from(EXIT_EXCEPTION)
            }
            Failure::Command(message) => {
                // `util.err` -> `util.msg`, which `quiet` silences too.
                if !self.quiet {
                    let text = format!("FAILED: {message}");
                    match terminal_width() {
                        Some(width) => {
                            for line in wrap(&text, width, "  ") {
                                self.write_stdout(&line);
                                self.write_stdout("\n");
                            }
                        }
                        None => {
                            self.write_stdout(&text);
                            self.write_stdout("\n");
                        }
                    }
                }
                self.flush();
                ExitCode::from(EXIT_FAILED)
            }
            Failure::Exception { class, message } => {
                self.error(&format!("{class}: {message}"), None);
                ExitCode::from(EXIT_EXCEPTION)
            }
            Failure::NotNative { error, hint } => {
                let hint = format!(
                    "{hint}; use Alembic's Python command instead: {}",
                    shell_command(argv)
                );
                self.error(error, Some(&hint));
                ExitCode::from(EXIT_NOT_NATIVE)
            }
        }
    }
}

impl Reporter for Terminal {
    fn write_sql(&mut self, text: &str) {
        self.write_stdout(text);
    }

    fn log(&mut self, line: &str) {
        self.flush();
        let _ = io::stderr().write_all(format!("{line}\n").as_bytes());
    }

    fn print_stdout(&mut self, text: &str) {
        if self.quiet {
            return;
        }
        self.write_stdout(text);
        self.write_stdout("\n");
    }

    fn warn(&mut self, message: &str) {
        if self.warned.insert(message.to_owned()) {
            let text = format!(
                "alembic-rs: {}: {message}\n",
                self.styled("warning", "1;33")
            );
            let _ = io::stderr().write_all(text.as_bytes());
        }
    }
}

/// `alembic.util.messaging.TERMWIDTH`: the width of the terminal on standard *input*
/// (`ioctl(0, TIOCGWINSZ)`), `None` when it is not a terminal or reports no width.
fn terminal_width() -> Option<usize> {
    #[cfg(unix)]
    {
        let size = rustix::termios::tcgetwinsize(io::stdin()).ok()?;
        (size.ws_col > 0).then_some(usize::from(size.ws_col))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// `alembic <args>`, quoted for a POSIX shell where needed.
fn shell_command(argv: &[std::ffi::OsString]) -> String {
    let mut text = String::from("alembic");
    for arg in argv {
        text.push(' ');
        text.push_str(&shell_quote(arg));
    }
    text
}

fn shell_quote(arg: &OsStr) -> String {
    let arg = arg.to_string_lossy();
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./-_".contains(c));
    if plain {
        arg.into_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_a_shell_would_split() {
        let argv: Vec<std::ffi::OsString> = ["-x", "a b", "upgrade", "it's", "head"]
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(
            shell_command(&argv),
            r"alembic -x 'a b' upgrade 'it'\''s' head"
        );
    }
}
