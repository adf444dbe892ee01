//! Configuration: `alembic.ini` (configparser semantics), `[tool.alembic]` in
//! `pyproject.toml`, and the script-directory options Alembic derives from them
//! (`Config` + `ScriptDirectory.from_config`, Alembic 1.20).
//!
//! Errors and warnings carry Alembic's (or Python's) text so the callers can print exactly
//! what Alembic prints.

pub mod ini;
pub(crate) mod pyfmt;
pub(crate) mod pyproject;

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

pub use ini::IniFile;

use pyfmt::{pathlib_absolute, pathlib_normalize, py_int, py_repr};

/// A configuration value as Alembic's `get_alembic_option` can return it (TOML brings the
/// non-string shapes). Serialises to the matching JSON value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConfigValue {
    Str(String),
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A TOML date/time, in its TOML spelling.
    Datetime(String),
    List(Vec<ConfigValue>),
    Dict(IndexMap<String, ConfigValue>),
}

impl ConfigValue {
    fn from_toml(value: &toml::Value) -> Self {
        match value {
            toml::Value::String(s) => ConfigValue::Str(s.clone()),
            toml::Value::Integer(i) => ConfigValue::Int(*i),
            toml::Value::Float(f) => ConfigValue::Float(*f),
            toml::Value::Boolean(b) => ConfigValue::Bool(*b),
            toml::Value::Datetime(d) => ConfigValue::Datetime(d.to_string()),
            toml::Value::Array(a) => ConfigValue::List(a.iter().map(Self::from_toml).collect()),
            toml::Value::Table(t) => ConfigValue::Dict(
                t.iter()
                    .map(|(k, v)| (k.clone(), Self::from_toml(v)))
                    .collect(),
            ),
        }
    }

