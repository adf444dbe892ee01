//! `Config(...)` as `CommandLine.main` builds it, `ScriptDirectory.from_config`, and loading
//! the version files into the revision map, with each core error turned into the [`Failure`]
//! Alembic's process would end with.

use std::path::PathBuf;

use alembic_rs_core::config::{
    AlembicConfig, ConfigError, ConfigSources, ConfigWarning, ScriptLocation, ScriptOptions,
    WarningCategory, config_file_names,
};
use alembic_rs_core::script::directory::VersionScripts;
use alembic_rs_core::script::format::ScriptMeta;
use alembic_rs_core::script::revision::{
    CatchContext, RevisionMap, RevisionMapError, ScriptError, catch_revision_errors,
};
use alembic_rs_core::script::scan::ScanError;

use super::{Environment, Failure, GlobalOptions, Reporter};

/// Python's default warning filters hide `DeprecationWarning`s raised from library code,
/// which is where Alembic's `warn_deprecated` attributes them; `UserWarning`s are shown.
fn report_warnings(out: &mut dyn Reporter, warnings: &[ConfigWarning]) {
    for w in warnings {
        if w.category == WarningCategory::UserWarning {
            out.warn(&w.message);
        } else {
            out.deprecated(&w.message);
        }
    }
}

pub(crate) fn config_failure(err: ConfigError) -> Failure {
    match err {
        ConfigError::Command(message) => Failure::Command(message),
        ConfigError::Python { kind, message } | ConfigError::Ini { kind, message, .. } => {
            Failure::exception(kind, message)
        }
        ConfigError::Toml { path, message } => {
            Failure::exception("TOMLDecodeError", format!("{}: {message}", path.display()))
        }
        ConfigError::Unsupported(what) => Failure::NotNative {
            error: format!("this configuration is not supported natively: {what}"),
            hint: "Alembic gives it a meaning through Python that the native reader does not \
                   reproduce"
                .to_owned(),
        },
    }
}

/// A `ScriptDirectory` method's error: `CommandError` text, or an exception Alembic lets out.
pub(crate) fn script_failure(err: ScriptError) -> Failure {
    match err {
        ScriptError::Command(message) => Failure::Command(message),
        ScriptError::Uncaught(e) => uncaught(&e),
        other => Failure::exception("Exception", other.to_string()),
    }
}

fn uncaught(err: &RevisionMapError) -> Failure {
    Failure::exception(err.python_class(), err.to_string())
}

fn package_location(spec: &str) -> Failure {
    Failure::NotNative {
        error: format!(
            "the location '{spec}' names a Python package resource, which only Python's import \
             system can locate"
        ),
        hint: "use a filesystem path for script_location and version_locations".to_owned(),
    }
}

/// `ScriptDirectory.from_config(config)`, with its options resolved.
pub(crate) struct ScriptDirectory {
    pub(crate) options: ScriptOptions,
    /// The configuration it came from (`sqlalchemy.url`, the ini's logging sections).
    pub(crate) config: AlembicConfig,
    cwd: PathBuf,
    py313_docstrings: bool,
}

/// The revision map of a script directory and each script's path and docstring.
pub(crate) struct Revisions {
    pub(crate) map: RevisionMap,
    pub(crate) metas: Vec<ScriptMeta>,
}

impl Revisions {
    /// Reports the warnings the map's queries emitted (Alembic's `util.warn` on the way).
    pub(crate) fn flush_warnings(&self, out: &mut dyn Reporter) {
        for w in self.map.take_warnings() {
            out.warn(&w);
        }
    }
}

impl ScriptDirectory {
    /// `CommandLine._inis_from_config` + `Config(...)` + `ScriptDirectory.from_config`.
    pub(crate) fn from_cli(
        globals: &GlobalOptions,
        env: &Environment,
        out: &mut dyn Reporter,
    ) -> Result<Self, Failure> {
        // Raised by `CommandLine.main` before `run_cmd`, so never reported as "FAILED".
        let (toml, ini) = config_file_names(&globals.config, env.alembic_config.as_deref())
            .map_err(|e| match e {
                ConfigError::Command(message) => Failure::exception("CommandError", message),
                other => config_failure(other),
            })?;
        let cwd = env.cwd.clone();
        let mut sources = ConfigSources::new(Some(ini.into()), Some(toml.into()), cwd.clone());
        sources.ini_section = globals.name.clone();
        let config = AlembicConfig::load(sources).map_err(config_failure)?;
        let options = config.script_options().map_err(config_failure)?;
        report_warnings(out, &options.warnings);
        if let ScriptLocation::Package { spec, .. } = &options.script_location {
            return Err(package_location(spec));
        }
        Ok(ScriptDirectory {
            options,
            config,
            cwd,
            py313_docstrings: env.py313_docstrings,
        })
    }

    /// Reads the version files and builds the map (Alembic's `RevisionMap._revision_map`).
    ///
    /// `caught`: whether the command first touches the map inside
    /// `_catch_revision_errors`, which turns a `RevisionError` raised while building it
    /// (a cycle, a duplicate branch label) into `FAILED: ...`; `heads` without
    /// `--resolve-dependencies` reaches it through `get_heads()`, outside, so there it
    /// escapes as an exception.
    pub(crate) fn revisions(
        &self,
        out: &mut dyn Reporter,
        caught: bool,
    ) -> Result<Revisions, Failure> {
        let locations = self
            .options
            .version_location_paths(&self.cwd)
            .map_err(|spec| package_location(&spec))?;
        let scripts = VersionScripts::scan(
            locations,
            self.options.recursive_version_locations,
            self.options.sourceless,
            self.py313_docstrings,
        )
        .map_err(scan_failure)?;
        report_warnings(out, scripts.warnings());
        let (outcome, metas) = scripts.build().map_err(|pending| Failure::NotNative {
            error: pending.to_string(),
            hint: "alembic-rs reads version files without running them, so their `revision`, \
                   `down_revision`, `branch_labels` and `depends_on` must be plain literals"
                .to_owned(),
        })?;
        for w in &outcome.warnings {
            out.warn(w);
        }
        let map = outcome.result.map_err(|e| {
            if caught {
                script_failure(catch_revision_errors(e, &CatchContext::default()))
            } else {
                uncaught(&e)
            }
        })?;
        Ok(Revisions { map, metas })
    }
}

fn scan_failure(err: ScanError) -> Failure {
    match err {
        ScanError::Io { path, source } => {
            let class = match source.kind() {
                std::io::ErrorKind::PermissionDenied => "PermissionError",
                std::io::ErrorKind::NotFound => "FileNotFoundError",
                std::io::ErrorKind::IsADirectory => "IsADirectoryError",
                _ => "OSError",
            };
            Failure::exception(class, format!("{}: {source}", path.display()))
        }
        // `str(SyntaxError)`: the message, then where.
        ScanError::Syntax(e) => Failure::exception(
            "SyntaxError",
            format!("{} ({}, line {})", e.message, e.path.display(), e.line),
        ),
        e @ ScanError::NoRevisionId { .. } => Failure::Command(e.to_string()),
    }
}
