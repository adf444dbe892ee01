//! One version file's source -> [`ScriptHeader`], without importing it.
//!
//! Every use of `ruff_python_parser` / `ruff_python_ast` lives in this module so the parser can
//! be swapped without touching the rest of the crate.
//!
//! The rule throughout is conservatism: a header is returned only when the values Python would
//! hold after importing the module follow from literals alone. Anything else (a call, a name
//! bound by an import, an assignment under `if`/`try`, dynamic namespace access, an encoding
//! we do not decode) yields [`ParsedFile::NeedsImport`] so the Python layer imports the module
//! and reproduces Alembic exactly, including its errors.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use serde::{Deserialize, Serialize};

use super::{RevRef, ScriptHeader};

/// What reading a version file's source tells us.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParsedFile {
    /// Every value Alembic reads from the module is known.
    Header(ScriptHeader),
    /// The module binds no `revision`; everything else is known and `revision` is empty.
    /// Alembic then takes the revision from a legacy file name (`<hex>.py`) or raises.
    NoRevision(ScriptHeader),
    /// Only importing the module gives Alembic's answer; the reason is for diagnostics.
    NeedsImport(String),
}

/// A syntax error, located like Python's `SyntaxError` (1-based line, 1-based character column).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: SyntaxError: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Parses decoded source text (no BOM, no encoding cookie handling: see [`parse_bytes`]).
pub fn parse_header(path: &Path, source: &str) -> Result<ParsedFile, ParseError> {
    // Python reads source with universal newlines; a CR inside a triple-quoted docstring must
    // come out as "\n" exactly like `module.__doc__`.
    let source = normalize_newlines(source);
    let parsed = match ruff_python_parser::parse_module(&source) {
        Ok(parsed) => parsed,
        Err(err) => return Err(syntax_error(path, &source, err)),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy());
    let legacy_name = file_name.is_some_and(|n| legacy_revision(&n).is_some());
    Ok(Reader::new(&source, parsed.tokens(), legacy_name).read(&parsed.syntax().body))
}

/// `_legacy_rev.match(filename)`: `([a-f0-9]+)\.py$`.
pub(crate) fn legacy_revision(filename: &str) -> Option<&str> {
    let name = filename.strip_suffix('\n').unwrap_or(filename);
    let stem = name.strip_suffix(".py")?;
    (!stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    .then_some(stem)
}

/// Decodes a file's bytes the way CPython's tokenizer does for an import, then parses them.
///
/// UTF-8 (optionally with a BOM) and latin-1 coding cookies are decoded here; any other
/// declared encoding, undecodable bytes or NUL bytes give `NeedsImport` so that Python
/// produces its own result or error.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<ParsedFile, ParseError> {
    match decode_source(bytes) {
        Ok(source) => parse_header(path, &source),
        Err(reason) => Ok(ParsedFile::NeedsImport(reason)),
    }
}

/// The docstring cleaning CPython 3.13+ applies at compile time (`_PyCompile_CleanDoc`):
/// tabs expanded, leading spaces of the first line dropped, the common indentation of the
/// following non-blank lines removed. [`ScriptHeader::doc`] holds the value of Python <= 3.12;
/// a caller running (or emulating) Python >= 3.13 applies this to it.
pub fn clean_doc_py313(doc: &str) -> String {
    let doc = expand_tabs(doc);
    let mut lines = doc.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let rest: Vec<&str> = lines.collect();
    let margin = rest
        .iter()
        .filter_map(|line| {
            let indent = line.bytes().take_while(|&b| b == b' ').count();
            let body = &line[indent..];
            (!body.is_empty() && !body.starts_with('\n')).then_some(indent)
        })
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(doc.len());
    out.push_str(first.trim_start_matches(' '));
    for line in rest {
        let strip = line.bytes().take(margin).take_while(|&b| b == b' ').count();
        out.push_str(&line[strip..]);
    }
    out
}

/// `str.expandtabs()` with its default tab size of 8 (columns reset at "\n" and "\r").
fn expand_tabs(s: &str) -> Cow<'_, str> {
    if !s.contains('\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut column = 0usize;
    for ch in s.chars() {
        match ch {
            '\t' => {
                let n = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\n' | '\r' => {
                out.push(ch);
                column = 0;
            }
            _ => {
                out.push(ch);
                column += 1;
            }
        }
    }
    Cow::Owned(out)
}

fn normalize_newlines(source: &str) -> Cow<'_, str> {
    if !source.contains('\r') {
        return Cow::Borrowed(source);
    }
    Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
}

