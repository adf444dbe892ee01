//! `upgrade` / `downgrade` / `stamp` (with `--sql`, or online) and `current`, natively, when
//! running `env.py` would do nothing but Alembic's template: `env.py` is the template's
//! ([`template_env`]), the ini's logging setup is the template's (so the log lines on stderr
//! are known), `sqlalchemy.url` names PostgreSQL, and every migration on the way is plain
//! `op.*` calls. Anything else is refused as not native, and the `alembic` console script then
//! runs the whole command in Python.
//!
//! Online, the run is one transaction on a tokio-postgres connection (`alembic_rs_pg`):
//! `BEGIN`, the advisory lock and the version table in two round trips, every statement of
//! every migration in one, a check of the version rows, `COMMIT`. If anything fails before
//! the commit, the transaction is rolled back and the run is refused as not native: the
//! `alembic` console script then runs it in Python, which fails exactly as Alembic does.

use alembic_rs_core::config::ScriptLocation;
use alembic_rs_core::ddl::{Dialect, Paramstyle, StatementStyle, dialect_of_url};
use alembic_rs_core::eval::template_env;
use alembic_rs_core::runtime::{
    ContextOptions, LogLevel, LogRecord, MigrateCommand, MigrateError, MigrationRun, Migrator,
    RunMode, RuntimeError, StaticPolicy, StaticScripts, advisory_lock_key, run_offline,
};
use alembic_rs_core::script::format;
use alembic_rs_pg::{ConnectTarget, PgConnection, PgExecutor};

use super::not_native::not_native;
use super::project::{ScriptDirectory, script_failure};
use super::{Failure, Reporter};

const WHY_ENV: &str = "alembic-rs runs `--sql` natively only when env.py is Alembic's template \
     (its offline path configures from sqlalchemy.url and does nothing else)";

/// What a template project gives a native run.
struct Template {
    /// The `alembic` logger shows INFO records.
    show_info: bool,
    url: String,
    dialect: &'static Dialect,
}

fn template(script: &ScriptDirectory, online: bool) -> Result<Template, Failure> {
    let ScriptLocation::Path { absolute, .. } = &script.options.script_location else {
        return Err(not_native("a package script_location", WHY_ENV));
    };
    let env_py = absolute.join("env.py");
    let source = std::fs::read_to_string(&env_py)
        .map_err(|_| not_native(&format!("{}", env_py.display()), WHY_ENV))?;
    match template_env(&source) {
        Some(t) if t.online || !online => {}
        _ => {
            return Err(not_native(
                &format!("{} (not the template's)", env_py.display()),
                WHY_ENV,
            ));
        }
    }
    let show_info = template_logging(script).ok_or_else(|| {
        not_native(
            "this ini file's logging setup",
            "the native runtime reproduces only the logging sections of Alembic's templates",
        )
    })?;
    let url = script
        .config
        .get_main_option("sqlalchemy.url")
        .ok()
        .flatten()
        .unwrap_or_default();
    let dialect = match dialect_of_url(&url) {
        Some(d) if is_known_url(&url) => d,
        _ => {
            return Err(not_native(
                "this sqlalchemy.url",
                "the native runtime compiles for PostgreSQL (postgresql:// or postgresql+<driver>://)",
            ));
        }
    };
    if online {
        // engine_from_config(config.get_section(...), prefix="sqlalchemy."): only the URL
        let section = script
            .config
            .get_section(script.config.ini_section())
            .ok()
            .flatten()
            .unwrap_or_default();
        if section
            .keys()
            .any(|k| k.starts_with("sqlalchemy.") && k != "sqlalchemy.url")
        {
            return Err(not_native(
                "engine options in the ini section",
                "the native connection takes only sqlalchemy.url",
            ));
        }
    }
    Ok(Template {
        show_info,
        url,
        dialect,
    })
}

fn print_logs(out: &mut dyn Reporter, show_info: bool, logs: &[LogRecord]) {
    if show_info {
        for record in logs.iter().filter(|r| r.level == LogLevel::Info) {
            // `%(levelname)-5.5s [%(name)s] %(message)s`
            out.log(&format!(
                "{:<5.5} [{}] {}",
                record.level.name(),
                record.logger,
                record.message
            ));
        }
    }
}

