//! A call's arguments bound to a constructor's signature, read as values.

use indexmap::IndexMap;
use ruff_python_ast::{Expr, ExprCall};

use crate::eval::scope::Scope;
use crate::eval::value::{Val, Verdict, as_str, object_name, strings};
use crate::ops::{ObjectName, SqlType};

/// A call's arguments matched against a signature, like Python's binding.
pub(crate) struct Args<'a> {
    what: String,
    named: IndexMap<&'static str, &'a Expr>,
    /// `*args` beyond the named positional parameters.
    pub(crate) rest: Vec<&'a Expr>,
}

impl<'a> Args<'a> {
    /// Binds `call` to `positional` parameters (then `*args` if `varargs`) and keyword-only
    /// parameters `keyword_only`. A keyword not listed, `*x` / `**x`, too many positional
    /// arguments or a parameter given twice is a dynamic reason.
    pub(crate) fn bind(
        call: &'a ExprCall,
        what: &str,
        positional: &[&'static str],
        varargs: bool,
        keyword_only: &[&'static str],
    ) -> Verdict<Self> {
        let mut args = Args {
            what: what.to_owned(),
            named: IndexMap::new(),
            rest: Vec::new(),
        };
        for (i, arg) in call.arguments.args.iter().enumerate() {
            if matches!(arg, Expr::Starred(_)) {
                return Err(format!("{what}: a `*` argument"));
            }
            match positional.get(i) {
                Some(name) => {
                    args.named.insert(name, arg);
                }
                None if varargs => args.rest.push(arg),
                None => return Err(format!("{what}: too many positional arguments")),
            }
        }
        for kw in &call.arguments.keywords {
            let Some(arg) = &kw.arg else {
                return Err(format!("{what}: a `**` argument"));
            };
            let Some(name) = positional
                .iter()
                .chain(keyword_only)
                .find(|n| **n == arg.as_str())
            else {
                return Err(format!("{what}: the keyword `{arg}` is not followed"));
            };
            if args.named.insert(name, &kw.value).is_some() {
                return Err(format!("{what}: `{arg}` given twice"));
            }
        }
        Ok(args)
    }

    pub(crate) fn get(&self, name: &str) -> Option<&'a Expr> {
        self.named.get(name).copied()
    }

    /// The value of a parameter, `None` when not given.
    pub(crate) fn value(&self, scope: &Scope, name: &str) -> Verdict<Option<Val>> {
        self.get(name).map(|e| scope.value(e)).transpose()
    }

    pub(crate) fn required(&self, scope: &Scope, name: &str) -> Verdict<Val> {
        self.value(scope, name)?
            .ok_or_else(|| format!("{}: missing `{name}`", self.what))
    }

    pub(crate) fn string(&self, scope: &Scope, name: &str) -> Verdict<String> {
        let what = format!("{} `{name}`", self.what);
        as_str(self.required(scope, name)?, &what)
    }

    /// A `str` or `None` (or absent).
    pub(crate) fn opt_string(&self, scope: &Scope, name: &str) -> Verdict<Option<String>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(v) => as_str(v, &format!("{} `{name}`", self.what)).map(Some),
        }
    }

    /// A `bool` or `None` (or absent).
    pub(crate) fn opt_bool(&self, scope: &Scope, name: &str) -> Verdict<Option<bool>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(Val::Bool(b)) => Ok(Some(b)),
            Some(_) => Err(format!("{}: `{name}` is not a bool", self.what)),
        }
    }

    /// A `bool` (absent: `default`).
    pub(crate) fn flag(&self, scope: &Scope, name: &str, default: bool) -> Verdict<bool> {
        match self.value(scope, name)? {
            None => Ok(default),
            Some(Val::Bool(b)) => Ok(b),
            Some(_) => Err(format!("{}: `{name}` is not a bool", self.what)),
        }
    }

    /// A non-negative `int` or `None` (or absent).
    pub(crate) fn opt_u32(&self, scope: &Scope, name: &str) -> Verdict<Option<u32>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(Val::Int(i)) => u32::try_from(i)
                .map(Some)
                .map_err(|_| format!("{}: `{name}` out of range", self.what)),
            Some(_) => Err(format!("{}: `{name}` is not an int", self.what)),
        }
    }

    /// A constraint / index name: `str`, `op.f(...)` or `None` (or absent).
    pub(crate) fn name(&self, scope: &Scope, name: &str) -> Verdict<Option<ObjectName>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(v) => object_name(v, &self.what).map(Some),
        }
    }

    /// A list or tuple of `str`.
    pub(crate) fn strings(&self, scope: &Scope, name: &str) -> Verdict<Vec<String>> {
        let what = format!("{} `{name}`", self.what);
        strings(self.required(scope, name)?, &what)
    }

    /// A list or tuple of `str`, or absent / `None` (empty).
    pub(crate) fn opt_strings(&self, scope: &Scope, name: &str) -> Verdict<Vec<String>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(Vec::new()),
            Some(v) => strings(v, &format!("{} `{name}`", self.what)),
        }
    }

    /// `str` or `sa.text(...)`: SQL text.
    pub(crate) fn sql_text(&self, scope: &Scope, name: &str) -> Verdict<String> {
        match self.required(scope, name)? {
            Val::Str(s) | Val::Text(s) => Ok(s),
            _ => Err(format!("{}: `{name}` is not a str or sa.text()", self.what)),
        }
    }

    /// A type (instance or class) or absent.
    pub(crate) fn opt_type(&self, scope: &Scope, name: &str) -> Verdict<Option<SqlType>> {
        match self.value(scope, name)? {
            None => Ok(None),
            Some(Val::Type(t)) => Ok(Some(t)),
            Some(_) => Err(format!("{}: `{name}` is not a type", self.what)),
        }
    }
}
