//! The command line syntax: Alembic's `CommandLine` (argparse) spelled with clap. Everything
//! here only turns argv into a [`commands::Invocation`]; what a command does lives in
//! `commands`.
//!
//! argparse habits kept on purpose: global options go before the command, long options may be
//! abbreviated (`--verb`), a repeated option keeps its last value, `-c`/`-x` accumulate, and a
//! negative number is a value (`show -1`, `history -r -1`).

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand};

use alembic_rs_core::runtime::MigrateCommand;

use crate::commands::{GlobalOptions, Invocation, Request};

const AFTER_HELP: &str = "\
upgrade, downgrade and stamp (with --sql, or online on PostgreSQL) and current run natively
when env.py is Alembic's template and every migration is plain op.* calls. Commands that need
Python (revision, merge, init, check, edit, list_templates, ensure_version, current with
--verbose or --check-heads, and any command whose env.py or migrations do more) are not
available natively: run them with Alembic's Python `alembic` command.
";

#[derive(Debug, Parser)]
#[command(
    name = "alembic-rs",
    version = crate::VERSION,
    disable_version_flag = true,
    about = "Alembic's commands, natively where they need no Python",
    after_help = AFTER_HELP,
    infer_long_args = true,
    args_override_self = true,
    subcommand_required = true,
    disable_help_subcommand = true
)]
struct Cli {
    /// Config file, .ini or pyproject.toml, or both (default: $ALEMBIC_CONFIG or alembic.ini)
    #[arg(short = 'c', long = "config", value_name = "CONFIG", action = clap::ArgAction::Append)]
    config: Vec<String>,
    /// Section of the .ini file to use (not for pyproject.toml)
    #[arg(short = 'n', long = "name", default_value = "alembic")]
    name: String,
    /// Arguments for custom env.py scripts (accepted; env.py never runs natively)
    #[arg(short = 'x', action = clap::ArgAction::Append)]
    x: Vec<String>,
    /// Fail like an uncaught exception (exit code 1) instead of "FAILED: ..."
    #[arg(long)]
    raiseerr: bool,
    /// Do not log to std output
    #[arg(short = 'q', long)]
    quiet: bool,
    /// Print version
    #[arg(long, action = clap::ArgAction::Version)]
    version: (),
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show current branch points
    Branches {
        /// Use more verbose output
        #[arg(short = 'v', long)]
        verbose: bool,
    },
    /// Show current available heads in the script directory
    Heads {
        /// Use more verbose output
        #[arg(short = 'v', long)]
        verbose: bool,
        /// Treat dependency versions as down revisions
        #[arg(long)]
        resolve_dependencies: bool,
    },
    /// List changeset scripts in chronological order
    #[command(allow_negative_numbers = true)]
    History {
        /// Specify a revision range; format is [start]:[end]
        #[arg(short = 'r', long = "rev-range")]
        rev_range: Option<String>,
        /// Use more verbose output
        #[arg(short = 'v', long)]
        verbose: bool,
        /// Indicate the current revision (needs the database: not native)
        #[arg(short = 'i', long)]
        indicate_current: bool,
    },
    /// Show the revision(s) denoted by the given symbol
    #[command(allow_negative_numbers = true)]
    Show {
        /// Revision identifier
        rev: String,
    },
    #[command(hide = true)]
    Check(Passthrough),
    /// Display the current revision for a database (natively: with a template env.py)
    Current {
        /// Use more verbose output
        #[arg(short = 'v', long)]
        verbose: bool,
        /// Check if all head revisions are applied to the database. Exit with an error
        /// code if this is not the case.
        #[arg(long)]
        check_heads: bool,
    },
    /// Revert to a previous version (natively: --sql with a template env.py only)
    #[command(allow_negative_numbers = true)]
    Downgrade {
        /// Revision identifier
        revision: String,
        /// Don't emit SQL to database - dump to standard output/file instead. See docs on
        /// offline mode.
        #[arg(long)]
        sql: bool,
        /// Arbitrary 'tag' name - can be used by custom env.py scripts.
        #[arg(long)]
        tag: Option<String>,
    },
    #[command(hide = true)]
    Edit(Passthrough),
    #[command(hide = true, name = "ensure_version")]
    EnsureVersion(Passthrough),
    #[command(hide = true)]
    Init(Passthrough),
    #[command(hide = true, name = "list_templates")]
    ListTemplates(Passthrough),
    #[command(hide = true)]
    Merge(Passthrough),
    #[command(hide = true)]
    Revision(Passthrough),
    /// 'stamp' the revision table with the given revision; don't run any migrations
    /// (natively: --sql with a template env.py only)
    Stamp {
        /// Revision identifier
        #[arg(required = true, num_args = 1..)]
        revisions: Vec<String>,
        /// Don't emit SQL to database - dump to standard output/file instead. See docs on
        /// offline mode.
        #[arg(long)]
        sql: bool,
        /// Arbitrary 'tag' name - can be used by custom env.py scripts.
        #[arg(long)]
        tag: Option<String>,
        /// Unconditionally erase the version table before stamping
        #[arg(long)]
        purge: bool,
    },
    /// Upgrade to a later version (natively: --sql with a template env.py only)
    #[command(allow_negative_numbers = true)]
    Upgrade {
        /// Revision identifier
        revision: String,
        /// Don't emit SQL to database - dump to standard output/file instead. See docs on
        /// offline mode.
        #[arg(long)]
        sql: bool,
        /// Arbitrary 'tag' name - can be used by custom env.py scripts.
        #[arg(long)]
        tag: Option<String>,
    },
}

