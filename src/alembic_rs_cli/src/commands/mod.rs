//! What each command does: Alembic's `command.heads/branches/history/show` over the core,
//! with `CommandLine.run_cmd`'s error handling. Nothing here knows about clap or about how the
//! output reaches the terminal (see [`Reporter`]).

mod branches;
mod heads;
mod history;
mod not_native;
mod project;
mod show;

use std::ffi::OsString;
use std::path::PathBuf;

pub(crate) use not_native::not_native_command;

/// The options `alembic` takes before the command name.
#[derive(Clone, Debug)]
pub(crate) struct GlobalOptions {
    /// `-c/--config`, in order (at most one ini file and one pyproject.toml).
    pub(crate) config: Vec<String>,
    /// `-n/--name`: the ini section.
    pub(crate) name: String,
    pub(crate) raiseerr: bool,
    pub(crate) quiet: bool,
}

#[derive(Clone, Debug)]
pub(crate) enum Request {
    Heads {
        verbose: bool,
        resolve_dependencies: bool,
    },
    Branches {
        verbose: bool,
    },
    History {
        rev_range: Option<String>,
        verbose: bool,
        indicate_current: bool,
    },
    Show {
        rev: String,
    },
    /// An Alembic command that needs Python or a database.
    NotNative(&'static str),
}

#[derive(Clone, Debug)]
pub(crate) struct Invocation {
    pub(crate) globals: GlobalOptions,
    pub(crate) request: Request,
    /// The arguments after the program name, to suggest the same command to Alembic.
    pub(crate) argv: Vec<OsString>,
}

/// What Alembic reads from the process besides argv.
#[derive(Clone, Debug)]
pub(crate) struct Environment {
    /// Relative paths (config files, script_location) are resolved against it.
    pub(crate) cwd: PathBuf,
    /// `ALEMBIC_CONFIG`.
    pub(crate) alembic_config: Option<String>,
}

impl Environment {
    pub(crate) fn of_process() -> Result<Self, Failure> {
        Ok(Environment {
            // `os.getcwd()` fails like this when the directory was removed.
            cwd: std::env::current_dir()
                .map_err(|e| Failure::exception("FileNotFoundError", e.to_string()))?,
            alembic_config: std::env::var_os("ALEMBIC_CONFIG")
                .map(|v| v.to_string_lossy().into_owned()),
        })
    }
}

/// How a command fails; each kind is reported the way Alembic's process ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// `util.CommandError`, caught by `CommandLine.run_cmd`: `FAILED: <message>` on stdout,
    /// exit code 255.
    Command(String),
    /// A Python exception Alembic lets escape (a traceback and exit code 1 under Alembic).
    /// `class` is the exception's class name.
    Exception { class: String, message: String },
    /// Something only Python (or a database) can do; `hint` says why.
    NotNative { error: String, hint: String },
}

impl Failure {
    pub(crate) fn exception(class: &str, message: impl Into<String>) -> Self {
        Failure::Exception {
            class: class.to_owned(),
            message: message.into(),
        }
    }
}

/// Where a command's output goes.
pub(crate) trait Reporter {
    /// `Config.print_stdout(text)`: the text, then a newline.
    fn print_stdout(&mut self, text: &str);
    /// A `UserWarning` Alembic emits; Python's default filters show those.
    fn warn(&mut self, message: &str);
}

/// Runs one invocation (a refused command never reads the configuration).
pub(crate) fn run(
    inv: &Invocation,
    env: &Environment,
    out: &mut dyn Reporter,
) -> Result<(), Failure> {
    if let Request::NotNative(command) = inv.request {
        return Err(not_native_command(command));
    }
    let script = project::ScriptDirectory::from_cli(&inv.globals, env, out)?;
    match &inv.request {
        Request::Heads {
            verbose,
            resolve_dependencies,
        } => heads::heads(&script, out, *verbose, *resolve_dependencies),
        Request::Branches { verbose } => branches::branches(&script, out, *verbose),
        Request::History {
            rev_range,
            verbose,
            indicate_current,
        } => history::history(
            &script,
            out,
            rev_range.as_deref(),
            *verbose,
            *indicate_current,
        ),
        Request::Show { rev } => show::show(&script, out, rev),
        Request::NotNative(command) => Err(not_native_command(command)),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::Reporter;

    /// Collects what a command prints.
    #[derive(Default, Debug)]
    pub(crate) struct Captured {
        pub(crate) stdout: Vec<String>,
        pub(crate) warnings: Vec<String>,
    }

    impl Reporter for Captured {
        fn print_stdout(&mut self, text: &str) {
            self.stdout.push(text.to_owned());
        }
        fn warn(&mut self, message: &str) {
            self.warnings.push(message.to_owned());
        }
    }
}
