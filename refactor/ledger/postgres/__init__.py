"""The ledger in a PostgreSQL database: `--ledger postgresql://user@host:port/db`.

The same tables, columns and numbered migrations as the SQLite ledger, in PostgreSQL's
dialect (schema.sql and migrations/ here). `PgConnection` runs the ledger's SQL unchanged.
psycopg is an optional dependency: `pip install 'refactor[postgres]'`.
"""

from refactor.ledger.postgres.connection import PgConnection, connect, display_name, exists

__all__ = ["PgConnection", "connect", "display_name", "exists"]