/// The arguments of a command that is refused: taken as they come, `--help` included, so
/// that any spelling reaches the explanation.
#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
struct Passthrough {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0..)]
    args: Vec<OsString>,
}

/// Parses argv; on a syntax error, `--help` or `--version`, prints and exits like clap does
/// (exit code 2 for errors, as argparse).
pub(crate) fn parse(argv: Vec<OsString>) -> Invocation {
    let cli = Cli::parse_from(&argv);
    invocation(cli, argv)
}

/// Parses argv without printing or exiting: `None` for anything but a command to run
/// (a syntax error, `--help`, `--version`).
pub(crate) fn try_parse(argv: Vec<OsString>) -> Option<Invocation> {
    let cli = Cli::try_parse_from(&argv).ok()?;
    Some(invocation(cli, argv))
}

fn invocation(cli: Cli, argv: Vec<OsString>) -> Invocation {
    let request = match cli.command {
        Command::Branches { verbose } => Request::Branches { verbose },
        Command::Heads {
            verbose,
            resolve_dependencies,
        } => Request::Heads {
            verbose,
            resolve_dependencies,
        },
        Command::History {
            rev_range,
            verbose,
            indicate_current,
        } => Request::History {
            rev_range,
            verbose,
            indicate_current,
        },
        Command::Show { rev } => Request::Show { rev },
        Command::Check(_) => Request::NotNative("check"),
        Command::Current {
            verbose: false,
            check_heads: false,
        } => Request::Current,
        Command::Current { .. } => Request::NotNative("current"),
        Command::Downgrade { revision, sql, .. } => Request::Migrate {
            command: MigrateCommand::Downgrade { revision },
            sql,
        },
        Command::Edit(_) => Request::NotNative("edit"),
        Command::EnsureVersion(_) => Request::NotNative("ensure_version"),
        Command::Init(_) => Request::NotNative("init"),
        Command::ListTemplates(_) => Request::NotNative("list_templates"),
        Command::Merge(_) => Request::NotNative("merge"),
        Command::Revision(_) => Request::NotNative("revision"),
        Command::Stamp {
            revisions,
            sql,
            purge,
            ..
        } => Request::Migrate {
            command: MigrateCommand::Stamp { revisions, purge },
            sql,
        },
        Command::Upgrade { revision, sql, .. } => Request::Migrate {
            command: MigrateCommand::Upgrade { revision },
            sql,
        },
    };
    Invocation {
        globals: GlobalOptions {
            config: cli.config,
            name: cli.name,
            raiseerr: cli.raiseerr,
            quiet: cli.quiet,
        },
        request,
        // For the hint of a refused command: the same command line, for Alembic.
        argv: argv.into_iter().skip(1).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn parse_ok(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("alembic-rs").chain(args.iter().copied()))
    }

    #[test]
    fn argparse_habits() {
        let cli = parse_ok(&[
            "-c",
            "a.ini",
            "-c",
            "pyproject.toml",
            "-qq",
            "heads",
            "--verb",
        ])
        .unwrap();
        assert_eq!(cli.config, ["a.ini", "pyproject.toml"]);
        assert!(cli.quiet);
        assert!(matches!(cli.command, Command::Heads { verbose: true, .. }));

        let cli = parse_ok(&["-n", "a", "-n", "b", "show", "-1"]).unwrap();
        assert_eq!(cli.name, "b");
        assert!(matches!(cli.command, Command::Show { rev } if rev == "-1"));

        let cli = parse_ok(&["history", "-r", "-1"]).unwrap();
        assert!(matches!(cli.command, Command::History { rev_range: Some(r), .. } if r == "-1"));
        assert!(parse_ok(&["history", "-r", "-2:"]).is_err());
        let cli = parse_ok(&["history", "--rev-range=-2:"]).unwrap();
        assert!(matches!(cli.command, Command::History { rev_range: Some(r), .. } if r == "-2:"));
    }

    #[test]
    fn refused_commands_take_any_arguments() {
        let cli = parse_ok(&["check", "--verbose", "--help"]).unwrap();
        assert!(matches!(cli.command, Command::Check(_)));
        assert!(parse_ok(&["ensure_version"]).is_ok());
        assert!(parse_ok(&["nosuchcmd"]).is_err());
    }
}
