//! The log records a run emits, for the caller to route into `logging` (Python) or print
//! (the native CLI) with Alembic's logger names.

/// `logging` levels of the records the runtime emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogLevel {
    Debug,
    Info,
}

impl LogLevel {
    /// `logging.getLevelName(level)`.
    pub fn name(self) -> &'static str {
        match self {
            LogLevel::Debug => "DEBUG",
            LogLevel::Info => "INFO",
        }
    }
}

/// One log record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogRecord {
    pub logger: &'static str,
    pub level: LogLevel,
    pub message: String,
}

/// The logger of `alembic.runtime.migration`.
pub(crate) const MIGRATION_LOGGER: &str = "alembic.runtime.migration";

impl LogRecord {
    pub(crate) fn info(message: String) -> Self {
        LogRecord {
            logger: MIGRATION_LOGGER,
            level: LogLevel::Info,
            message,
        }
    }

    pub(crate) fn debug(message: String) -> Self {
        LogRecord {
            logger: MIGRATION_LOGGER,
            level: LogLevel::Debug,
            message,
        }
    }
}