fn syntax_error(path: &Path, source: &str, err: ruff_python_parser::ParseError) -> ParseError {
    let mut offset = usize::from(err.location.start());
    let mut message = err.error.to_string();
    // CPython tokenizes the whole file after a parse error, and a bracket error its tokenizer
    // finds replaces the parser's message: an unclosed `(` is reported where it was opened
    // ("'(' was never closed"), not on the later line where parsing failed.
    let lexical = matches!(err.error, ruff_python_parser::ParseErrorType::Lexical(_));
    if let Some((at, text)) = bracket_error(source)
        && !(lexical && offset < at)
    {
        (offset, message) = (at, text);
    }
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    ParseError {
        path: path.to_path_buf(),
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message,
    }
}

/// The first bracket error of CPython's tokenizer (3.11 messages): a closing bracket that
/// matches nothing or the wrong opener, else the innermost bracket left open at the end.
fn bracket_error(source: &str) -> Option<(usize, String)> {
    let parsed = ruff_python_parser::parse_unchecked_source(source, Default::default());
    let line_of = |at: usize| source[..at].matches('\n').count() + 1;
    let mut open: Vec<(char, usize)> = Vec::new();
    // Python 3.11 reads an f-string as one token: braces inside it are not brackets.
    let mut in_fstring = 0usize;
    for token in parsed.tokens().iter() {
        let at = usize::from(token.start());
        let closer = match token.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => {
                in_fstring += 1;
                continue;
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                in_fstring = in_fstring.saturating_sub(1);
                continue;
            }
            _ if in_fstring > 0 => continue,
            TokenKind::Lpar => {
                open.push(('(', at));
                continue;
            }
            TokenKind::Lsqb => {
                open.push(('[', at));
                continue;
            }
            TokenKind::Lbrace => {
                open.push(('{', at));
                continue;
            }
            TokenKind::Rpar => ')',
            TokenKind::Rsqb => ']',
            TokenKind::Rbrace => '}',
            _ => continue,
        };
        let Some((opener, opened_at)) = open.pop() else {
            return Some((at, format!("unmatched '{closer}'")));
        };
        if !matches!((opener, closer), ('(', ')') | ('[', ']') | ('{', '}')) {
            let mut text = format!(
                "closing parenthesis '{closer}' does not match opening parenthesis '{opener}'"
            );
            if line_of(opened_at) != line_of(at) {
                text.push_str(&format!(" on line {}", line_of(opened_at)));
            }
            return Some((at, text));
        }
    }
    open.pop()
        .map(|(opener, at)| (at, format!("'{opener}' was never closed")))
}

