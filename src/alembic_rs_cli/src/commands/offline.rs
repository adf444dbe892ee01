//! `upgrade` / `downgrade` / `stamp` with `--sql`, natively, when running `env.py` would do
//! nothing but Alembic's template offline path: `env.py` is the template's
//! ([`is_template_offline_env`]), the ini's logging setup is the template's (so the log lines
//! on stderr are known), `sqlalchemy.url` names PostgreSQL, and every migration on the way is
//! plain `op.*` calls. Anything else is refused as not native, and the `alembic` console
//! script then runs the whole command in Python.

use alembic_rs_core::config::ScriptLocation;
use alembic_rs_core::ddl::{Paramstyle, PostgresqlImpl, StatementStyle};
use alembic_rs_core::eval::is_template_offline_env;
use alembic_rs_core::runtime::{
    ContextOptions, LogLevel, OfflineCommand, RuntimeError, StaticScripts, run_offline,
};

use super::not_native::not_native;
use super::project::{ScriptDirectory, script_failure};
use super::{Failure, Reporter};

const WHY_ENV: &str = "alembic-rs runs `--sql` natively only when env.py is Alembic's template \
     (its offline path configures from sqlalchemy.url and does nothing else)";

pub(crate) fn run(
    script: &ScriptDirectory,
    out: &mut dyn Reporter,
    command: &OfflineCommand,
) -> Result<(), Failure> {
    let ScriptLocation::Path { absolute, .. } = &script.options.script_location else {
        return Err(not_native("a package script_location", WHY_ENV));
    };
    let env_py = absolute.join("env.py");
    let source = std::fs::read_to_string(&env_py)
        .map_err(|_| not_native(&format!("{}", env_py.display()), WHY_ENV))?;
    if !is_template_offline_env(&source) {
        return Err(not_native(
            &format!("{} (not the template's)", env_py.display()),
            WHY_ENV,
        ));
    }
    let show_info = template_logging(script).ok_or_else(|| {
        not_native(
            "this ini file's logging setup",
            "the native `--sql` reproduces only the logging sections of Alembic's templates",
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
    if show_info {
        for record in output.logs.iter().filter(|r| r.level == LogLevel::Info) {
            // `%(levelname)-5.5s [%(name)s] %(message)s`
            out.log(&format!(
                "{:<5.5} [{}] {}",
                record.level.name(),
                record.logger,
                record.message
            ));
        }
    }
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
