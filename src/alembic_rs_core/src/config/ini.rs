//! An `alembic.ini` read the way Python's `configparser.ConfigParser` (the default options
//! Alembic uses) reads it, with `BasicInterpolation` applied on lookup.
//!
//! Reproduced: `=`/`:` delimiters, `#`/`;` full-line comments (no inline comments), values
//! continued on lines indented deeper than the option line, blank lines kept inside values,
//! lower-cased option names, case-sensitive section names, the `DEFAULT` section, strict
//! duplicate detection, and configparser's error messages.

use std::path::Path;

use indexmap::IndexMap;

use super::ConfigError;
use super::pyfmt::{pathlib_repr, py_isspace, py_repr, py_rstrip, py_strip};

const DEFAULT_SECTION: &str = "DEFAULT";
const MAX_INTERPOLATION_DEPTH: usize = 10;

/// A parsed configuration file plus the defaults passed to `ConfigParser(defaults)`.
#[derive(Clone, Debug, Default)]
pub struct IniFile {
    defaults: IndexMap<String, String>,
    sections: IndexMap<String, IndexMap<String, String>>,
}

impl IniFile {
    /// A parser holding only `defaults` (keys lower-cased like `optionxform`).
    pub fn with_defaults<'a>(defaults: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        IniFile {
            defaults: defaults
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v.to_owned()))
                .collect(),
            sections: IndexMap::new(),
        }
    }

    /// `ConfigParser.read([path], encoding="locale")` under a UTF-8 locale: a file that
    /// cannot be opened is skipped silently (returns `Ok(false)`).
    pub fn read_file(&mut self, path: &Path) -> Result<bool, ConfigError> {
        self.read_file_as(path, path)
    }

    /// Like [`IniFile::read_file`], naming the file as `shown` (the path as the user wrote
    /// it, which is what configparser's messages show) while opening `path`.
    pub fn read_file_as(&mut self, path: &Path, shown: &Path) -> Result<bool, ConfigError> {
        let Ok(bytes) = std::fs::read(path) else {
            return Ok(false);
        };
        let text = decode_utf8(&bytes).map_err(|message| ConfigError::Ini {
            kind: "UnicodeDecodeError",
            path: shown.to_path_buf(),
            line: None,
            message,
        })?;
        let source_repr = pathlib_repr(&shown.to_string_lossy());
        self.read_str(&text, &source_repr)
            .map_err(|(kind, line, message)| ConfigError::Ini {
                kind,
                path: shown.to_path_buf(),
                line,
                message,
            })?;
        Ok(true)
    }

    /// `ConfigParser.read_string`-like entry; `source_repr` is what error messages show.
    pub(crate) fn read_str(
        &mut self,
        text: &str,
        source_repr: &str,
    ) -> Result<(), (&'static str, Option<usize>, String)> {
        // Raw values are collected as line lists and joined at the end, like `_read`.
        let mut pending: Vec<(Option<usize>, String, Vec<String>)> = Vec::new();
        let mut cursect: Option<Option<usize>> = None; // Some(None) = DEFAULT
        let mut sectname = String::new();
        let mut optname: Option<String> = None;
        let mut cur_opt: Option<usize> = None; // index into `pending`
        let mut indent_level = 0usize;
        let mut elements_added: std::collections::HashSet<(String, Option<String>)> =
            std::collections::HashSet::new();
        let mut section_index: IndexMap<String, usize> = self
            .sections
            .keys()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        let mut parse_errors: Vec<(usize, String)> = Vec::new();

        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for (lineno, line) in text.split_inclusive('\n').enumerate() {
            let lineno = lineno + 1;
            let stripped = py_strip(line);
            let is_comment = stripped.starts_with('#') || stripped.starts_with(';');
            let value = if is_comment { "" } else { stripped };
            if value.is_empty() {
                let open_value =
                    cursect.is_some() && optname.as_deref().is_some_and(|o| !o.is_empty());
                if let (false, true, Some(i)) = (is_comment, open_value, cur_opt) {
                    pending[i].2.push(String::new());
                }
                continue;
            }
            let cur_indent = line.chars().position(|c| !py_isspace(c)).unwrap_or(0);
            if cursect.is_some()
                && optname.as_deref().is_some_and(|o| !o.is_empty())
                && cur_indent > indent_level
            {
                if let Some(i) = cur_opt {
                    pending[i].2.push(value.to_owned());
                }
                continue;
            }
            indent_level = cur_indent;
            if let Some(header) = section_header(value) {
                sectname = header.to_owned();
                if let Some(&idx) = section_index.get(header) {
                    if elements_added.contains(&(sectname.clone(), None)) {
                        return Err((
                            "DuplicateSectionError",
                            Some(lineno),
                            format!(
                                "While reading from {source_repr} [line {lineno:2}]: section {} \
                                 already exists",
                                py_repr(header)
                            ),
                        ));
                    }
                    cursect = Some(Some(idx));
                    elements_added.insert((sectname.clone(), None));
                } else if header == DEFAULT_SECTION {
                    cursect = Some(None);
                } else {
                    let idx = self.sections.len();
                    self.sections.insert(sectname.clone(), IndexMap::new());
                    section_index.insert(sectname.clone(), idx);
                    cursect = Some(Some(idx));
                    elements_added.insert((sectname.clone(), None));
                }
                optname = None;
                cur_opt = None;
                continue;
            }
            let Some(section) = cursect else {
                return Err((
                    "MissingSectionHeaderError",
                    Some(lineno),
                    format!(
                        "File contains no section headers.\nfile: {source_repr}, line: {lineno}\n{}",
                        py_repr(line)
                    ),
                ));
            };
            match option_line(value) {
                Some((name, val)) => {
                    if name.is_empty() {
                        parse_errors.push((lineno, py_repr(line)));
                    }
                    let name = py_rstrip(name).to_lowercase();
                    if !elements_added.insert((sectname.clone(), Some(name.clone()))) {
                        return Err((
                            "DuplicateOptionError",
                            Some(lineno),
                            format!(
                                "While reading from {source_repr} [line {lineno:2}]: option {} \
                                 in section {} already exists",
                                py_repr(&name),
                                py_repr(&sectname)
                            ),
                        ));
                    }
                    pending.push((section, name.clone(), vec![py_strip(val).to_owned()]));
                    cur_opt = Some(pending.len() - 1);
                    self.store(section, &name, String::new());
                    optname = Some(name);
                }
                None => parse_errors.push((lineno, py_repr(line))),
            }
        }

        for (section, name, lines) in pending {
            let joined = lines.join("\n");
            self.store(section, &name, py_rstrip(&joined).to_owned());
        }
        if parse_errors.is_empty() {
            return Ok(());
        }
        let mut message = format!("Source contains parsing errors: {source_repr}");
        for (lineno, line) in &parse_errors {
            message.push_str(&format!("\n\t[line {lineno:2}]: {line}"));
        }
        Err(("ParsingError", Some(parse_errors[0].0), message))
    }

    fn store(&mut self, section: Option<usize>, name: &str, value: String) {
        let map = match section {
            None => &mut self.defaults,
            Some(i) => &mut self.sections[i],
        };
        map.insert(name.to_owned(), value);
    }

    /// `ConfigParser.has_section`: `DEFAULT` is not a section.
    pub fn has_section(&self, section: &str) -> bool {
        self.sections.contains_key(section)
    }

    /// `ConfigParser.add_section` without the error cases (used for the in-memory config).
    pub(crate) fn add_section(&mut self, section: &str) {
        self.sections.entry(section.to_owned()).or_default();
    }

    /// `ConfigParser.has_option`.
    pub fn has_option(&self, section: &str, option: &str) -> bool {
        let option = option.to_lowercase();
        if section.is_empty() || section == DEFAULT_SECTION {
            return self.defaults.contains_key(&option);
        }
        match self.sections.get(section) {
            None => false,
            Some(s) => s.contains_key(&option) || self.defaults.contains_key(&option),
        }
    }

    fn raw(&self, section: &str, option: &str) -> Option<&str> {
        self.sections
            .get(section)
            .and_then(|s| s.get(option))
            .or_else(|| self.defaults.get(option))
            .map(String::as_str)
    }

    /// A section's own options and their raw (uninterpolated) values, in file order;
    /// `None` for a missing section. `logging.config.fileConfig` reads the file this way.
    pub fn section_raw(&self, section: &str) -> Option<&IndexMap<String, String>> {
        self.sections.get(section)
    }

    /// `ConfigParser.get(section, option, fallback=None)`, interpolated. A missing section
    /// or option gives `Ok(None)`.
    pub fn get(&self, section: &str, option: &str) -> Result<Option<String>, ConfigError> {
        if section != DEFAULT_SECTION && !self.sections.contains_key(section) {
            return Ok(None);
        }
        let option = option.to_lowercase();
        match self.raw(section, &option) {
            None => Ok(None),
            Some(value) => self.interpolate(section, &option, value).map(Some),
        }
    }

    /// `ConfigParser.items(section)` (defaults first, then the section's own keys),
    /// interpolated; `None` for a missing section.
    pub fn items(&self, section: &str) -> Result<Option<IndexMap<String, String>>, ConfigError> {
        let own = match self.sections.get(section) {
            Some(own) => Some(own),
            None if section == DEFAULT_SECTION => None,
            None => return Ok(None),
        };
        let mut keys: Vec<&String> = self.defaults.keys().collect();
        if let Some(own) = own {
            keys.extend(own.keys().filter(|k| !self.defaults.contains_key(*k)));
        }
        let mut out = IndexMap::with_capacity(keys.len());
        for key in keys {
            let value = self.raw(section, key).unwrap_or_default();
            out.insert(key.clone(), self.interpolate(section, key, value)?);
        }
        Ok(Some(out))
    }

    /// `BasicInterpolation.before_get`.
    fn interpolate(&self, section: &str, option: &str, value: &str) -> Result<String, ConfigError> {
        let mut out = String::with_capacity(value.len());
        self.interpolate_some(section, option, &mut out, value, 1)?;
        Ok(out)
    }

    fn interpolate_some(
        &self,
        section: &str,
        option: &str,
        accum: &mut String,
        mut rest: &str,
        depth: usize,
    ) -> Result<(), ConfigError> {
        let rawval = || self.raw(section, option).unwrap_or(rest).to_owned();
        let error = |kind: &'static str, message: String| ConfigError::Python { kind, message };
        if depth > MAX_INTERPOLATION_DEPTH {
            return Err(error(
                "InterpolationDepthError",
                format!(
                    "Recursion limit exceeded in value substitution: option {} in section {} \
                     contains an interpolation key which cannot be substituted in {} steps. \
                     Raw value: {}",
                    py_repr(option),
                    py_repr(section),
                    MAX_INTERPOLATION_DEPTH,
                    py_repr(&rawval())
                ),
            ));
        }
        while !rest.is_empty() {
            let Some(p) = rest.find('%') else {
                accum.push_str(rest);
                return Ok(());
            };
            accum.push_str(&rest[..p]);
            rest = &rest[p..];
            match rest.as_bytes().get(1) {
                Some(b'%') => {
                    accum.push('%');
                    rest = &rest[2..];
                }
                Some(b'(') => {
                    let Some((name, consumed)) = interpolation_key(rest) else {
                        return Err(error(
                            "InterpolationSyntaxError",
                            format!("bad interpolation variable reference {}", py_repr(rest)),
                        ));
                    };
                    let var = name.to_lowercase();
                    rest = &rest[consumed..];
                    let Some(v) = self.raw(section, &var) else {
                        return Err(error(
                            "InterpolationMissingOptionError",
                            format!(
                                "Bad value substitution: option {} in section {} contains an \
                                 interpolation key {} which is not a valid option name. Raw \
                                 value: {}",
                                py_repr(option),
                                py_repr(section),
                                py_repr(&var),
                                py_repr(&rawval())
                            ),
                        ));
                    };
                    if v.contains('%') {
                        self.interpolate_some(section, option, accum, v, depth + 1)?;
                    } else {
                        accum.push_str(v);
                    }
                }
                _ => {
                    return Err(error(
                        "InterpolationSyntaxError",
                        format!(
                            "'%' must be followed by '%' or '(', found: {}",
                            py_repr(rest)
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// `_KEYCRE.match(rest)` (`%\(([^)]+)\)s`): the key and the length of the match.
fn interpolation_key(rest: &str) -> Option<(&str, usize)> {
    let inner = rest.strip_prefix("%(")?;
    let close = inner.find(')')?;
    if close == 0 || !inner[close + 1..].starts_with('s') {
        return None;
    }
    Some((&inner[..close], 2 + close + 2))
}

/// `SECTCRE.match(value)`: `\[(?P<header>.+)\]`, greedy, not anchored at the end.
fn section_header(value: &str) -> Option<&str> {
    let inner = value.strip_prefix('[')?;
    let close = inner.rfind(']')?;
    (close > 0).then(|| &inner[..close])
}

/// `OPTCRE.match(value)`: the name before the first `=`/`:` and the raw value after it.
fn option_line(value: &str) -> Option<(&str, &str)> {
    let delim = value.find(['=', ':'])?;
    let name = value[..delim].trim_end_matches(py_isspace);
    let val = value[delim + 1..].trim_start_matches(py_isspace);
    Some((name, val))
}

/// Strict UTF-8 with CPython's `UnicodeDecodeError` wording.
fn decode_utf8(bytes: &[u8]) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let byte = bytes[at];
            Err(match e.error_len() {
                None if bytes.len() - at > 1 => format!(
                    "'utf-8' codec can't decode bytes in position {}-{}: unexpected end of data",
                    at,
                    bytes.len() - 1
                ),
                None => format!(
                    "'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: unexpected \
                     end of data"
                ),
                Some(_) if (0xc2..=0xf4).contains(&byte) => format!(
                    "'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: invalid \
                     continuation byte"
                ),
                Some(_) => format!(
                    "'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: invalid \
                     start byte"
                ),
            })
        }
    }
}
