"""``alembic.runtime.environment``: ``EnvironmentContext``, the ``alembic.context`` that a
project's ``env.py`` drives (``configure``, ``begin_transaction``, ``run_migrations``).

Every option of Alembic's ``configure()`` is accepted with Alembic's meaning. The ones only
autogenerate reads (``target_metadata``, ``include_*``, ``compare_*``, ``render_*``,
``*_module_prefix``, ``process_revision_directives``) are kept in the options as Alembic keeps
them; unknown keywords go into the options too, as with Alembic. Online mode (``connection=``)
is refused by ``MigrationContext`` until the online executor exists.
"""

from __future__ import annotations

from typing import Any

from .. import util
from .migration import MigrationContext


class EnvironmentContext(util.ModuleClsProxy):
    """A configurational facade made available in an ``env.py`` script."""

    # `from alembic import context; context.configure(...)` (util.ModuleClsProxy)
    _proxy_module = "alembic.context"

    _migration_context: MigrationContext | None = None

    config: Any = None
    script: Any = None

    def __init__(self, config: Any, script: Any, **kw: Any) -> None:
        self.config = config
        self.script = script
        self.context_opts = kw

    def __enter__(self) -> EnvironmentContext:
        self._install_proxy()
        return self

    def __exit__(self, *arg: Any, **kw: Any) -> None:
        self._remove_proxy()

    def is_offline_mode(self) -> bool:
        return self.context_opts.get("as_sql", False)

    def is_transactional_ddl(self) -> bool:
        return self.get_context().impl.transactional_ddl

    def requires_connection(self) -> bool:
        return not self.is_offline_mode()

    def get_head_revision(self) -> Any:
        return self.script.as_revision_number("head")

    def get_head_revisions(self) -> Any:
        return self.script.as_revision_number("heads")

    def get_starting_revision_argument(self) -> Any:
        if self._migration_context is not None:
            return self.script.as_revision_number(self.get_context()._start_from_rev)
        elif "starting_rev" in self.context_opts:
            return self.script.as_revision_number(self.context_opts["starting_rev"])
        else:
            raise util.CommandError("No starting revision argument is available.")

    def get_revision_argument(self) -> Any:
        return self.script.as_revision_number(self.context_opts["destination_rev"])

    def get_tag_argument(self) -> str | None:
        return self.context_opts.get("tag", None)

    def get_x_argument(self, as_dictionary: bool = False) -> Any:
        if self.config.cmd_opts is not None:
            value = self.config.cmd_opts.x or []
        else:
            value = []
        if as_dictionary:
            dict_value = {}
            for arg in value:
                x_key, _, x_value = arg.partition("=")
                dict_value[x_key] = x_value
            value = dict_value
        return value

    def configure(
        self,
        connection: Any = None,
        url: Any = None,
        dialect_name: str | None = None,
        dialect_opts: dict[str, Any] | None = None,
        transactional_ddl: bool | None = None,
        transaction_per_migration: bool = False,
        output_buffer: Any = None,
        starting_rev: str | None = None,
        tag: str | None = None,
        template_args: dict[str, Any] | None = None,
        render_as_batch: bool = False,
        target_metadata: Any = None,
        include_name: Any = None,
        include_object: Any = None,
        include_schemas: bool = False,
        process_revision_directives: Any = None,
        compare_type: Any = True,
        compare_server_default: Any = False,
        render_item: Any = None,
        literal_binds: bool = False,
        upgrade_token: str = "upgrades",
        downgrade_token: str = "downgrades",
        alembic_module_prefix: str = "op.",
        sqlalchemy_module_prefix: str = "sa.",
        user_module_prefix: str | None = None,
        on_version_apply: Any = None,
        autogenerate_plugins: Any = None,
        **kw: Any,
    ) -> None:
        """Configure a :class:`.MigrationContext` within this :class:`.EnvironmentContext`."""
        opts = self.context_opts
        if transactional_ddl is not None:
            opts["transactional_ddl"] = transactional_ddl
        if output_buffer is not None:
            opts["output_buffer"] = output_buffer
        elif self.config.output_buffer is not None:
            opts["output_buffer"] = self.config.output_buffer
        if starting_rev:
            opts["starting_rev"] = starting_rev
        if tag:
            opts["tag"] = tag
        if template_args and "template_args" in opts:
            opts["template_args"].update(template_args)
        opts["transaction_per_migration"] = transaction_per_migration
        opts["target_metadata"] = target_metadata
        opts["include_name"] = include_name
        opts["include_object"] = include_object
        opts["include_schemas"] = include_schemas
        opts["render_as_batch"] = render_as_batch
        opts["upgrade_token"] = upgrade_token
        opts["downgrade_token"] = downgrade_token
        opts["sqlalchemy_module_prefix"] = sqlalchemy_module_prefix
        opts["alembic_module_prefix"] = alembic_module_prefix
        opts["user_module_prefix"] = user_module_prefix
        opts["literal_binds"] = literal_binds
        opts["process_revision_directives"] = process_revision_directives
        opts["on_version_apply"] = util.to_tuple(on_version_apply, default=())
        if autogenerate_plugins is not None:
            opts["autogenerate_plugins"] = autogenerate_plugins
        if render_item is not None:
            opts["render_item"] = render_item
        opts["compare_type"] = compare_type
        if compare_server_default is not None:
            opts["compare_server_default"] = compare_server_default
        opts["script"] = self.script
        opts.update(kw)
        self._migration_context = MigrationContext.configure(
            connection=connection,
            url=url,
            dialect_name=dialect_name,
            environment_context=self,
            dialect_opts=dialect_opts,
            opts=opts,
        )

    def run_migrations(self, **kw: Any) -> None:
        """Run migrations as determined by the current command line configuration."""
        from ..operations import Operations

        assert self._migration_context is not None
        with Operations.context(self._migration_context):
            self.get_context().run_migrations(**kw)

    def execute(self, sql: Any, execution_options: dict[str, Any] | None = None) -> None:
        """Execute the given SQL using the current change context."""
        self.get_context().execute(sql, execution_options=execution_options)

    def static_output(self, text: str) -> None:
        """Emit text directly to the "offline" SQL stream."""
        self.get_context().impl.static_output(text)

    def begin_transaction(self) -> Any:
        """Return a context manager that will enclose an operation within a "transaction"."""
        return self.get_context().begin_transaction()

    def get_context(self) -> MigrationContext:
        """Return the current :class:`.MigrationContext` object."""
        if self._migration_context is None:
            raise Exception("No context has been configured yet.")
        return self._migration_context

    def get_bind(self) -> Any:
        """Return the current 'bind'."""
        return self.get_context().bind

    def get_impl(self) -> Any:
        return self.get_context().impl
