"""``alembic.config``: the Config object and the ``alembic`` command line.

Config keeps Alembic's exact semantics by using what Alembic uses: Python's ``ConfigParser``
(interpolation, ``%(here)s``, sections) and ``tomllib`` for ``[tool.alembic]``. The script
directory itself is read natively (see ``alembic.script``).
"""

from __future__ import annotations

import os
import re
import sys
from argparse import ArgumentParser
from configparser import ConfigParser
from pathlib import Path

from . import __alembic_rs__, __version__, command, util
from .util.pyfiles import _preserving_path_as_str

# `typing`, `inspect` and `logging` are not imported at run time: together they cost more
# than a whole read-only command (see bench/). Annotations are strings (PEP 563).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from argparse import Namespace
    from collections.abc import Mapping, Sequence
    from typing import Any, Protocol, TextIO, TypedDict

    PostWriteHookConfig = Mapping[str, str]

    class MessagingOptions(TypedDict, total=False):
        quiet: bool

    class CommandFunction(Protocol):
        """A function registered as an ``alembic`` subcommand: takes a Config first."""

        __name__: str

        def __call__(self, config: Config, *args: Any, **kwargs: Any) -> Any: ...


def _log_info(msg: str, *args: object) -> None:
    import logging

    logging.getLogger(__name__).info(msg, *args)


_SPLIT_ON_SPACE_COMMA = re.compile(r", *|(?: +)")
_SPLIT_ON_SPACE_COMMA_COLON = re.compile(r", *|(?: +)|\:")


