//! Recognising an `env.py` whose offline (`--sql`) run is Alembic's template behaviour, so the
//! whole command can run natively without importing SQLAlchemy or running the file.
//!
//! The recognised shape is the `generic` / `pyproject` / `async` templates' module: their
//! imports, `config = context.config`, the `fileConfig` call, `target_metadata = None`, a
//! `run_migrations_offline()` that configures with the URL from the ini,
//! `literal_binds=True` and `dialect_opts={"paramstyle": "named"}`, and the final
//! `if context.is_offline_mode(): run_migrations_offline() else: ...`. Other function
//! definitions (the online path) may be anything: offline mode never calls them, and their
//! definition has no effect as long as it has no decorators, defaults or annotations that
//! evaluate anything but imported names. Comments, docstrings and layout do not matter.
//! Anything else — an app import for `target_metadata`, `python-dotenv`, a `sys.path` edit,
//! a different `configure()` — and the Python runtime runs the file as Alembic does.

use ruff_python_ast::comparable::ComparableStmt;
use ruff_python_ast::{Expr, Parameters, Stmt};

use super::module::parse_module;

/// Imports the templates make (module, name, alias).
const ALLOWED_IMPORTS: &[(&str, &str)] = &[
    ("logging.config", "fileConfig"),
    ("sqlalchemy", "engine_from_config"),
    ("sqlalchemy", "pool"),
    ("sqlalchemy.engine", "Connection"),
    ("sqlalchemy.ext.asyncio", "async_engine_from_config"),
    ("alembic", "context"),
    ("__future__", "annotations"),
];

/// Plain `import x` statements the templates make.
const ALLOWED_MODULES: &[&str] = &["asyncio"];

/// Names an annotation may use without evaluating anything but an import or a builtin.
const BUILTIN_ANNOTATIONS: &[&str] = &["None", "str", "int", "bool"];

const CONFIG: &str = "config = context.config";
const FILE_CONFIG: &str =
    "if config.config_file_name is not None:\n    fileConfig(config.config_file_name)";
const TARGET_METADATA: &str = "target_metadata = None";
const OFFLINE_BODY: &str = r#"
url = config.get_main_option("sqlalchemy.url")
context.configure(
    url=url,
    target_metadata=target_metadata,
    literal_binds=True,
    dialect_opts={"paramstyle": "named"},
)
with context.begin_transaction():
    context.run_migrations()
"#;

const ONLINE_BODY: &str = r#"
connectable = engine_from_config(
    config.get_section(config.config_ini_section, {}),
    prefix="sqlalchemy.",
    poolclass=pool.NullPool,
)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
"#;

/// What a template `env.py` does, as far as a native run needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateEnv {
    /// Online mode is the template's too: an engine from the ini section's `sqlalchemy.*`
    /// options (NullPool), `configure(connection=...)`, one transaction block.
    pub online: bool,
}

/// `Some` when `source` is an `env.py` whose offline run is exactly the template's
/// (configure from `sqlalchemy.url` with named paramstyle and literal binds, log through the
/// ini's `fileConfig`, one transaction block), saying whether its online path is the
/// template's as well.
pub fn template_env(source: &str) -> Option<TemplateEnv> {
    let mut online_fn = false;
    let mut online_dispatch = false;
    let offline = recognise(source, &mut online_fn, &mut online_dispatch);
    offline.then_some(TemplateEnv {
        online: online_fn && online_dispatch,
    })
}

