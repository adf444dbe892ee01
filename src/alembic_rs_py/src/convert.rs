//! Python values <-> the core's argument shapes.

use alembic_rs_core::script::RevRef;
use alembic_rs_core::script::revision::{RevArg, RevisionMapError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::errors::revision_error;

/// `None`, a `str`, or a tuple of `str` (what Alembic's revision arguments are). A value
/// that is not a string is named in the error as `get_revisions` names it: element by
/// element (`b'12345'` for `(b'12345',)`).
pub(crate) fn rev_arg(obj: &Bound<'_, PyAny>) -> PyResult<RevArg> {
    if obj.is_none() {
        return Ok(RevArg::None);
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(RevArg::Str(obj.extract()?));
    }
    if obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for item in obj.try_iter()? {
            let item = item?;
            if !item.is_instance_of::<PyString>() {
                return Err(not_a_string(&item));
            }
            items.push(item.extract()?);
        }
        return Ok(RevArg::Tuple(items));
    }
    Err(not_a_string(obj))
}

/// [`rev_arg`] for what Alembic hands to `_resolve_revision_number` (`get_revision`,
/// `as_revision_number`, `filter_for_lineage`): it checks a tuple's first element only and
/// names the whole tuple (`(b'12345',) is not a string`).
pub(crate) fn rev_arg_whole(obj: &Bound<'_, PyAny>) -> PyResult<RevArg> {
    if obj.is_instance_of::<PyTuple>()
        && let Ok(first) = obj.get_item(0)
        && !first.is_instance_of::<PyString>()
    {
        return Err(not_a_string(obj));
    }
    rev_arg(obj)
}

fn not_a_string(obj: &Bound<'_, PyAny>) -> PyErr {
    let repr = obj.repr().map(|r| r.to_string()).unwrap_or_default();
    revision_error(obj.py(), RevisionMapError::not_a_string(&repr))
}

/// A `down_revision` value as a version file holds it: `None`, a `str`, or a sequence.
pub(crate) fn rev_ref(obj: &Bound<'_, PyAny>) -> PyResult<RevRef> {
    if obj.is_none() {
        return Ok(RevRef::None);
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(RevRef::One(obj.extract()?));
    }
    Ok(RevRef::Many(obj.extract::<Vec<String>>()?))
}

/// A `RevRef` as Python sees it: `None`, a `str`, or a tuple.
pub(crate) fn rev_ref_to_py<'py>(py: Python<'py>, r: &RevRef) -> PyResult<Bound<'py, PyAny>> {
    Ok(match r {
        RevRef::None => py.None().into_bound(py),
        RevRef::One(s) => s.into_pyobject(py)?.into_any(),
        RevRef::Many(v) => PyTuple::new(py, v)?.into_any(),
    })
}