pub(crate) fn run(
    script: &ScriptDirectory,
    out: &mut dyn Reporter,
    command: &MigrateCommand,
    sql: bool,
) -> Result<(), Failure> {
    if !sql {
        return online(script, out, command);
    }
    let Template {
        show_info, dialect, ..
    } = template(script, false)?;
    let revs = script.revisions(out, true)?;
    // `dialect_opts={"paramstyle": "named"}` and `literal_binds=True`, as env.py configures
    let style = StatementStyle {
        paramstyle: Paramstyle::Named,
        literal_binds: true,
    };
    let mut scripts = StaticScripts::new(&revs.metas, StaticPolicy::default());
    let output = run_offline(
        &revs.map,
        &mut scripts,
        dialect,
        style,
        command,
        &ContextOptions::default(),
    );
    revs.flush_warnings(out);
    out.write_sql(&output.stdout);
    print_logs(out, show_info, &output.logs);
    match output.error {
        None => Ok(()),
        Some(e) => Err(runtime_failure(e)),
    }
}

/// A runtime error as the CLI reports it; what only Python can run is left to Python.
fn runtime_failure(e: RuntimeError) -> Failure {
    match e {
        e @ (RuntimeError::NotStatic { .. } | RuntimeError::Compile { .. }) => not_native(
            &e.to_string(),
            "the native runtime runs only static migrations",
        ),
        RuntimeError::Script(e) => script_failure(e),
        e if e.python_class() == "CommandError" => Failure::Command(e.to_string()),
        e => Failure::exception(e.python_class(), e.to_string()),
    }
}

const WHY_ONLINE: &str = "the native connection stops at anything it cannot reproduce exactly, \
     rolls back, and leaves the run to Alembic's Python command";

/// `ConnectTarget` for the URL, with the process environment's say.
fn connect(url: &str) -> Result<PgConnection, Failure> {
    let env: Vec<(String, String)> = std::env::vars().collect();
    let root_cert = std::env::var_os("HOME")
        .map(|h| {
            std::path::Path::new(&h)
                .join(".postgresql/root.crt")
                .exists()
        })
        .unwrap_or(false);
    let target = ConnectTarget::from_sqlalchemy_url(
        url,
        env.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        root_cert,
    )
    .map_err(|e| not_native(&format!("the database URL ({e})"), WHY_ONLINE))?;
    PgConnection::connect(&target)
        .map_err(|e| not_native(&format!("connecting natively ({e})"), WHY_ONLINE))
}

fn lock_enabled(script: &ScriptDirectory) -> bool {
    match script
        .config
        .get_main_option("alembic_rs_lock")
        .ok()
        .flatten()
    {
        Some(v) => !matches!(
            v.trim().to_lowercase().as_str(),
            "false" | "f" | "no" | "n" | "0" | "off"
        ),
        None => true,
    }
}

fn online(
    script: &ScriptDirectory,
    out: &mut dyn Reporter,
    command: &MigrateCommand,
) -> Result<(), Failure> {
    let Template {
        show_info,
        url,
        dialect,
    } = template(script, true)?;
    let revs = script.revisions(out, true)?;
    if out.has_warned() && !out.reproduces_warnings() {
        // Python must print the warning: it runs the whole command
        return Err(not_native("a run that warns", WHY_ONLINE));
    }
    let plan = command.plan(false).map_err(runtime_failure)?;
    let mut conn = connect(&url)?;
    let opts = ContextOptions::default();
    let style = StatementStyle {
        paramstyle: Paramstyle::Named,
        literal_binds: false,
    };
    let lock = lock_enabled(script).then(|| advisory_lock_key(None, &opts.version_table));
    // a warning of the plan (`downgrade -1 from multiple heads is ambiguous`) must reach
    // the user before anything is committed; where it cannot, Python runs it all
    let warnings = std::cell::RefCell::new(Vec::new());
    let reproduces = out.reproduces_warnings();
    let has_warned = out.has_warned();
    let mut exec =
        PgExecutor::new(&mut conn, &opts.version_table, lock).before_commit(Box::new(|| {
            let mut taken = revs.map.take_warnings();
            if (!taken.is_empty() || has_warned) && !reproduces {
                return Err(format!("the plan warns: {}", taken.join("; ")));
            }
            warnings.borrow_mut().append(&mut taken);
            Ok(())
        }));
    let mut scripts = StaticScripts::new(
        &revs.metas,
        StaticPolicy {
            online: true,
            ..StaticPolicy::default()
        },
    );
    let mode = RunMode {
        purge: plan.purge,
        ..RunMode::default()
    };
    let run = MigrationRun::new(dialect, &opts, style);
    let mut migrator = Migrator::new(&revs.map, &mut scripts, run, &opts, mode);
    let mut logs = migrator.context_logs();
    let result = migrator.run_in_transaction(&mut exec, Some(&plan.kind));
    let why = match result {
        Ok(()) => None,
        Err(MigrateError::Runtime(e)) => Some(e.to_string()),
        Err(MigrateError::Executor(e)) => Some(e.to_string()),
    };
    logs.append(&mut exec.logs);
    drop(exec);
    if let Some(why) = why {
        // nothing is committed: the server rolls back when the connection closes
        drop(conn);
        return Err(not_native(&format!("this run ({why})"), WHY_ONLINE));
    }
    for w in warnings.borrow().iter() {
        out.warn(w);
    }
    revs.flush_warnings(out);
    print_logs(out, show_info, &logs);
    Ok(())
}

