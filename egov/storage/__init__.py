"""The storage package: everything that connects, migrates or opens a transaction.

- ``db``: the connection, migrations, transactions and snapshots;
- ``sql``: the runner of the named queries under ``queries/``;
- ``store``: batches written in one transaction with before-images, and undo;
- ``audit``: the hash-chained audit log, written in the same transactions;
- ``backup``: snapshots, restore and their checks;
- ``postgres``: the PostgreSQL backend (DuckDB attaching the shared store),
  the one module where the two backends differ;
- ``transfer``: a whole store copied between the backends, checked.

Nothing outside this package calls ``duckdb.connect`` or knows which backend
the store runs on.
"""