    /// The Python type name, for error messages.
    fn python_type(&self) -> &'static str {
        match self {
            ConfigValue::Str(_) => "str",
            ConfigValue::Bool(_) => "bool",
            ConfigValue::Int(_) => "int",
            ConfigValue::Float(_) => "float",
            ConfigValue::Datetime(_) => "datetime.datetime",
            ConfigValue::List(_) => "list",
            ConfigValue::Dict(_) => "dict",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            ConfigValue::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Why a configuration could not be read or resolved.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// `alembic.util.CommandError`: Alembic prints `FAILED: <message>`.
    #[error("{0}")]
    Command(String),
    /// A Python exception Alembic lets propagate (`kind` is its class name).
    #[error("{kind}: {message}")]
    Python { kind: &'static str, message: String },
    /// A configparser error in an ini file; `message` is configparser's own text.
    #[error("{kind}: {message}")]
    Ini {
        kind: &'static str,
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// pyproject.toml is not valid TOML (the message is the toml crate's, not tomllib's).
    #[error("{}: TOMLDecodeError: {message}", path.display())]
    Toml { path: PathBuf, message: String },
    /// Something Alembic accepts (or fails on later) that is not reproduced natively.
    #[error("not supported natively: {0}")]
    Unsupported(String),
}

/// Python's warning category for a [`ConfigWarning`]. `DeprecationWarning`s raised from
/// Alembic's code are hidden by Python's default filters; `UserWarning`s are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WarningCategory {
    UserWarning,
    DeprecationWarning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigWarning {
    pub category: WarningCategory,
    pub message: String,
}

impl ConfigWarning {
    fn deprecated(message: &str) -> Self {
        ConfigWarning {
            category: WarningCategory::DeprecationWarning,
            message: message.to_owned(),
        }
    }
}

/// What `alembic.config.Config(file_, toml_file, ini_section, config_args=...)` is given.
#[derive(Clone, Debug)]
pub struct ConfigSources {
    /// The ini file as named (relative paths are relative to `cwd`); `None` = in-memory config.
    pub ini_path: Option<PathBuf>,
    pub toml_path: Option<PathBuf>,
    /// `-n/--name`; `"alembic"` by default.
    pub ini_section: String,
    /// `Config(config_args=...)`: extra interpolation defaults for both files.
    pub config_args: IndexMap<String, String>,
    /// The working directory relative paths are resolved against (Alembic uses the process's).
    pub cwd: PathBuf,
}

impl ConfigSources {
    pub fn new(ini_path: Option<PathBuf>, toml_path: Option<PathBuf>, cwd: PathBuf) -> Self {
        ConfigSources {
            ini_path,
            toml_path,
            ini_section: "alembic".to_owned(),
            config_args: IndexMap::new(),
            cwd,
        }
    }
}

/// `CommandLine._inis_from_config`: the (pyproject.toml, ini) names the CLI uses, from the
/// `-c/--config` values and the `ALEMBIC_CONFIG` environment variable.
pub fn config_file_names(
    config_args: &[String],
    alembic_config_env: Option<&str>,
) -> Result<(String, String), ConfigError> {
    // `os.path.basename(name) == "pyproject.toml"` (a trailing slash gives an empty basename).
    let is_toml = |name: &str| name.rsplit('/').next() == Some("pyproject.toml");
    let (default_toml, default_ini) = match alembic_config_env.filter(|e| !e.is_empty()) {
        Some(env) if is_toml(env) => (env.to_owned(), "alembic.ini".to_owned()),
        Some(env) => ("pyproject.toml".to_owned(), env.to_owned()),
        None => ("pyproject.toml".to_owned(), "alembic.ini".to_owned()),
    };
    let mut toml = None;
    let mut ini = None;
    for name in config_args {
        if is_toml(name) {
            if toml.is_some() {
                return Err(ConfigError::Command(
                    "pyproject.toml indicated more than once".to_owned(),
                ));
            }
            toml = Some(name.clone());
        } else {
            if ini.is_some() {
                return Err(ConfigError::Command(
                    "only one ini file may be indicated".to_owned(),
                ));
            }
            ini = Some(name.clone());
        }
    }
    Ok((toml.unwrap_or(default_toml), ini.unwrap_or(default_ini)))
}

/// `alembic.config.Config`'s reading side.
#[derive(Clone, Debug)]
pub struct AlembicConfig {
    sources: ConfigSources,
    file_config: IniFile,
    /// Read eagerly, but an error surfaces only when a lookup reaches TOML, as in Alembic
    /// where `toml_alembic_config` is a lazily evaluated property.
    toml: Result<IndexMap<String, ConfigValue>, ConfigError>,
    toml_args: IndexMap<String, String>,
}

impl AlembicConfig {
    /// Reads the files like `Config.file_config` / `Config.toml_alembic_config`. An ini file
    /// that cannot be opened is silently empty (configparser); an ini syntax error fails here.
    pub fn load(sources: ConfigSources) -> Result<Self, ConfigError> {
        let here_of = |p: &Path| {
            pathlib_absolute(p, &sources.cwd)
                .parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_else(|| "/".to_owned())
        };

        let mut config_args = sources.config_args.clone();
        let ini_here = match &sources.ini_path {
            Some(p) => here_of(p),
            // `Path()` -> ".".
            None => ".".to_owned(),
        };
        config_args.insert("here".to_owned(), ini_here);
        let mut file_config =
            IniFile::with_defaults(config_args.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        match &sources.ini_path {
            Some(p) => {
                file_config.read_file_as(&sources.cwd.join(p), p)?;
            }
            None => file_config.add_section(&sources.ini_section),
        }

        let mut toml_args = sources.config_args.clone();
        let toml = match &sources.toml_path {
            Some(p) if sources.cwd.join(p).exists() => {
                toml_args.insert("here".to_owned(), here_of(p));
                pyproject::read_tool_alembic(&sources.cwd.join(p))
            }
            _ => Ok(IndexMap::new()),
        };
        Ok(AlembicConfig {
            sources,
            file_config,
            toml,
            toml_args,
        })
    }

    pub fn file_config(&self) -> &IniFile {
        &self.file_config
    }

    pub fn ini_section(&self) -> &str {
        &self.sources.ini_section
    }

    /// `Config.toml_alembic_config` (unsubstituted).
    pub fn toml_alembic_config(&self) -> Result<&IndexMap<String, ConfigValue>, ConfigError> {
        self.toml.as_ref().map_err(Clone::clone)
    }

    /// `Config.get_section_option`: errors when the section is missing.
    pub fn get_section_option(
        &self,
        section: &str,
        name: &str,
    ) -> Result<Option<String>, ConfigError> {
        if !self.file_config.has_section(section) {
            let file = match &self.sources.ini_path {
                Some(p) => py_repr(&p.to_string_lossy()),
                None => "None".to_owned(),
            };
            return Err(ConfigError::Command(format!(
                "No config file {file} found, or file has no '[{section}]' section"
            )));
        }
        self.file_config.get(section, name)
    }

    /// `Config.get_main_option` (ini only).
    pub fn get_main_option(&self, name: &str) -> Result<Option<String>, ConfigError> {
        self.get_section_option(&self.sources.ini_section, name)
    }

    /// `Config.get_section`.
    pub fn get_section(&self, name: &str) -> Result<Option<IndexMap<String, String>>, ConfigError> {
        if !self.file_config.has_section(name) {
            return Ok(None);
        }
        self.file_config.items(name)
    }

    /// `Config.get_alembic_option`: the ini main section first, then `[tool.alembic]`.
    pub fn get_alembic_option(&self, name: &str) -> Result<Option<ConfigValue>, ConfigError> {
        let section = &self.sources.ini_section;
        if self.file_config.has_option(section, name) {
            return Ok(self.file_config.get(section, name)?.map(ConfigValue::Str));
        }
        self.get_toml_config_value(name)
    }

    /// `Config._get_toml_config_value` (`None` when absent).
    pub fn get_toml_config_value(&self, name: &str) -> Result<Option<ConfigValue>, ConfigError> {
        match self.toml_alembic_config()?.get(name) {
            None => Ok(None),
            Some(value) => pyproject::substitute(name, value, &self.toml_args).map(Some),
        }
    }

    /// `Config.get_alembic_boolean_option`: the ini value must be exactly `"true"`; a TOML
    /// value must be a boolean.
    pub fn get_alembic_boolean_option(&self, name: &str) -> Result<bool, ConfigError> {
        let section = &self.sources.ini_section;
        if self.file_config.has_option(section, name) {
            return Ok(self.file_config.get(section, name)?.as_deref() == Some("true"));
        }
        match self.toml_alembic_config()?.get(name) {
            None | Some(ConfigValue::Bool(false)) => Ok(false),
            Some(ConfigValue::Bool(true)) => Ok(true),
            Some(_) => Err(ConfigError::Command(format!(
                "boolean value expected for TOML parameter {}",
                py_repr(name)
            ))),
        }
    }

    /// `Config._get_file_separator_char`.
    fn file_separator(
        &self,
        names: &[&str],
        warnings: &mut Vec<ConfigWarning>,
    ) -> Result<Option<&'static str>, ConfigError> {
        let mut found = None;
        for name in names {
            if let Some(sep) = self.get_main_option(name)? {
                found = Some((*name, sep));
                break;
            }
        }
        let Some((name, separator)) = found else {
            return Ok(None);
        };
        let sep = match separator.as_str() {
            "space" => " ",
            "newline" => "\n",
            "os" => OS_PATHSEP,
            ":" => ":",
            ";" => ";",
            _ => {
                return Err(ConfigError::Python {
                    kind: "ValueError",
                    message: format!(
                        "'{separator}' is not a valid value for {name}; expected 'space', \
                         'newline', 'os', ':', ';'"
                    ),
                });
            }
        };
        if name == "version_path_separator" {
            warnings.push(ConfigWarning::deprecated(
                "The version_path_separator configuration parameter is deprecated; please use \
                 path_separator",
            ));
        }
        Ok(Some(sep))
    }

    /// `Config.get_version_locations_list`.
    pub fn version_locations_list(
        &self,
        warnings: &mut Vec<ConfigWarning>,
    ) -> Result<Option<Vec<String>>, ConfigError> {
        let raw = self
            .file_config
            .get(&self.sources.ini_section, "version_locations")?;
        match raw.filter(|s| !s.is_empty()) {
            Some(value) => {
                match self
                    .file_separator(&["path_separator", "version_path_separator"], warnings)?
                {
                    Some(sep) => Ok(Some(split_on(&value, sep))),
                    None => {
                        warnings.push(ConfigWarning::deprecated(
                            "No path_separator found in configuration; falling back to legacy \
                             splitting on spaces/commas for version_locations.  Consider adding \
                             path_separator=os to Alembic config.",
                        ));
                        Ok(Some(legacy_split(&value, false)))
                    }
                }
            }
            None => self
                .get_toml_config_value("version_locations")?
                .map(python_list_of_str)
                .transpose(),
        }
    }

    /// `Config.get_prepend_sys_paths_list`.
    pub fn prepend_sys_paths_list(
        &self,
        warnings: &mut Vec<ConfigWarning>,
    ) -> Result<Option<Vec<String>>, ConfigError> {
        let raw = self
            .file_config
            .get(&self.sources.ini_section, "prepend_sys_path")?;
        match raw.filter(|s| !s.is_empty()) {
            Some(value) => match self.file_separator(&["path_separator"], warnings)? {
                Some(sep) => Ok(Some(split_on(&value, sep))),
                None => {
                    warnings.push(ConfigWarning::deprecated(
                        "No path_separator found in configuration; falling back to legacy \
                         splitting on spaces, commas, and colons for prepend_sys_path.  Consider \
                         adding path_separator=os to Alembic config.",
                    ));
                    Ok(Some(legacy_split(&value, true)))
                }
            },
            None => self
                .get_toml_config_value("prepend_sys_path")?
                .map(python_list_of_str)
                .transpose(),
        }
    }

    /// `Config.get_hooks_list`: one ordered mapping per hook, `_hook_name` last.
    pub fn hooks_list(&self) -> Result<Vec<IndexMap<String, String>>, ConfigError> {
        let mut hooks = Vec::new();
        if !self.file_config.has_section("post_write_hooks") {
            let value = self
                .get_toml_config_value("post_write_hooks")?
                .unwrap_or(ConfigValue::List(Vec::new()));
            let items = match value {
                ConfigValue::List(items) => items,
                other => {
                    return Err(ConfigError::Unsupported(format!(
                        "post_write_hooks in pyproject.toml is a {}, not a list of tables",
                        other.python_type()
                    )));
                }
            };
            for cfg in items {
                let ConfigValue::Dict(cfg) = cfg else {
                    return Err(ConfigError::Unsupported(
                        "post_write_hooks in pyproject.toml is not a list of tables".to_owned(),
                    ));
                };
                // `substitute` has %-formatted every value, so each one is a string.
                let mut opts: IndexMap<String, String> = cfg
                    .into_iter()
                    .filter_map(|(k, v)| match v {
                        ConfigValue::Str(s) => Some((k, s)),
                        _ => None,
                    })
                    .collect();
                let name = opts
                    .shift_remove("name")
                    .ok_or_else(|| ConfigError::Python {
                        kind: "KeyError",
                        message: "'name'".to_owned(),
                    })?;
                opts.insert("_hook_name".to_owned(), name);
                hooks.push(opts);
            }
            return Ok(hooks);
        }
        let section = self.get_section("post_write_hooks")?.unwrap_or_default();
        let names = section.get("hooks").map(String::as_str).unwrap_or("");
        for name in legacy_split(names, false) {
            if name.is_empty() {
                continue;
            }
            let prefix = format!("{name}.");
            let mut opts: IndexMap<String, String> = section
                .iter()
                .filter_map(|(k, v)| {
                    k.strip_prefix(&prefix)
                        .map(|rest| (rest.to_owned(), v.clone()))
                })
                .collect();
            opts.insert("_hook_name".to_owned(), name);
            hooks.push(opts);
        }
        Ok(hooks)
    }

    /// `ScriptDirectory.from_config(config)` up to (and including) the existence check of the
    /// script directory, evaluating options, warnings and errors in Alembic's order.
    pub fn script_options(&self) -> Result<ScriptOptions, ConfigError> {
        let mut warnings = Vec::new();
        let Some(script_location) = self.get_alembic_option("script_location")? else {
            return Err(ConfigError::Command(
                "No 'script_location' key found in configuration.".to_owned(),
            ));
        };
        let truncate_slug_length = match self.get_alembic_option("truncate_slug_length")? {
            None => None,
            Some(ConfigValue::Str(s)) => Some(py_int(&s)?),
            Some(ConfigValue::Int(i)) => Some(i),
            Some(ConfigValue::Bool(b)) => Some(i64::from(b)),
            Some(other) => {
                return Err(ConfigError::Python {
                    kind: "TypeError",
                    message: format!(
                        "int() argument must be a string, a bytes-like object or a real number, \
                         not '{}'",
                        other.python_type()
                    ),
                });
            }
        };
        let prepend_sys_path = self.prepend_sys_paths_list(&mut warnings)?;
        let recursive_version_locations =
            self.get_alembic_boolean_option("recursive_version_locations")?;
        let script_location = match script_location {
            ConfigValue::Str(s) => ScriptLocation::new(&s, &self.sources.cwd),
            other => return Err(type_error_path(&other)),
        };
        let file_template = self
            .string_option("file_template")?
            .unwrap_or_else(|| DEFAULT_FILE_TEMPLATE.to_owned());
        let sourceless = self.get_alembic_boolean_option("sourceless")?;
        let output_encoding = self
            .string_option("output_encoding")?
            .unwrap_or_else(|| "utf-8".to_owned());
        let version_locations = self.version_locations_list(&mut warnings)?;
        let timezone = self.string_option("timezone")?;
        let hooks = self.hooks_list()?;
        if let ScriptLocation::Path { path, absolute } = &script_location {
            // `os.access(dir, os.F_OK)` follows symlinks, like `Path::exists`.
            if !absolute.exists() {
                return Err(ConfigError::Command(format!(
                    "Path doesn't exist: {}.  Please use the 'init' command to create a new \
                     scripts folder.",
                    path.display()
                )));
            }
        }
        let revision_environment = self.get_alembic_option("revision_environment")?;
        Ok(ScriptOptions {
            script_location,
            version_locations,
            prepend_sys_path,
            file_template,
            // `ScriptDirectory.__init__`: `truncate_slug_length or 40`.
            truncate_slug_length: truncate_slug_length.filter(|&n| n != 0).unwrap_or(40),
            sourceless,
            recursive_version_locations,
            output_encoding,
            timezone,
            revision_environment,
            hooks,
            warnings,
        })
    }

    /// An option Alembic uses as a string; other TOML shapes are refused here (Alembic would
    /// carry them along and fail only where it uses the value).
    fn string_option(&self, name: &str) -> Result<Option<String>, ConfigError> {
        match self.get_alembic_option(name)? {
            None => Ok(None),
            Some(ConfigValue::Str(s)) => Ok(Some(s)),
            Some(other) => Err(ConfigError::Unsupported(format!(
                "{name} is a TOML {}, not a string",
                other.python_type()
            ))),
        }
    }
}

fn type_error_path(value: &ConfigValue) -> ConfigError {
    ConfigError::Python {
        kind: "TypeError",
        message: format!(
            "expected str, bytes or os.PathLike object, not {}",
            value.python_type()
        ),
    }
}

/// What Alembic's `[p for p in value]` yields for a TOML value: a list's strings, a string's
/// characters, a table's keys.
fn python_list_of_str(value: ConfigValue) -> Result<Vec<String>, ConfigError> {
    match value {
        ConfigValue::List(items) => items
            .into_iter()
            .map(|v| match v {
                ConfigValue::Str(s) => Ok(s),
                other => Err(ConfigError::Unsupported(format!(
                    "a path list holding a TOML {}",
                    other.python_type()
                ))),
            })
            .collect(),
        ConfigValue::Str(s) => Ok(s.chars().map(String::from).collect()),
        ConfigValue::Dict(d) => Ok(d.into_keys().collect()),
        other => Err(ConfigError::Python {
            kind: "TypeError",
            message: format!("'{}' object is not iterable", other.python_type()),
        }),
    }
}

#[cfg(unix)]
const OS_PATHSEP: &str = ":";
#[cfg(not(unix))]
const OS_PATHSEP: &str = ";";

/// `[x.strip() for x in value.split(sep) if x]`.
fn split_on(value: &str, sep: &str) -> Vec<String> {
    value
        .split(sep)
        .filter(|x| !x.is_empty())
        .map(|x| pyfmt::py_strip(x).to_owned())
        .collect()
}

/// `re.split(r", *|(?: +)", value)` (with `|\:` added for prepend_sys_path).
fn legacy_split(value: &str, colon: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ',' => {
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
            ' ' => {
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
            ':' if colon => {}
            c => {
                current.push(c);
                continue;
            }
        }
        out.push(std::mem::take(&mut current));
    }
    out.push(current);
    out
}

pub const DEFAULT_FILE_TEMPLATE: &str = "%(rev)s_%(slug)s";

/// `script_location` after `util.coerce_resource_to_filename`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScriptLocation {
    /// A filesystem path: `path` as Alembic's `ScriptDirectory.dir` shows it (pathlib
    /// normalised, relative if written relative), `absolute` resolved against the CWD.
    Path { path: PathBuf, absolute: PathBuf },
    /// `package:dir`: locating it needs Python (`importlib.resources.files(package)` imports
    /// the package, with `prepend_sys_path` on `sys.path`), so it is left to the Python layer.
    Package {
        spec: String,
        package: String,
        parts: Vec<String>,
    },
}

impl ScriptLocation {
    fn new(value: &str, cwd: &Path) -> Self {
        if !value.starts_with('/') && value.contains(':') {
            let mut tokens = value.split(':').map(str::to_owned);
            let package = tokens.next().unwrap_or_default();
            return ScriptLocation::Package {
                spec: value.to_owned(),
                package,
                parts: tokens.collect(),
            };
        }
        let path = PathBuf::from(pathlib_normalize(value));
        let absolute = pathlib_absolute(&path, cwd);
        ScriptLocation::Path { path, absolute }
    }
}

/// What `ScriptDirectory.from_config` hands to `ScriptDirectory(...)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScriptOptions {
    pub script_location: ScriptLocation,
    /// `Config.get_version_locations_list()` as returned (`None`: use `<dir>/versions`).
    pub version_locations: Option<Vec<String>>,
    /// `Config.get_prepend_sys_paths_list()` (Alembic inserts it at the front of `sys.path`).
    pub prepend_sys_path: Option<Vec<String>>,
    pub file_template: String,
    /// Effective value (`int(...)`, then `or 40`).
    pub truncate_slug_length: i64,
    pub sourceless: bool,
    pub recursive_version_locations: bool,
    pub output_encoding: String,
    pub timezone: Option<String>,
    /// Raw; commands apply `util.asbool` (see [`ScriptOptions::revision_environment_enabled`]).
    pub revision_environment: Option<ConfigValue>,
    /// `Config.get_hooks_list()`.
    pub hooks: Vec<IndexMap<String, String>>,
    /// Warnings Alembic emits while resolving these options, in order.
    pub warnings: Vec<ConfigWarning>,
}

impl ScriptOptions {
    /// `ScriptDirectory._version_locations`: absolute (not resolved) paths, in order.
    /// `Err` names a `package:resource` location, which needs Python to locate.
    pub fn version_location_paths(&self, cwd: &Path) -> Result<Vec<PathBuf>, String> {
        match &self.version_locations {
            Some(locations) if !locations.is_empty() => locations
                .iter()
                .map(|loc| {
                    if !loc.starts_with('/') && loc.contains(':') {
                        Err(loc.clone())
                    } else {
                        Ok(pathlib_absolute(Path::new(loc), cwd))
                    }
                })
                .collect(),
            _ => match &self.script_location {
                ScriptLocation::Path { absolute, .. } => Ok(vec![absolute.join("versions")]),
                ScriptLocation::Package { spec, .. } => Err(spec.clone()),
            },
        }
    }

    /// `util.asbool(config.get_alembic_option("revision_environment"))`.
    pub fn revision_environment_enabled(&self) -> Result<bool, ConfigError> {
        match &self.revision_environment {
            None => Ok(false),
            Some(ConfigValue::Str(s)) => pyfmt::py_asbool(s),
            Some(ConfigValue::Bool(b)) => Ok(*b),
            Some(ConfigValue::Int(i)) => Ok(*i != 0),
            Some(ConfigValue::Float(f)) => Ok(*f != 0.0),
            Some(ConfigValue::List(v)) => Ok(!v.is_empty()),
            Some(ConfigValue::Dict(d)) => Ok(!d.is_empty()),
            Some(ConfigValue::Datetime(_)) => Ok(true),
        }
    }
}