/// `alembic current`: the rows of the version table, as `Script.cmd_format` prints them.
pub(crate) fn current(script: &ScriptDirectory, out: &mut dyn Reporter) -> Result<(), Failure> {
    let Template {
        show_info,
        url,
        dialect,
    } = template(script, true)?;
    let revs = script.revisions(out, true)?;
    let mut conn = connect(&url)?;
    let opts = ContextOptions::default();
    let versions = PgExecutor::new(&mut conn, &opts.version_table, None)
        .read_versions()
        .map_err(|why| not_native(&format!("this run ({why})"), WHY_ONLINE))?;
    drop(conn);
    let lines = format::current_lines(&revs.map, &revs.metas, &versions)
        .map_err(|e| not_native(&format!("this run ({e})"), WHY_ONLINE))?;
    revs.flush_warnings(out);
    let run = MigrationRun::new(dialect, &opts, StatementStyle::default());
    let mut scripts = StaticScripts::new(&revs.metas, StaticPolicy::default());
    let migrator = Migrator::new(&revs.map, &mut scripts, run, &opts, RunMode::default());
    print_logs(out, show_info, &migrator.context_logs());
    for line in lines {
        out.print_stdout(&line);
    }
    Ok(())
}

/// A URL SQLAlchemy's `make_url` accepts as far as the native connection reads it (a port,
/// when given, is a number); the dialect and driver are [`dialect_of_url`]'s to check.
fn is_known_url(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let netloc = rest.split(['/', '?']).next().unwrap_or("");
    let host = netloc.rsplit_once('@').map_or(netloc, |(_, h)| h);
    match host.rsplit_once(':') {
        Some((h, port)) if !h.ends_with(']') || host.starts_with('[') => {
            port.is_empty() || port.chars().all(|c| c.is_ascii_digit())
        }
        _ => true,
    }
}

/// Whether the ini's logging sections are the templates' (`Some(true)`: the `alembic`
/// logger shows INFO on stderr; `Some(false)`: it shows nothing at or below INFO), `None`
/// for any other setup.
fn template_logging(script: &ScriptDirectory) -> Option<bool> {
    let ini = script.config.file_config();
    let section = |name: &str| ini.section_raw(name);
    let value = |name: &str, key: &str| -> Option<String> {
        section(name)?.get(key).map(|v| v.trim().to_owned())
    };
    let keys = |name: &str| -> Option<Vec<String>> {
        let mut v: Vec<String> = value(name, "keys")?
            .split(',')
            .map(|k| k.trim().to_owned())
            .collect();
        v.sort();
        Some(v)
    };
    let only = |name: &str, allowed: &[&str]| -> bool {
        section(name).is_some_and(|s| s.keys().all(|k| allowed.contains(&k.as_str())))
    };
    let warn = |level: Option<String>| matches!(level.as_deref(), Some("WARN" | "WARNING"));

    let ok = keys("loggers")? == ["alembic", "root", "sqlalchemy"]
        && keys("handlers")? == ["console"]
        && keys("formatters")? == ["generic"]
        && only("logger_root", &["level", "handlers", "qualname"])
        && warn(value("logger_root", "level"))
        && value("logger_root", "handlers")? == "console"
        && only("logger_sqlalchemy", &["level", "handlers", "qualname"])
        && warn(value("logger_sqlalchemy", "level"))
        && value("logger_sqlalchemy", "handlers")?.is_empty()
        && value("logger_sqlalchemy", "qualname")? == "sqlalchemy.engine"
        && only("logger_alembic", &["level", "handlers", "qualname"])
        && value("logger_alembic", "handlers")?.is_empty()
        && value("logger_alembic", "qualname")? == "alembic"
        && only("handler_console", &["class", "args", "level", "formatter"])
        && value("handler_console", "class")? == "StreamHandler"
        && value("handler_console", "args")? == "(sys.stderr,)"
        && value("handler_console", "level")? == "NOTSET"
        && value("handler_console", "formatter")? == "generic"
        && only("formatter_generic", &["format", "datefmt"])
        && value("formatter_generic", "format")? == "%(levelname)-5.5s [%(name)s] %(message)s";
    if !ok {
        return None;
    }
    match value("logger_alembic", "level")?.as_str() {
        "INFO" => Some(true),
        "WARN" | "WARNING" | "ERROR" | "CRITICAL" => Some(false),
        _ => None,
    }
}