fn recognise(source: &str, online_fn: &mut bool, online_dispatch: &mut bool) -> bool {
    let Ok(parsed) = parse_module(source) else {
        return false;
    };
    let body = &parsed.syntax().body;
    let reference = |text: &str| -> Option<Vec<Stmt>> {
        parse_module(text).ok().map(|p| p.syntax().body.to_vec())
    };
    let (Some(config), Some(file_config), Some(metadata), Some(offline), Some(online)) = (
        reference(CONFIG),
        reference(FILE_CONFIG),
        reference(TARGET_METADATA),
        reference(OFFLINE_BODY),
        reference(ONLINE_BODY),
    ) else {
        return false;
    };
    let same = |a: &Stmt, b: &Stmt| ComparableStmt::from(a) == ComparableStmt::from(b);

    let mut imported: Vec<String> = Vec::new();
    let mut seen = (false, false, false, false, false);
    for (i, stmt) in body.iter().enumerate() {
        match stmt {
            Stmt::Expr(e) if i == 0 && e.value.is_string_literal_expr() => {}
            Stmt::ImportFrom(from) => {
                let module = from.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if from.level != 0 {
                    return false;
                }
                for alias in &from.names {
                    if alias.asname.is_some()
                        || !ALLOWED_IMPORTS.contains(&(module, alias.name.as_str()))
                    {
                        return false;
                    }
                    imported.push(alias.name.to_string());
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    if alias.asname.is_some() || !ALLOWED_MODULES.contains(&alias.name.as_str()) {
                        return false;
                    }
                    imported.push(alias.name.to_string());
                }
            }
            s if same(s, &config[0]) && !seen.0 => seen.0 = true,
            s if same(s, &file_config[0]) && seen.0 && !seen.1 => seen.1 = true,
            s if same(s, &metadata[0]) && !seen.2 => seen.2 = true,
            Stmt::FunctionDef(def) if def.name.as_str() == "run_migrations_offline" => {
                if seen.3
                    || def.is_async
                    || !def.decorator_list.is_empty()
                    || !def.parameters.is_empty()
                    || !annotation_ok(def.returns.as_deref(), &imported)
                {
                    return false;
                }
                let mut fbody: &[Stmt] = &def.body;
                if let Some(Stmt::Expr(e)) = fbody.first()
                    && e.value.is_string_literal_expr()
                {
                    fbody = &fbody[1..];
                }
                if fbody.len() != offline.len()
                    || !fbody.iter().zip(&offline).all(|(a, b)| same(a, b))
                {
                    return false;
                }
                seen.3 = true;
            }
            Stmt::FunctionDef(def) => {
                if !def.decorator_list.is_empty()
                    || !parameters_ok(&def.parameters, &imported)
                    || !annotation_ok(def.returns.as_deref(), &imported)
                {
                    return false;
                }
                if def.name.as_str() == "run_migrations_online"
                    && !def.is_async
                    && def.parameters.is_empty()
                {
                    let mut fbody: &[Stmt] = &def.body;
                    if let Some(Stmt::Expr(e)) = fbody.first()
                        && e.value.is_string_literal_expr()
                    {
                        fbody = &fbody[1..];
                    }
                    *online_fn = fbody.len() == online.len()
                        && fbody.iter().zip(&online).all(|(a, b)| same(a, b));
                }
            }
            Stmt::If(branch) => {
                // if context.is_offline_mode(): run_migrations_offline() else: <not run>
                let Some(test) = reference(
                    "context.is_offline_mode()\nrun_migrations_offline()\nrun_migrations_online()",
                ) else {
                    return false;
                };
                let Stmt::Expr(test_expr) = &test[0] else {
                    return false;
                };
                let test_ok = ruff_python_ast::comparable::ComparableExpr::from(&*branch.test)
                    == ruff_python_ast::comparable::ComparableExpr::from(&*test_expr.value);
                if seen.4
                    || !seen.3
                    || !seen.2
                    || !seen.1
                    || !test_ok
                    || branch.body.len() != 1
                    || !same(&branch.body[0], &test[1])
                    || branch.elif_else_clauses.len() != 1
                    || branch.elif_else_clauses[0].test.is_some()
                {
                    return false;
                }
                let orelse = &branch.elif_else_clauses[0].body;
                *online_dispatch = orelse.len() == 1 && same(&orelse[0], &test[2]);
                seen.4 = true;
            }
            _ => return false,
        }
    }
    // `target_metadata = None` must precede the offline function's call; the file-config
    // and the final dispatch are required.
    seen.0 && seen.1 && seen.2 && seen.3 && seen.4
}

fn annotation_ok(annotation: Option<&Expr>, imported: &[String]) -> bool {
    match annotation {
        None => true,
        Some(Expr::NoneLiteral(_)) => true,
        Some(Expr::Name(name)) => {
            BUILTIN_ANNOTATIONS.contains(&name.id.as_str())
                || imported.iter().any(|i| i == name.id.as_str())
        }
        Some(_) => false,
    }
}

fn parameters_ok(parameters: &Parameters, imported: &[String]) -> bool {
    parameters
        .iter()
        .all(|p| p.default().is_none() && annotation_ok(p.annotation(), imported))
}