// ---------------------------------------------------------------------------------------------
// Source decoding (CPython's tokenizer: BOM, `coding` cookie on line 1 or 2).

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Returns the decoded source, or why Python must decode it.
pub(crate) fn decode_source(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if bytes.contains(&0) {
        return Err("source contains NUL bytes".to_owned());
    }
    let (has_bom, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let encoding = match coding_cookie(body) {
        None => Encoding::Utf8,
        Some(name) => match normal_encoding_name(&name) {
            // With a BOM, CPython accepts only a cookie that normalises to exactly "utf-8".
            Some(Encoding::Utf8) if has_bom && name_is_normal_utf8(&name) => Encoding::Utf8,
            Some(enc) if !has_bom => enc,
            _ => {
                return Err(format!(
                    "source declares encoding {name:?}, which only Python decodes"
                ));
            }
        },
    };
    match encoding {
        Encoding::Utf8 => std::str::from_utf8(body)
            .map(Cow::Borrowed)
            .map_err(|e| format!("source is not valid UTF-8 ({e})")),
        Encoding::Latin1 => Ok(Cow::Owned(body.iter().map(|&b| char::from(b)).collect())),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
}

/// CPython's `get_normal_name`, restricted to the two encodings decoded here (plus the
/// `utf8`/`latin1` spellings, which Python's codec registry maps to the same codecs).
fn normal_encoding_name(name: &str) -> Option<Encoding> {
    let buf: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        return Some(Encoding::Utf8);
    }
    let latin = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if latin
        .iter()
        .any(|l| buf == *l || buf.starts_with(&format!("{l}-")))
    {
        return Some(Encoding::Latin1);
    }
    match name.to_ascii_lowercase().as_str() {
        "utf8" => Some(Encoding::Utf8),
        "latin1" => Some(Encoding::Latin1),
        _ => None,
    }
}

fn name_is_normal_utf8(name: &str) -> bool {
    let buf: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    buf == "utf-8" || buf.starts_with("utf-8-")
}

/// The encoding named by a `coding[:=]` comment on line 1, or on line 2 when line 1 holds
/// nothing but whitespace or a comment (CPython's `check_coding_spec`; each line is only
/// examined when a newline terminates it).
fn coding_cookie(body: &[u8]) -> Option<String> {
    let is_newline = |b: &u8| *b == b'\n' || *b == b'\r';
    let first_end = body.iter().position(is_newline)?;
    let first = &body[..first_end];
    if let Some(Some(name)) = cookie_in_line(first) {
        return Some(name);
    }
    let only_comment = first
        .iter()
        .take_while(|&&b| b != b'#')
        .all(|&b| matches!(b, b' ' | b'\t' | b'\x0c'));
    if !only_comment {
        return None;
    }
    let rest = match body[first_end..] {
        [b'\r', b'\n', ..] => &body[first_end + 2..],
        _ => &body[first_end + 1..],
    };
    let second_end = rest.iter().position(is_newline)?;
    cookie_in_line(&rest[..second_end]).flatten()
}

/// `None`: the line is not a comment line; `Some(None)`: a comment without a cookie.
fn cookie_in_line(line: &[u8]) -> Option<Option<String>> {
    let hash = line.iter().position(|&b| b == b'#')?;
    if !line[..hash]
        .iter()
        .all(|&b| matches!(b, b' ' | b'\t' | b'\x0c'))
    {
        return None;
    }
    let comment = &line[hash..];
    let mut i = 0;
    while let Some(pos) = find(&comment[i..], b"coding") {
        let after = i + pos + 6;
        i += pos + 1;
        if !matches!(comment.get(after), Some(b':' | b'=')) {
            continue;
        }
        let mut start = after + 1;
        while matches!(comment.get(start), Some(b' ' | b'\t')) {
            start += 1;
        }
        let len = comment[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            .count();
        if len > 0 {
            let name = String::from_utf8_lossy(&comment[start..start + len]).into_owned();
            return Some(Some(name));
        }
    }
    Some(None)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

// ---------------------------------------------------------------------------------------------
// Module-level reading.

/// Module attributes Alembic reads, plus names whose binding changes how those are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Revision,
    DownRevision,
    BranchLabels,
    DependsOn,
    Doc,
    /// Bound at all -> the module needs importing (`__getattr__` answers `hasattr`,
    /// `_alembic_source_encoding` changes `Script.longdoc`).
    Poison,
}

fn slot_of(name: &str) -> Option<Slot> {
    Some(match name {
        "revision" => Slot::Revision,
        "down_revision" => Slot::DownRevision,
        "branch_labels" => Slot::BranchLabels,
        "depends_on" => Slot::DependsOn,
        "__doc__" => Slot::Doc,
        "__getattr__" | "_alembic_source_encoding" => Slot::Poison,
        _ => return None,
    })
}

/// Identifiers through which code can rebind module globals without a visible assignment.
fn is_dynamic_namespace_name(name: &str) -> bool {
    matches!(
        name,
        "globals"
            | "locals"
            | "vars"
            | "exec"
            | "eval"
            | "setattr"
            | "delattr"
            | "modules"
            | "__dict__"
            | "__builtins__"
            | "__import__"
            | "__globals__"
            | "f_globals"
            | "f_locals"
    )
}

#[derive(Clone, Debug)]
enum Value {
    Unset,
    None,
    Str(String),
    Seq(Vec<String>),
}

type Verdict<T> = Result<T, String>;

struct Reader<'a> {
    source: &'a str,
    tokens: &'a [ruff_python_ast::token::Token],
    /// Start offsets of every identifier token naming a [`Slot`], in source order.
    tracked: Vec<(TextSize, &'a str)>,
    /// Whether the file name is a legacy `<hex>.py`, where Alembic takes the revision id from.
    legacy_name: bool,
}

impl<'a> Reader<'a> {
    fn new(
        source: &'a str,
        tokens: &'a [ruff_python_ast::token::Token],
        legacy_name: bool,
    ) -> Self {
        Reader {
            source,
            tokens,
            tracked: Vec::new(),
            legacy_name,
        }
    }

    fn read(mut self, body: &[Stmt]) -> ParsedFile {
        match self.scan_tokens().and_then(|()| self.walk(body)) {
            Ok(parsed) => parsed,
            Err(reason) => ParsedFile::NeedsImport(reason),
        }
    }

    fn text(&self, range: TextRange) -> &'a str {
        &self.source[range]
    }

    /// One pass over the token stream for what statement-level reading cannot see: dynamic
    /// namespace access, `global` declarations and walrus bindings anywhere in the file.
    fn scan_tokens(&mut self) -> Verdict<()> {
        let mut in_global = false;
        let mut prev_tracked: Option<&'a str> = None;
        for token in self.tokens {
            match token.kind() {
                TokenKind::Name => {
                    let name = self.text(token.range());
                    if is_dynamic_namespace_name(name) {
                        return Err(format!("dynamic module namespace access (`{name}`)"));
                    }
                    if slot_of(name).is_some() {
                        if in_global {
                            return Err(format!("`global {name}` in a function"));
                        }
                        self.tracked.push((token.start(), name));
                        prev_tracked = Some(name);
                        continue;
                    }
                }
                // Trivia inside brackets must not separate a name from a following `:=`.
                TokenKind::Comment | TokenKind::NonLogicalNewline => continue,
                TokenKind::Global => in_global = true,
                TokenKind::Newline => in_global = false,
                TokenKind::ColonEqual => {
                    if let Some(name) = prev_tracked {
                        return Err(format!("`{name}` bound by an assignment expression"));
                    }
                }
                _ => {}
            }
            prev_tracked = None;
        }
        Ok(())
    }

    fn tracked_in(&self, range: TextRange) -> Option<&'a str> {
        let start = self.tracked.partition_point(|(at, _)| *at < range.start());
        self.tracked
            .get(start)
            .filter(|(at, _)| *at < range.end())
            .map(|(_, name)| *name)
    }

    fn walk(&self, body: &[Stmt]) -> Verdict<ParsedFile> {
        let mut revision = Value::Unset;
        let mut down_revision = Value::Unset;
        let mut branch_labels = Value::Unset;
        let mut depends_on = Value::Unset;
        let mut doc = match body.first() {
            Some(Stmt::Expr(stmt)) => match &*stmt.value {
                Expr::StringLiteral(lit) => Value::Str(string_value(lit)?),
                _ => Value::None,
            },
            _ => Value::None,
        };

        let mut bind = |slot: Slot, value: Value| match slot {
            Slot::Revision => revision = value,
            Slot::DownRevision => down_revision = value,
            Slot::BranchLabels => branch_labels = value,
            Slot::DependsOn => depends_on = value,
            Slot::Doc => doc = value,
            Slot::Poison => {}
        };

        for stmt in body {
            match stmt {
                Stmt::Assign(assign) => {
                    for target in &assign.targets {
                        if let Some(slot) = self.target_slot(target)? {
                            bind(slot, literal(&assign.value, slot)?);
                        }
                    }
                }
                Stmt::AnnAssign(assign) => {
                    let slot = self.target_slot(&assign.target)?;
                    // An annotation without a value binds nothing at runtime.
                    if let (Some(slot), Some(value)) = (slot, &assign.value) {
                        bind(slot, literal(value, slot)?);
                    }
                }
                Stmt::AugAssign(s) => self.refuse_tracked(s.target.range(), "augmented")?,
                Stmt::Delete(s) => {
                    for target in &s.targets {
                        self.refuse_tracked(target.range(), "deleted")?;
                    }
                }
                Stmt::Import(s) => {
                    for alias in &s.names {
                        let bound = match &alias.asname {
                            Some(asname) => asname.as_str(),
                            None => alias.name.as_str().split('.').next().unwrap_or(""),
                        };
                        refuse_name(bound, "bound by an import")?;
                    }
                }
                Stmt::ImportFrom(s) => {
                    for alias in &s.names {
                        if alias.name.as_str() == "*" {
                            return Err("star import at module level".to_owned());
                        }
                        let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                        refuse_name(bound.as_str(), "bound by an import")?;
                    }
                }
                Stmt::FunctionDef(s) => refuse_name(s.name.as_str(), "bound by `def`")?,
                Stmt::ClassDef(s) => refuse_name(s.name.as_str(), "bound by `class`")?,
                Stmt::TypeAlias(s) => self.refuse_tracked(s.name.range(), "bound by `type`")?,
                Stmt::For(_)
                | Stmt::While(_)
                | Stmt::If(_)
                | Stmt::With(_)
                | Stmt::Try(_)
                | Stmt::Match(_) => {
                    if let Some(name) = self.tracked_in(stmt.range()) {
                        return Err(format!(
                            "`{name}` appears inside a module-level compound statement \
                             (conditional binding)"
                        ));
                    }
                }
                Stmt::Return(_)
                | Stmt::Break(_)
                | Stmt::Continue(_)
                | Stmt::Nonlocal(_)
                | Stmt::Raise(_)
                | Stmt::IpyEscapeCommand(_) => {
                    return Err("module-level statement that makes the import fail".to_owned());
                }
                Stmt::Expr(_) | Stmt::Pass(_) | Stmt::Assert(_) | Stmt::Global(_) => {}
            }
        }

        let header = ScriptHeader {
            revision: String::new(),
            down_revision: match down_revision {
                // `Script._from_path` looks for `revision` first: with none and no legacy
                // file name, Alembic's "Could not determine revision id" error comes before
                // `down_revision` is read (the scan raises it for `NoRevision`).
                Value::Unset if matches!(revision, Value::Unset) && !self.legacy_name => {
                    RevRef::None
                }
                Value::Unset => {
                    return Err("no module-level `down_revision` (Alembic's import raises \
                                AttributeError)"
                        .to_owned());
                }
                Value::None => RevRef::None,
                Value::Str(s) => RevRef::One(s),
                Value::Seq(mut v) => match v.len() {
                    0 => RevRef::None,
                    1 => RevRef::One(v.remove(0)),
                    _ => RevRef::Many(v),
                },
            },
            branch_labels: to_tuple(branch_labels),
            depends_on: to_tuple(depends_on),
            doc: match doc {
                Value::Unset | Value::None => None,
                Value::Str(s) => Some(s),
                Value::Seq(_) => return Err("`__doc__` is not a string".to_owned()),
            },
        };
        match revision {
            Value::Unset => Ok(ParsedFile::NoRevision(header)),
            Value::Str(revision) => Ok(ParsedFile::Header(ScriptHeader { revision, ..header })),
            Value::None | Value::Seq(_) => Err("`revision` is not a string".to_owned()),
        }
    }

    /// The slot a plain-name target assigns; an error when a tracked name is bound in a way
    /// that is not a plain assignment (unpacking, starred).
    fn target_slot(&self, target: &Expr) -> Verdict<Option<Slot>> {
        match target {
            Expr::Name(name) => match slot_of(name.id.as_str()) {
                Some(Slot::Poison) => Err(format!("`{}` is bound", name.id.as_str())),
                slot => Ok(slot),
            },
            // `x.revision = ...` / `x[revision] = ...` bind no module name, but the names
            // inside may themselves be the tracked ones: be conservative.
            other => {
                self.refuse_tracked(other.range(), "bound by unpacking")?;
                Ok(None)
            }
        }
    }

    fn refuse_tracked(&self, range: TextRange, how: &str) -> Verdict<()> {
        match self.tracked_in(range) {
            Some(name) => Err(format!("`{name}` {how}")),
            None => Ok(()),
        }
    }
}

