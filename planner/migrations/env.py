"""Alembic environment: batch mode for SQLite, our metadata, our pragmas."""

from alembic import context
from sqlalchemy import event

from planner.db import APPLICATION_ID, make_engine
from planner.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")


def run_migrations_online() -> None:
    engine = make_engine(url.removeprefix("sqlite:///"))
    # Foreign keys must be off while batch mode copies tables (SQLite's ALTER recipe).
    event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA foreign_keys=OFF"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    engine.dispose()


run_migrations_online()
