from .config import main

main(prog="alembic")