fn refuse_name(name: &str, how: &str) -> Verdict<()> {
    match slot_of(name) {
        Some(_) => Err(format!("`{name}` {how}")),
        None => Ok(()),
    }
}

fn string_value(lit: &ruff_python_ast::ExprStringLiteral) -> Verdict<String> {
    let value = lit.value.to_str();
    // ruff replaces a lone surrogate escape ("\ud800") by U+FFFD; Python keeps the surrogate.
    if value.contains('\u{FFFD}') {
        return Err("string literal may contain a lone surrogate".to_owned());
    }
    Ok(value.to_owned())
}

/// The value of a literal Alembic can consume, or why it needs Python.
fn literal(expr: &Expr, slot: Slot) -> Verdict<Value> {
    let what = match slot {
        Slot::Revision => "revision",
        Slot::DownRevision => "down_revision",
        Slot::BranchLabels => "branch_labels",
        Slot::DependsOn => "depends_on",
        Slot::Doc => "__doc__",
        Slot::Poison => "name",
    };
    match expr {
        Expr::StringLiteral(lit) => Ok(Value::Str(string_value(lit)?)),
        Expr::NoneLiteral(_) => Ok(Value::None),
        Expr::Tuple(ruff_python_ast::ExprTuple { elts, .. })
        | Expr::List(ruff_python_ast::ExprList { elts, .. })
            if slot != Slot::Doc =>
        {
            elts.iter()
                .map(|elt| match elt {
                    Expr::StringLiteral(lit) => string_value(lit),
                    _ => Err(format!("`{what}` holds a non-literal or non-string item")),
                })
                .collect::<Verdict<Vec<_>>>()
                .map(Value::Seq)
        }
        _ => Err(format!("`{what}` is not a str/None/tuple/list literal")),
    }
}

/// `util.to_tuple(x, default=())` for the values [`literal`] admits.
fn to_tuple(value: Value) -> Vec<String> {
    match value {
        Value::Unset | Value::None => Vec::new(),
        Value::Str(s) => vec![s],
        Value::Seq(v) => v,
    }
}
