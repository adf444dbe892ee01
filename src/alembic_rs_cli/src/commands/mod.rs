//! What each command does: Alembic's `command.heads/branches/history/show` over the core,
//! with `CommandLine.run_cmd`'s error handling. Nothing here knows about clap or about how the
//! output reaches the terminal (see [`Reporter`]).

mod branches;
mod heads;
mod history;
mod migrate;
mod not_native;
mod project;
mod show;

use std::ffi::OsString;
use std::path::PathBuf;

use not_native::not_native_command;

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
    /// `current` without options: natively with a template env.py.
    Current,
    /// `upgrade` / `downgrade` / `stamp` with a template env.py.
    Migrate {
        command: alembic_rs_core::runtime::MigrateCommand,
        sql: bool,
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
    /// Read docstrings as CPython 3.13+ compiles them (dedented); see
    /// `VersionScripts::scan`. The binary has no interpreter to follow and uses the older
    /// rules; the Python fast path passes the running interpreter's.
    pub(crate) py313_docstrings: bool,
}

impl Environment {
    pub(crate) fn of_process() -> Result<Self, Failure> {
        Ok(Environment {
            // `os.getcwd()` fails like this when the directory was removed.
            cwd: std::env::current_dir()
                .map_err(|e| Failure::exception("FileNotFoundError", e.to_string()))?,
            alembic_config: std::env::var_os("ALEMBIC_CONFIG")
                .map(|v| v.to_string_lossy().into_owned()),
            py313_docstrings: false,
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
    /// What `--sql` writes to the output buffer (stdout), as is; `-q` does not silence it.
    fn write_sql(&mut self, text: &str);
    /// One line the `alembic` logger prints on stderr through the ini's logging setup.
    fn log(&mut self, line: &str);
    /// A `UserWarning` Alembic emits; Python's default filters show those.
    fn warn(&mut self, message: &str);
    /// A `DeprecationWarning` Alembic emits; Python's default filters hide those, so by
    /// default nothing is reported.
    fn deprecated(&mut self, _message: &str) {}
    /// Whether warnings reported here reach the user as Alembic's would. The console
    /// script's fast path cannot print Python's warnings (it leaves such runs to Python), so
    /// a run with side effects must stop before them when this is false.
    fn reproduces_warnings(&self) -> bool {
        true
    }
    /// Whether a warning the user would see was reported (and, where
    /// [`Reporter::reproduces_warnings`] is false, the run must be left to Python).
    fn has_warned(&self) -> bool {
        false
    }
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
        Request::Migrate { command, sql } => migrate::run(&script, out, command, *sql),
        Request::Current => migrate::current(&script, out),
        Request::NotNative(command) => Err(not_native_command(command)),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::*;

    /// Collects what a command prints.
    #[derive(Default, Debug)]
    struct Captured {
        stdout: Vec<String>,
        warnings: Vec<String>,
    }

    impl Reporter for Captured {
        fn print_stdout(&mut self, text: &str) {
            self.stdout.push(text.to_owned());
        }
        fn warn(&mut self, message: &str) {
            self.warnings.push(message.to_owned());
        }
        fn write_sql(&mut self, text: &str) {
            self.stdout.push(text.to_owned());
        }
        fn log(&mut self, _line: &str) {}
    }

    /// A throwaway project: alembic.ini with `script_location = alembic`, and versions/.
    struct Project(PathBuf);

    impl Project {
        fn new(name: &str) -> Self {
            let root =
                std::env::temp_dir().join(format!("alembic-rs-cli-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&root);
            fs::create_dir_all(root.join("alembic/versions")).unwrap();
            fs::write(
                root.join("alembic.ini"),
                "[alembic]\nscript_location = alembic\n",
            )
            .unwrap();
            Project(root)
        }

        fn version(self, file: &str, header: &str) -> Self {
            fs::write(self.0.join("alembic/versions").join(file), header).unwrap();
            self
        }

        fn path(&self, file: &str) -> PathBuf {
            self.0.join("alembic/versions").join(file)
        }

        fn run(&self, request: Request) -> (Result<(), Failure>, Captured) {
            run_in(&self.0, request)
        }
    }

    impl Drop for Project {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn run_in(cwd: &Path, request: Request) -> (Result<(), Failure>, Captured) {
        let inv = Invocation {
            globals: GlobalOptions {
                config: Vec::new(),
                name: "alembic".to_owned(),
                raiseerr: false,
                quiet: false,
            },
            request,
            argv: Vec::new(),
        };
        let env = Environment {
            cwd: cwd.to_path_buf(),
            alembic_config: None,
            py313_docstrings: false,
        };
        let mut out = Captured::default();
        let result = run(&inv, &env, &mut out);
        (result, out)
    }

    fn heads() -> Request {
        Request::Heads {
            verbose: false,
            resolve_dependencies: false,
        }
    }

    fn history(rev_range: Option<&str>, indicate_current: bool) -> Request {
        Request::History {
            rev_range: rev_range.map(str::to_owned),
            verbose: false,
            indicate_current,
        }
    }

    #[test]
    fn prints_one_line_per_head() {
        let p = Project::new("heads")
            .version("a.py", "revision = 'aaaa'\ndown_revision = None\n")
            .version("b.py", "revision = 'bbbb'\ndown_revision = 'aaaa'\n");
        let (result, out) = p.run(heads());
        assert_eq!(result, Ok(()));
        assert_eq!(out.stdout.len(), 1);
        assert!(out.stdout[0].starts_with("bbbb"), "{out:?}");
    }

    #[test]
    fn a_broken_graph_escapes_heads_but_fails_history() {
        // `heads` builds the map through `get_heads()`, outside `_catch_revision_errors`.
        let p = Project::new("loop").version("a.py", "revision = 'aaaa'\ndown_revision = 'aaaa'\n");
        let (result, _) = p.run(heads());
        assert!(
            matches!(&result, Err(Failure::Exception { class, .. }) if class == "LoopDetected"),
            "{result:?}"
        );
        let (result, _) = p.run(history(None, false));
        assert!(matches!(result, Err(Failure::Command(_))), "{result:?}");
    }

    #[test]
    fn warnings_reach_the_reporter() {
        let p = Project::new("twice")
            .version("a.py", "revision = 'aaaa'\ndown_revision = None\n")
            .version("b.py", "revision = 'aaaa'\ndown_revision = None\n");
        let (result, out) = p.run(heads());
        assert_eq!(result, Ok(()));
        assert_eq!(out.warnings.len(), 1, "{out:?}");
        assert!(out.warnings[0].contains("aaaa"));
    }

    #[test]
    fn a_computed_header_is_not_native_and_named() {
        let p = Project::new("computed")
            .version("a.py", "revision = 'aa' + 'aa'\ndown_revision = None\n");
        let (result, out) = p.run(heads());
        let path = p.path("a.py");
        match result {
            Err(Failure::NotNative { error, .. }) => {
                assert!(error.contains(&*path.to_string_lossy()), "{error}");
            }
            other => panic!("{other:?}"),
        }
        assert!(out.stdout.is_empty());
    }

    #[test]
    fn the_database_revision_is_not_native() {
        let p =
            Project::new("current").version("a.py", "revision = 'aaaa'\ndown_revision = None\n");
        for request in [
            Request::Show {
                rev: "current".to_owned(),
            },
            history(Some("current:"), false),
            history(Some(":current"), false),
            history(None, true),
        ] {
            let (result, _) = p.run(request.clone());
            assert!(
                matches!(result, Err(Failure::NotNative { .. })),
                "{request:?}"
            );
        }
        // the range's syntax is checked first, as in Alembic
        let (result, _) = p.run(history(Some("current"), true));
        assert!(matches!(result, Err(Failure::Command(_))), "{result:?}");
    }

    #[test]
    fn refused_commands_read_nothing() {
        let (result, _) = run_in(Path::new("/nonexistent"), Request::NotNative("upgrade"));
        match result {
            Err(Failure::NotNative { error, hint }) => {
                assert!(error.contains("'upgrade'") && !hint.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_package_location_is_not_native() {
        let p = Project::new("package");
        fs::write(
            p.0.join("alembic.ini"),
            "[alembic]\nscript_location = pkg:migrations\n",
        )
        .unwrap();
        let (result, _) = p.run(heads());
        match result {
            Err(Failure::NotNative { error, .. }) => assert!(error.contains("pkg:migrations")),
            other => panic!("{other:?}"),
        }
    }
}
