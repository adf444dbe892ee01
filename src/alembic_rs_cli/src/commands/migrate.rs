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
use alembic_rs_core::ddl::{Paramstyle, PostgresqlImpl, StatementStyle};
use alembic_rs_core::eval::template_env;
use alembic_rs_core::runtime::{
    ContextOptions, LogLevel, LogRecord, OfflineCommand, RuntimeError, StaticScripts, context_logs,
    plan_online, run_offline,
};
use alembic_rs_core::script::format;
use alembic_rs_pg::{ConnectTarget, PgConnection};

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
    if !is_postgresql_url(&url) {
        return Err(not_native(
            "this sqlalchemy.url",
            "the native runtime compiles for PostgreSQL (postgresql:// or postgresql+<driver>://)",
        ));
    }
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
    Ok(Template { show_info, url })
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
    command: &OfflineCommand,
    sql: bool,
) -> Result<(), Failure> {
    if !sql {
        return online(script, out, command);
    }
    let Template { show_info, .. } = template(script, false)?;
    let revs = script.revisions(out, true)?;
    // `dialect_opts={"paramstyle": "named"}` and `literal_binds=True`, as env.py configures
    let pg = PostgresqlImpl::with_style(StatementStyle {
        paramstyle: Paramstyle::Named,
        literal_binds: true,
    });
    let mut scripts = StaticScripts::new(&revs.metas);
    let output = run_offline(
        &revs.map,
        &mut scripts,
        &pg,
        command,
        &ContextOptions::default(),
    );
    revs.flush_warnings(out);
    out.write_sql(&output.stdout);
    print_logs(out, show_info, &output.logs);
    match output.error {
        None => Ok(()),
        Some(e @ (RuntimeError::NotStatic { .. } | RuntimeError::Compile { .. })) => {
            Err(not_native(
                &e.to_string(),
                "the native runtime runs only static migrations",
            ))
        }
        Some(RuntimeError::Script(e)) => Err(script_failure(e)),
        Some(e) if e.python_class() == "CommandError" => Err(Failure::Command(e.to_string())),
        Some(e) => Err(Failure::exception(e.python_class(), e.to_string())),
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

/// The version table's rows, or `None` when it does not exist (one round trip each).
fn read_versions(conn: &mut PgConnection, prelude: &str) -> Result<Option<Vec<String>>, String> {
    // SQLAlchemy's has_table for PostgreSQL: a visible table or view of that name
    let exists = conn
        .query_column(&format!(
            "{prelude}SELECT c.relname FROM pg_catalog.pg_class c \
             WHERE c.relname = 'alembic_version' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') \
             AND pg_catalog.pg_table_is_visible(c.oid)"
        ))
        .map_err(|e| e.to_string())?;
    if exists.is_empty() {
        return Ok(None);
    }
    let rows = conn
        .query_column("SELECT alembic_version.version_num FROM alembic_version")
        .map_err(|e| e.to_string())?;
    Ok(Some(rows.into_iter().flatten().collect()))
}

/// The advisory lock key the Python runtime uses for the default version table
/// (`alembic/runtime/migration.py`, `_AdvisoryLock`): md5 of `alembic_rs:.alembic_version`,
/// first eight bytes, big-endian, signed.
fn lock_key() -> i64 {
    use md5::Digest;
    let digest = md5::Md5::digest(b"alembic_rs:.alembic_version");
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
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
    command: &OfflineCommand,
) -> Result<(), Failure> {
    let Template { show_info, url } = template(script, true)?;
    let revs = script.revisions(out, true)?;
    if out.has_warned() && !out.reproduces_warnings() {
        // Python must print the warning: it runs the whole command
        return Err(not_native("a run that warns", WHY_ONLINE));
    }
    let mut conn = connect(&url)?;
    let result = (|| -> Result<Vec<LogRecord>, String> {
        let lock = if lock_enabled(script) {
            format!("SELECT pg_advisory_xact_lock({}); ", lock_key())
        } else {
            String::new()
        };
        let versions = read_versions(&mut conn, &format!("BEGIN; {lock}"))?;
        let style = StatementStyle {
            paramstyle: Paramstyle::Named,
            literal_binds: false,
        };
        let mut scripts = StaticScripts::new(&revs.metas).refusing_bind_parameters();
        let run = plan_online(
            &revs.map,
            &mut scripts,
            style,
            command,
            &ContextOptions::default(),
            versions.as_deref().unwrap_or(&[]),
            versions.is_some(),
        )
        .map_err(|e| e.to_string())?;
        // a warning of the plan (`downgrade -1 from multiple heads is ambiguous`) must reach
        // the user before anything is committed; where it cannot, Python runs it all
        let warnings = revs.map.take_warnings();
        if (!warnings.is_empty() || out.has_warned()) && !out.reproduces_warnings() {
            return Err(format!("the plan warns: {}", warnings.join("; ")));
        }
        for w in &warnings {
            out.warn(w);
        }
        let mut batch = run.statements.join(";\n");
        if !batch.is_empty() {
            batch.push_str(";\n");
        }
        batch.push_str("SELECT alembic_version.version_num FROM alembic_version");
        let mut found: Vec<String> = conn
            .query_column(&batch)
            .map_err(|e| e.to_string())?
            .into_iter()
            .flatten()
            .collect();
        let mut expected = run.expected_heads.clone();
        found.sort();
        expected.sort();
        if found != expected {
            return Err(format!(
                "the version table holds {found:?} after the run, expected {expected:?}"
            ));
        }
        conn.batch("COMMIT").map_err(|e| e.to_string())?;
        let mut logs = context_logs();
        logs.extend(run.logs);
        Ok(logs)
    })();
    match result {
        Ok(logs) => {
            revs.flush_warnings(out);
            print_logs(out, show_info, &logs);
            Ok(())
        }
        Err(why) => {
            // nothing is committed: the server rolls back when the connection closes
            drop(conn);
            Err(not_native(&format!("this run ({why})"), WHY_ONLINE))
        }
    }
}

/// `alembic current`: the rows of the version table, as `Script.cmd_format` prints them.
pub(crate) fn current(script: &ScriptDirectory, out: &mut dyn Reporter) -> Result<(), Failure> {
    let Template { show_info, url } = template(script, true)?;
    let revs = script.revisions(out, true)?;
    let mut conn = connect(&url)?;
    let versions = read_versions(&mut conn, "")
        .map_err(|why| not_native(&format!("this run ({why})"), WHY_ONLINE))?
        .unwrap_or_default();
    drop(conn);
    let lines = format::current_lines(&revs.map, &revs.metas, &versions)
        .map_err(|e| not_native(&format!("this run ({e})"), WHY_ONLINE))?;
    revs.flush_warnings(out);
    print_logs(out, show_info, &context_logs());
    for line in lines {
        out.print_stdout(&line);
    }
    Ok(())
}

/// `postgresql://...` or `postgresql+<known driver>://...` that SQLAlchemy's `make_url`
/// accepts (a port, when given, is a number).
fn is_postgresql_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    let driver_ok = match scheme.split_once('+') {
        None => scheme == "postgresql",
        Some(("postgresql", driver)) => matches!(
            driver,
            "psycopg" | "psycopg2" | "psycopg2cffi" | "psycopg_async" | "asyncpg" | "pg8000"
        ),
        Some(_) => false,
    };
    let netloc = rest.split(['/', '?']).next().unwrap_or("");
    let host = netloc.rsplit_once('@').map_or(netloc, |(_, h)| h);
    let port_ok = match host.rsplit_once(':') {
        Some((h, port)) if !h.ends_with(']') || host.starts_with('[') => {
            port.is_empty() || port.chars().all(|c| c.is_ascii_digit())
        }
        _ => true,
    };
    driver_ok && port_ok
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
