#!/usr/bin/env bash
# Create and apply the initial migration against the database in .env.
set -euo pipefail

if [ ! -f .env ]; then
    echo "❌ .env not found: cp .env.example .env and set DATABASE_URL" >&2
    exit 1
fi
# shellcheck disable=SC1091
source .env
if [ -z "${DATABASE_URL:-}" ]; then
    echo "❌ DATABASE_URL is not set in .env" >&2
    exit 1
fi

echo "✅ DATABASE_URL found"
if [ -z "$(ls -A alembic/versions 2>/dev/null)" ]; then
    alembic revision --autogenerate -m "Initial schema"
fi
alembic upgrade head
alembic current
