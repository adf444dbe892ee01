//! The one place core errors become Python exceptions: Alembic's own classes, defined in
//! Python (`alembic.script.revision`, `alembic.util.exc`) so `except` clauses, attributes and
//! messages are exactly Alembic's.

use alembic_rs_core::ddl::{DdlError, UnknownDialect};
use alembic_rs_core::runtime::RuntimeError;
use alembic_rs_core::script::revision::{RevArg, RevisionMapError, ScriptError};
use pyo3::exceptions::{
    PyAssertionError, PyAttributeError, PyException, PyKeyError, PyNotImplementedError,
    PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

fn class<'py>(py: Python<'py>, module: &str, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import(module)?.getattr(name)
}

fn rev_arg_to_py<'py>(py: Python<'py>, arg: &RevArg) -> PyResult<Bound<'py, PyAny>> {
    Ok(match arg {
        RevArg::None => py.None().into_bound(py),
        RevArg::Str(s) => s.into_pyobject(py)?.into_any(),
        RevArg::Tuple(v) => PyTuple::new(py, v)?.into_any(),
    })
}

/// A revision-graph error as the Python exception Alembic raises for it.
pub(crate) fn revision_error(py: Python<'_>, err: RevisionMapError) -> PyErr {
    match build_revision_error(py, &err) {
        Ok(e) => e,
        Err(e) => e,
    }
}

fn build_revision_error(py: Python<'_>, err: &RevisionMapError) -> PyResult<PyErr> {
    const MODULE: &str = "alembic.script.revision";
    let instance = match err {
        RevisionMapError::RevisionError(message) => {
            class(py, MODULE, "RevisionError")?.call1((message,))?
        }
        RevisionMapError::RangeNotAncestorError { lower, upper } => {
            class(py, MODULE, "RangeNotAncestorError")?
                .call1((rev_arg_to_py(py, lower)?, rev_arg_to_py(py, upper)?))?
        }
        RevisionMapError::MultipleHeads { heads, argument } => class(py, MODULE, "MultipleHeads")?
            .call1((PyTuple::new(py, heads)?, rev_arg_to_py(py, argument)?))?,
        RevisionMapError::ResolutionError { message, argument } => {
            class(py, MODULE, "ResolutionError")?.call1((message, argument))?
        }
        RevisionMapError::CycleDetected { revisions } => {
            class(py, MODULE, "CycleDetected")?.call1((revisions.clone(),))?
        }
        RevisionMapError::DependencyCycleDetected { revisions } => {
            class(py, MODULE, "DependencyCycleDetected")?.call1((revisions.clone(),))?
        }
        RevisionMapError::LoopDetected { revision } => {
            class(py, MODULE, "LoopDetected")?.call1((revision,))?
        }
        RevisionMapError::DependencyLoopDetected { revision } => {
            class(py, MODULE, "DependencyLoopDetected")?.call1((revision,))?
        }
        RevisionMapError::KeyError { key } => return Ok(PyKeyError::new_err(key.clone())),
        RevisionMapError::PythonException { class, message } => {
            return Ok(python_exception(py, class, message.clone()));
        }
        other => class(py, MODULE, "RevisionError")?.call1((other.to_string(),))?,
    };
    Ok(PyErr::from_value(instance))
}

/// A `ScriptDirectory`-level error: `CommandError` with Alembic's text, or the uncaught
/// revision error itself.
pub(crate) fn script_error(py: Python<'_>, err: ScriptError) -> PyErr {
    match err {
        ScriptError::Command(message) => command_error(py, message),
        ScriptError::Uncaught(e) => revision_error(py, e),
        other => command_error(py, other.to_string()),
    }
}

/// `alembic.util.exc.CommandError(message)`.
pub(crate) fn command_error(py: Python<'_>, message: String) -> PyErr {
    match class(py, "alembic.util.exc", "CommandError").and_then(|c| c.call1((message,))) {
        Ok(instance) => PyErr::from_value(instance),
        Err(e) => e,
    }
}

/// A builtin exception by class name.
pub(crate) fn python_exception(_py: Python<'_>, class: &str, message: String) -> PyErr {
    match class {
        "AssertionError" => PyAssertionError::new_err(message),
        "AttributeError" => PyAttributeError::new_err(message),
        "TypeError" => PyTypeError::new_err(message),
        "ValueError" => PyValueError::new_err(message),
        "NotImplementedError" => PyNotImplementedError::new_err(message),
        _ => PyException::new_err(message),
    }
}

/// A runtime error as the exception Alembic raises for it (`RuntimeError::python_class`).
pub(crate) fn runtime_error(py: Python<'_>, err: RuntimeError) -> PyErr {
    match err {
        RuntimeError::Script(e) => script_error(py, e),
        other => {
            let message = other.to_string();
            match other.python_class() {
                "CommandError" => command_error(py, message),
                class => python_exception(py, class, message),
            }
        }
    }
}

/// A compile failure: `NotImplementedError` for what the native compiler does not model
/// (never less SQL than asked), SQLAlchemy's `CompileError` for what SQLAlchemy rejects too.
pub(crate) fn ddl_error(py: Python<'_>, err: DdlError) -> PyErr {
    match err {
        DdlError::Unsupported { .. } => {
            PyNotImplementedError::new_err(format!("alembic-rs: {err}"))
        }
        DdlError::Invalid {
            class: "CommandError",
            ..
        } => command_error(py, err.message()),
        DdlError::Invalid { class, .. } => match py
            .import("sqlalchemy.exc")
            .and_then(|m| m.getattr(class))
            // KeyError, AssertionError: what Python itself raises in SQLAlchemy's code
            .or_else(|_| py.import("builtins").and_then(|m| m.getattr(class)))
            .and_then(|c| {
                // NoReferencedTableError(message, tname)
                c.call1((err.message(),))
                    .or_else(|_| c.call1((err.message(), py.None())))
            }) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        },
    }
}

/// A dialect without a native compiler.
pub(crate) fn unknown_dialect(err: UnknownDialect) -> PyErr {
    PyNotImplementedError::new_err(err.to_string())
}
