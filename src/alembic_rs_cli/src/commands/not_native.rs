//! The commands (and variants of commands) that need Python or a database, refused by name.

use super::Failure;

/// Why reading the database's revision is out of reach.
pub(crate) const NEEDS_DATABASE: &str = "the current revision is in the database, which Alembic reads by running env.py, a Python \
     script";

pub(crate) fn not_native(what: &str, why: &str) -> Failure {
    Failure::NotNative {
        error: format!("{what} is not available in the native alembic-rs CLI yet"),
        hint: why.to_owned(),
    }
}

/// An Alembic command with no native implementation.
pub(crate) fn not_native_command(command: &str) -> Failure {
    let why = match command {
        "upgrade" | "downgrade" | "stamp" | "current" | "ensure_version" => {
            "it runs env.py, a Python script, against the database"
        }
        "check" => "it runs env.py, a Python script, and autogenerate against the database",
        "revision" | "merge" => {
            "it renders the script.py.mako template with Mako (Python) and may run env.py"
        }
        "init" | "list_templates" => "it uses the templates shipped with the Python package",
        _ => "it is only implemented in Python",
    };
    not_native(&format!("'{command}'"), why)
}
