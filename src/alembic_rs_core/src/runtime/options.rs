//! The `context.configure(...)` options the runtime honours.

/// The `context.configure(...)` options the runtime honours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextOptions {
    pub version_table: String,
    pub version_table_schema: Option<String>,
    pub version_table_pk: bool,
    /// `None`: the dialect's default (PostgreSQL: transactional).
    pub transactional_ddl: Option<bool>,
    pub transaction_per_migration: bool,
}

impl Default for ContextOptions {
    fn default() -> Self {
        ContextOptions {
            version_table: "alembic_version".into(),
            version_table_schema: None,
            version_table_pk: true,
            transactional_ddl: None,
            transaction_per_migration: false,
        }
    }
}