class Config:
    """An Alembic configuration: an ``alembic.ini`` and/or ``pyproject.toml``, or values set
    programmatically. Same constructor and methods as Alembic's ``Config``."""

    def __init__(
        self,
        file_: str | os.PathLike[str] | None = None,
        toml_file: str | os.PathLike[str] | None = None,
        ini_section: str = "alembic",
        output_buffer: TextIO | None = None,
        stdout: TextIO = sys.stdout,
        cmd_opts: Namespace | None = None,
        config_args: Mapping[str, Any] = util.immutabledict(),
        attributes: dict[str, Any] | None = None,
    ) -> None:
        self.config_file_name = _preserving_path_as_str(file_) if file_ else None
        self.toml_file_name = _preserving_path_as_str(toml_file) if toml_file else None
        self.config_ini_section = ini_section
        self.output_buffer = output_buffer
        self.stdout = stdout
        self.cmd_opts = cmd_opts
        self.config_args = dict(config_args)
        self.toml_args = dict(config_args)
        if attributes:
            self.attributes.update(attributes)

    cmd_opts: Namespace | None = None
    config_file_name: str | None = None
    toml_file_name: str | None = None
    config_ini_section: str = None  # type: ignore[assignment]

    @property
    def _config_file_path(self) -> Path | None:
        return None if self.config_file_name is None else Path(self.config_file_name)

    @property
    def _toml_file_path(self) -> Path | None:
        return None if self.toml_file_name is None else Path(self.toml_file_name)

    @util.memoized_property
    def attributes(self) -> dict[str, Any]:
        """A dictionary for passing Python objects (connections, engines) to env.py."""
        return {}

    def print_stdout(self, text: str, *arg: Any) -> None:
        """Render a message to standard out (nothing when ``quiet``)."""
        output = str(text) % arg if arg else str(text)
        util.write_outstream(self.stdout, output, "\n", **self.messaging_opts)

    @util.memoized_property
    def file_config(self) -> ConfigParser:
        """The underlying ``ConfigParser``."""
        if self._config_file_path:
            here = self._config_file_path.absolute().parent
        else:
            here = Path()
        self.config_args["here"] = here.as_posix()
        file_config = ConfigParser(self.config_args)
        verbose = getattr(self.cmd_opts, "verbose", False)
        if self._config_file_path:
            file_config.read([self._config_file_path], encoding="locale")
            if verbose:
                _log_info("Loading config from file: %s", self._config_file_path)
        else:
            file_config.add_section(self.config_ini_section)
            if verbose:
                _log_info("No config file provided; using in-memory default config")
        return file_config

    @util.memoized_property
    def toml_alembic_config(self) -> Mapping[str, Any]:
        """The ``[tool.alembic]`` table of pyproject.toml, or an empty dict."""
        if self._toml_file_path and self._toml_file_path.exists():
            self.toml_args["here"] = self._toml_file_path.absolute().parent.as_posix()
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover - exercised on 3.10 only
                import tomli as tomllib
            with open(self._toml_file_path, "rb") as f:
                data = tomllib.load(f).get("tool", {}).get("alembic", {})
            if not isinstance(data, dict):
                raise util.CommandError("Incorrect TOML format")
            return data
        return {}

    def get_template_directory(self) -> str:
        """The directory holding the ``init`` templates."""
        return str(Path(__file__).absolute().parent / "templates")

    def _get_template_path(self) -> Path:
        return Path(self.get_template_directory())

    def get_section(
        self, name: str, default: Mapping[str, str] | None = None
    ) -> Mapping[str, str] | None:
        """All options of an ini section as a dict, or ``default`` if there is no such
        section."""
        if not self.file_config.has_section(name):
            return default
        return dict(self.file_config.items(name))

    def set_main_option(self, name: str, value: str) -> None:
        """Set an option of the main section (``%%`` escapes a percent sign)."""
        self.set_section_option(self.config_ini_section, name, value)

    def remove_main_option(self, name: str) -> None:
        self.file_config.remove_option(self.config_ini_section, name)

    def set_section_option(self, section: str, name: str, value: str) -> None:
        """Set an option of an ini section, creating the section if needed."""
        if not self.file_config.has_section(section):
            self.file_config.add_section(section)
        self.file_config.set(section, name, value)

    def get_section_option(self, section: str, name: str, default: str | None = None) -> str | None:
        """An option of an ini section."""
        if not self.file_config.has_section(section):
            raise util.CommandError(
                "No config file %r found, or file has no '[%s]' section"
                % (self.config_file_name, section)
            )
        if self.file_config.has_option(section, name):
            return self.file_config.get(section, name)
        return default

    def get_main_option(self, name: str, default: str | None = None) -> str | None:
        """An option of the main ini section (``[alembic]`` unless ``-n`` names another)."""
        return self.get_section_option(self.config_ini_section, name, default)

    def get_alembic_option(self, name: str, default: Any = None) -> Any:
        """An option from the main ini section, else from ``[tool.alembic]``."""
        if self.file_config.has_option(self.config_ini_section, name):
            return self.file_config.get(self.config_ini_section, name)
        return self._get_toml_config_value(name, default=default)

    def get_alembic_boolean_option(self, name: str) -> bool:
        if self.file_config.has_option(self.config_ini_section, name):
            return self.file_config.get(self.config_ini_section, name) == "true"
        value = self.toml_alembic_config.get(name, False)
        if not isinstance(value, bool):
            raise util.CommandError(f"boolean value expected for TOML parameter {name!r}")
        return value

    def _get_toml_config_value(self, name: str, default: Any = None) -> Any:
        missing = object()
        value = self.toml_alembic_config.get(name, missing)
        if value is missing:
            return default
        if value is None:
            return None
        args = self.toml_args
        if isinstance(value, str):
            return value % args
        if isinstance(value, list):
            if value and isinstance(value[0], dict):
                return [{k: v % args for k, v in item.items()} for item in value]
            return [v % args for v in value]
        if isinstance(value, dict):
            return {k: v % args for k, v in value.items()}
        if isinstance(value, int):
            return value
        raise util.CommandError(f"unsupported TOML value type for key: {name!r}")

    @util.memoized_property
    def messaging_opts(self) -> MessagingOptions:
        return util.immutabledict({"quiet": getattr(self.cmd_opts, "quiet", False)})

    def _get_file_separator_char(self, *names: str) -> str | None:
        for name in names:
            separator = self.get_main_option(name)
            if separator is not None:
                break
        else:
            return None
        split_on = {"space": " ", "newline": "\n", "os": os.pathsep, ":": ":", ";": ";"}
        if separator not in split_on:
            raise ValueError(
                "'%s' is not a valid value for %s; expected 'space', 'newline', 'os', ':', ';'"
                % (separator, name)
            )
        if name == "version_path_separator":
            util.warn_deprecated(
                "The version_path_separator configuration parameter "
                "is deprecated; please use path_separator"
            )
        return split_on[separator]

    def get_version_locations_list(self) -> list[str] | None:
        raw = self.file_config.get(self.config_ini_section, "version_locations", fallback=None)
        if raw:
            split_char = self._get_file_separator_char("path_separator", "version_path_separator")
            if split_char is None:
                util.warn_deprecated(
                    "No path_separator found in configuration; "
                    "falling back to legacy splitting on spaces/commas "
                    "for version_locations.  Consider adding "
                    "path_separator=os to Alembic config."
                )
                return _SPLIT_ON_SPACE_COMMA.split(raw)
            return [x.strip() for x in raw.split(split_char) if x]
        return self._get_toml_config_value("version_locations", None)

    def get_prepend_sys_paths_list(self) -> list[str] | None:
        raw = self.file_config.get(self.config_ini_section, "prepend_sys_path", fallback=None)
        if raw:
            split_char = self._get_file_separator_char("path_separator")
            if split_char is None:
                util.warn_deprecated(
                    "No path_separator found in configuration; "
                    "falling back to legacy splitting on spaces, commas, "
                    "and colons for prepend_sys_path.  Consider adding "
                    "path_separator=os to Alembic config."
                )
                return _SPLIT_ON_SPACE_COMMA_COLON.split(raw)
            return [x.strip() for x in raw.split(split_char) if x]
        return self._get_toml_config_value("prepend_sys_path", None)

    def get_hooks_list(self) -> list[PostWriteHookConfig]:
        hooks: list[PostWriteHookConfig] = []
        if not self.file_config.has_section("post_write_hooks"):
            for cfg in self._get_toml_config_value("post_write_hooks", []):
                opts = dict(cfg)
                opts["_hook_name"] = opts.pop("name")
                hooks.append(opts)
            return hooks
        section = self.get_section("post_write_hooks", {}) or {}
        for name in _SPLIT_ON_SPACE_COMMA.split(section.get("hooks", "")):
            if not name:
                continue
            opts = {
                key[len(name) + 1 :]: section[key] for key in section if key.startswith(name + ".")
            }
            opts["_hook_name"] = name
            hooks.append(opts)
        return hooks


