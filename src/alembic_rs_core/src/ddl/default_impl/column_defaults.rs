//! What fills a column: server defaults (`render_default_string`, `sa.func.<name>()`),
//! computed columns and identities.

use super::DdlImpl;
use crate::ddl::quote::IdentifierPreparer;
use crate::ddl::sql_text::{Binds, render_text, string_literal};
use crate::ddl::{DdlError, literal};
use crate::ops::{ComputedSpec, IdentitySpec, ServerDefault};

/// The default of [`DdlImpl::server_default_ddl`].
pub(super) fn server_default_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    default: &ServerDefault,
) -> Result<String, DdlError> {
    let double = imp.preparer().double_percents();
    match default {
        ServerDefault::String { value } => Ok(string_literal(value, double)),
        ServerDefault::Text { sql } => Ok(render_text(sql, double, Binds::Null)),
        ServerDefault::Function { name } => function_call_ddl(imp.preparer(), name),
        ServerDefault::Literal { value } => literal::render_untyped(value, double),
    }
}

/// The default of [`DdlImpl::computed_ddl`].
pub(super) fn computed_ddl<D: DdlImpl + ?Sized>(imp: &D, computed: &ComputedSpec) -> String {
    let mut text = format!(
        "GENERATED ALWAYS AS ({})",
        render_text(
            &computed.sqltext,
            imp.preparer().double_percents(),
            Binds::Null
        )
    );
    match computed.persisted {
        Some(true) => text.push_str(" STORED"),
        Some(false) => text.push_str(" VIRTUAL"),
        None => {}
    }
    text
}

/// `GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]`.
pub(crate) fn identity_ddl(identity: &IdentitySpec) -> String {
    let mut text = format!(
        "GENERATED {} AS IDENTITY",
        if identity.always {
            "ALWAYS"
        } else {
            "BY DEFAULT"
        }
    );
    let options = identity_options(identity);
    if !options.is_empty() {
        text.push_str(&format!(" ({options})"));
    }
    text
}

/// `DDLCompiler.get_identity_options`.
pub(crate) fn identity_options(identity: &IdentitySpec) -> String {
    let mut parts = Vec::new();
    if let Some(v) = identity.increment {
        parts.push(format!("INCREMENT BY {v}"));
    }
    if let Some(v) = identity.start {
        parts.push(format!("START WITH {v}"));
    }
    if let Some(v) = identity.minvalue {
        parts.push(format!("MINVALUE {v}"));
    }
    if let Some(v) = identity.maxvalue {
        parts.push(format!("MAXVALUE {v}"));
    }
    if identity.nominvalue.is_some() {
        parts.push("NO MINVALUE".into());
    }
    if identity.nomaxvalue.is_some() {
        parts.push("NO MAXVALUE".into());
    }
    if let Some(v) = identity.cache {
        parts.push(format!("CACHE {v}"));
    }
    if let Some(cycle) = identity.cycle {
        parts.push(if cycle { "CYCLE" } else { "NO CYCLE" }.into());
    }
    parts.join(" ")
}

/// `sa.func.<name>()` without arguments, as SQLAlchemy 2.1 renders it.
pub(crate) fn function_call_ddl(p: &IdentifierPreparer, name: &str) -> Result<String, DdlError> {
    let lower = name.to_lowercase();
    const ANSI: [&str; 8] = [
        "current_date",
        "current_time",
        "current_timestamp",
        "current_user",
        "localtime",
        "localtimestamp",
        "session_user",
        "user",
    ];
    // Registered GenericFunctions that render `<lower name>()` with no arguments.
    const PLAIN: [&str; 34] = [
        "_regconfig_fn",
        "akeys",
        "all",
        "any",
        "array_agg",
        "avals",
        "coalesce",
        "concat",
        "cume_dist",
        "defined",
        "delete",
        "dense_rank",
        "hstore",
        "hstore_to_array",
        "hstore_to_matrix",
        "max",
        "min",
        "mode",
        "now",
        "percent_rank",
        "percentile_cont",
        "percentile_disc",
        "phraseto_tsquery",
        "plainto_tsquery",
        "random",
        "rank",
        "slice",
        "some",
        "sum",
        "to_tsquery",
        "to_tsvector",
        "ts_headline",
        "websearch_to_tsquery",
        "grouping",
    ];
    // Registered functions rendered some other way (count(*), CUBE(), ...) or needing
    // arguments.
    const OTHER_REGISTERED: [&str; 14] = [
        "aggregate_strings",
        "ansifunction",
        "cast",
        "char_length",
        "count",
        "cube",
        "extract",
        "grouping_sets",
        "next_value",
        "orderedsetagg",
        "returntypefromargs",
        "returntypefromoptionalargs",
        "rollup",
        "packagedfunction",
    ];
    if ANSI.contains(&lower.as_str()) {
        return Ok(lower.to_uppercase());
    }
    if lower == "sysdate" {
        return Ok("sysdate".into());
    }
    if lower == "pow" {
        return Ok("power()".into());
    }
    if PLAIN.contains(&lower.as_str()) {
        return Ok(format!("{lower}()"));
    }
    if OTHER_REGISTERED.contains(&lower.as_str()) {
        return Err(DdlError::unsupported(format!(
            "the function sa.func.{name}()"
        )));
    }
    let needs_quotes = name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    Ok(if needs_quotes {
        format!("{}()", p.quote_identifier(name))
    } else {
        format!("{name}()")
    })
}
