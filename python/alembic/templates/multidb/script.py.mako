<%!
import re

%>"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# Identifiers that place this file in the revision graph.
revision: str = ${repr(up_revision)}
down_revision: Union[str, Sequence[str], None] = ${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = ${repr(depends_on)}


def upgrade(engine_name: str) -> None:
    """Apply this revision to the database named engine_name."""
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    """Revert this revision from the database named engine_name."""
    globals()["downgrade_%s" % engine_name]()

<%
    db_names = config.get_main_option("databases")
%>

## One upgrade_<name>() / downgrade_<name>() pair per database listed in the
## "databases" option; autogenerate fills <name>_upgrades / <name>_downgrades.

% for db_name in re.split(r',\s*', db_names):

def upgrade_${db_name}() -> None:
    """Apply this revision to the ${db_name} database."""
    ${context.get("%s_upgrades" % db_name, "pass")}


def downgrade_${db_name}() -> None:
    """Revert this revision from the ${db_name} database."""
    ${context.get("%s_downgrades" % db_name, "pass")}

% endfor