_FunctionType = type(lambda: None)


class CommandLine:
    """The ``alembic`` command line. Its arguments and help text are Alembic's: they are
    derived, as Alembic does, from the signatures and docstrings of ``alembic.command``."""

    def __init__(self, prog: str | None = None) -> None:
        self._generate_args(prog)

    _KWARGS_OPTS: dict[str, tuple[Any, ...]] = {
        "template": (
            "-t",
            "--template",
            dict(default="generic", type=str, help="Setup template for use with 'init'"),
        ),
        "message": (
            "-m",
            "--message",
            dict(type=str, help="Message string to use with 'revision'"),
        ),
        "sql": (
            "--sql",
            dict(
                action="store_true",
                help="Don't emit SQL to database - dump to standard output/file instead. "
                "See docs on offline mode.",
            ),
        ),
        "tag": (
            "--tag",
            dict(type=str, help="Arbitrary 'tag' name - can be used by custom env.py scripts."),
        ),
        "head": (
            "--head",
            dict(
                type=str,
                help="Specify head revision or <branchname>@head to base new revision on.",
            ),
        ),
        "splice": (
            "--splice",
            dict(
                action="store_true", help="Allow a non-head revision as the 'head' to splice onto"
            ),
        ),
        "depends_on": (
            "--depends-on",
            dict(
                action="append",
                help="Specify one or more revision identifiers which this revision should "
                "depend on.",
            ),
        ),
        "rev_id": (
            "--rev-id",
            dict(type=str, help="Specify a hardcoded revision id instead of generating one"),
        ),
        "version_path": (
            "--version-path",
            dict(type=str, help="Specify specific path from config for version file"),
        ),
        "branch_label": (
            "--branch-label",
            dict(type=str, help="Specify a branch label to apply to the new revision"),
        ),
        "verbose": ("-v", "--verbose", dict(action="store_true", help="Use more verbose output")),
        "resolve_dependencies": (
            "--resolve-dependencies",
            dict(action="store_true", help="Treat dependency versions as down revisions"),
        ),
        "autogenerate": (
            "--autogenerate",
            dict(
                action="store_true",
                help="Populate revision script with candidate migration operations, based on "
                "comparison of database to model.",
            ),
        ),
        "rev_range": (
            "-r",
            "--rev-range",
            dict(action="store", help="Specify a revision range; format is [start]:[end]"),
        ),
        "indicate_current": (
            "-i",
            "--indicate-current",
            dict(action="store_true", help="Indicate the current revision"),
        ),
        "purge": (
            "--purge",
            dict(
                action="store_true",
                help="Unconditionally erase the version table before stamping",
            ),
        ),
        "package": (
            "--package",
            dict(
                action="store_true",
                help="Write empty __init__.py files to the environment and version locations",
            ),
        ),
        "check_heads": (
            "-c",
            "--check-heads",
            dict(
                action="store_true",
                help="Check if all head revisions are applied to the database. "
                "Exit with an error code if this is not the case.",
            ),
        ),
    }
    _POSITIONAL_OPTS: dict[str, dict[str, Any]] = {
        "directory": dict(help="location of scripts directory"),
        "revision": dict(help="revision identifier"),
        "revisions": dict(nargs="+", help="one or more revisions, or 'heads' for all heads"),
    }
    _POSITIONAL_TRANSLATIONS: dict[Any, dict[str, str]] = {command.stamp: {"revision": "revisions"}}

    def _generate_args(self, prog: str | None) -> None:
        parser = ArgumentParser(prog=prog)
        parser.add_argument(
            "--version",
            action="version",
            version="%%(prog)s %s (alembic-rs %s)" % (__version__, __alembic_rs__),
        )
        parser.add_argument(
            "-c",
            "--config",
            action="append",
            help="Alternate config file; defaults to value of ALEMBIC_CONFIG environment "
            'variable, or "alembic.ini". May also refer to pyproject.toml file.  May be '
            "specified twice to reference both files separately",
        )
        parser.add_argument(
            "-n",
            "--name",
            type=str,
            default="alembic",
            help="Name of section in .ini file to use for Alembic config "
            "(only applies to configparser config, not toml)",
        )
        parser.add_argument(
            "-x",
            action="append",
            help="Additional arguments consumed by custom env.py scripts, e.g. -x "
            "setting1=somesetting -x setting2=somesetting",
        )
        parser.add_argument(
            "--raiseerr", action="store_true", help="Raise a full stack trace on error"
        )
        parser.add_argument("-q", "--quiet", action="store_true", help="Do not log to std output.")
        self.subparsers = parser.add_subparsers()
        for name in dir(command):
            fn = getattr(command, name)
            if (
                isinstance(fn, _FunctionType)
                and fn.__name__[0] != "_"
                and fn.__module__ == command.__name__
            ):
                self.register_command(fn)
        self.parser = parser

    def register_command(self, fn: CommandFunction) -> None:
        """Register a function as a subcommand: its name, signature and docstring give the
        subcommand's name, arguments and help."""
        positional, kwarg, help_text = self._inspect_function(fn)
        subparser = self.subparsers.add_parser(fn.__name__, help=help_text)
        subparser.set_defaults(cmd=(fn, positional, kwarg))
        for arg in kwarg:
            if arg in self._KWARGS_OPTS:
                opt = self._KWARGS_OPTS[arg]
                subparser.add_argument(*opt[0:-1], **opt[-1])
        for arg in positional:
            subparser.add_argument(arg, **self._POSITIONAL_OPTS.get(arg, {}))

    def _inspect_function(self, fn: CommandFunction) -> tuple[Any, Any, str]:
        # inspect.getfullargspec(fn).args / .defaults, read from the code object directly
        code = fn.__code__
        args = list(code.co_varnames[: code.co_argcount])
        defaults = fn.__defaults__
        if defaults:
            positional = args[1 : -len(defaults)]
            kwarg = args[-len(defaults) :]
        else:
            positional = args[1:]
            kwarg = []
        if fn in self._POSITIONAL_TRANSLATIONS:
            positional = [self._POSITIONAL_TRANSLATIONS[fn].get(n, n) for n in positional]
        # the help text is the docstring's first paragraph, joined into one line
        help_lines = []
        for line in (fn.__doc__ or "").split("\n"):
            if not line.strip():
                break
            help_lines.append(line.strip())
        return positional, kwarg, " ".join(help_lines)

    def run_cmd(self, config: Config, options: Namespace) -> None:
        fn, positional, kwarg = options.cmd
        try:
            fn(
                config,
                *[getattr(options, k, None) for k in positional],
                **{k: getattr(options, k, None) for k in kwarg},
            )
        except util.CommandError as e:
            if options.raiseerr:
                raise
            util.err(str(e), **config.messaging_opts)

    def _inis_from_config(self, options: Namespace) -> tuple[str, str]:
        names = options.config
        env_config = os.environ.get("ALEMBIC_CONFIG")
        if env_config and os.path.basename(env_config) == "pyproject.toml":
            default_toml, default_ini = env_config, "alembic.ini"
        elif env_config:
            default_toml, default_ini = "pyproject.toml", env_config
        else:
            default_toml, default_ini = "pyproject.toml", "alembic.ini"
        if not names:
            return default_toml, default_ini
        toml = ini = None
        for name in names:
            if os.path.basename(name) == "pyproject.toml":
                if toml is not None:
                    raise util.CommandError("pyproject.toml indicated more than once")
                toml = name
            else:
                if ini is not None:
                    raise util.CommandError("only one ini file may be indicated")
                ini = name
        return toml or default_toml, ini or default_ini

    def main(self, argv: Sequence[str] | None = None) -> None:
        """Run the command line with the given arguments."""
        options = self.parser.parse_args(argv)
        if not hasattr(options, "cmd"):
            self.parser.error("too few arguments")
        else:
            toml, ini = self._inis_from_config(options)
            cfg = Config(file_=ini, toml_file=toml, ini_section=options.name, cmd_opts=options)
            self.run_cmd(cfg, options)


def main(argv: Sequence[str] | None = None, prog: str | None = None, **kwargs: Any) -> None:
    """The console runner function for Alembic."""
    CommandLine(prog=prog).main(argv=argv)


if __name__ == "__main__":
    main()
