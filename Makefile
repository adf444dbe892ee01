# alembic-rs developer commands. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
DEMO := alembic_compat/trip_planner

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

dev: ## build the extension into .venv (uv sync; bytecode compiled, as tests run without writing it)
	uv sync --compile-bytecode

stubs: ## regenerate python/alembic/op.pyi and context.pyi from Operations/EnvironmentContext
	uv run python tools/write_pyi.py

op-types: ## regenerate the Op JSON Schema snapshot and python/alembic/operations/_op_types.py from the Rust serde types
	uv run python tools/write_op_types.py

# The demo database: DEMO_DATABASE_URL, else a fresh database on the local server.
DEMO_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/trip_planner_demo

demo: dev ## the main job: migrate the trip planner example project (offline SQL, then a database)
	cd $(DEMO) && ../../.venv/bin/alembic heads && ../../.venv/bin/alembic history --verbose
	cd $(DEMO) && DATABASE_URL=$(DEMO_DATABASE_URL) ../../.venv/bin/alembic upgrade head --sql
	.venv/bin/python tests/fresh_database.py $(DEMO_DATABASE_URL)
	cd $(DEMO) && export DATABASE_URL=$(DEMO_DATABASE_URL) && \
	  ../../.venv/bin/alembic upgrade head && ../../.venv/bin/alembic current && \
	  ../../.venv/bin/alembic downgrade -1 && ../../.venv/bin/alembic upgrade head && \
	  ../../.venv/bin/alembic current --verbose

lint: ## rustfmt, clippy -D warnings, ruff
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	uv run ruff check python tests bench tools
	uv run ruff format --check python tests bench tools

test: dev lint ## the whole test suite: lint, cargo test, pytest (real Alembic as oracle)
	cargo test --workspace --exclude alembic_rs_py
	uv run pytest -n 2 --dist loadfile

bench: dev ## time alembic-rs against real Alembic in the same run
	uv run python bench/run.py

.PHONY: help dev stubs op-types demo lint test bench
