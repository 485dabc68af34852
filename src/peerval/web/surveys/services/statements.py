"""The few statements every survey request makes, written once as SQL.

The ORM compiles a query afresh on every call; for a query joining four tables that costs
more than running it. The survey's hot path (finding the respondent's draft with its
collection, wave and evaluation; saving a page into the draft) makes the same statements on
every request, so they are written here once per database from the models' own table and
column names. Values go in through each field's own preparation and come out through the
same converters the ORM applies, so callers get exactly the model instances the ORM would
give them (docs/adr/0008).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorDebugWrapper

__all__ = ["Insert", "JoinedRead", "Update"]

Converter = Callable[[Any, Any, Any], Any]


def _cursor(db: BaseDatabaseWrapper):
    """A cursor for one of these statements: Django's own, except on PostgreSQL.

    There it binds values on the server, so that the server can keep each statement
    prepared (parsed and planned once per connection, when the connection's
    ``prepare_threshold`` allows: see PEERVAL_DATABASE_PREPARE); Django's own cursors bind
    on the client, which cannot be prepared. It is wrapped as Django wraps its own (health
    check, error mapping, query logging).
    """
    if db.vendor != "postgresql":
        return db.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    db.close_if_health_check_failed()
    db.ensure_connection()
    db.validate_thread_sharing()
    with db.wrap_database_errors:
        raw = ServerBindingCursor(db.connection)
    return _Logged(raw, db) if db.queries_logged else db.make_cursor(raw)


class _Logged(CursorDebugWrapper):
    """Django's query log, given the statement as written (with ``%s`` for its values).

    Django logs what the client-binding cursor sent; a server-binding cursor running a
    prepared statement keeps no such text, so the log would hold ``None``.
    """

    @contextmanager
    def debug_sql(self, sql=None, params=None, use_last_executed_query=False, many=False):
        with super().debug_sql(sql, params, use_last_executed_query=False, many=many):
            yield


def _database() -> BaseDatabaseWrapper:
    """This thread's connection itself: each attribute read through ``django.db.connection``
    looks the connection up again, which on the hot path costs more than the reads."""
    return connections[DEFAULT_DB_ALIAS]


class _Part:
    """One model in a joined read: its alias, columns and value converters."""

    def __init__(self, model: type[models.Model], alias: str, via: str | None) -> None:
        self.model = model
        self.alias = alias
        self.via = via  # the foreign key on the previous part that leads here
        self.fields = list(model._meta.concrete_fields)
        self.converters: list[list[Converter]] = []
        self.cols: list[Any] = []
        self.columns: list[str] = []

    def prepare(self, db: BaseDatabaseWrapper) -> None:
        """Find the converters this database needs, as the ORM's compiler does."""
        quote = db.ops.quote_name
        self.columns = [f"{self.alias}.{quote(field.column)}" for field in self.fields]
        self.cols = [field.get_col(self.alias) for field in self.fields]
        self.converters = [
            db.ops.get_db_converters(col) + col.get_db_converters(db) for col in self.cols
        ]

    def build(self, db: BaseDatabaseWrapper, values: Sequence[Any]) -> models.Model:
        converted = list(values)
        for index, converters in enumerate(self.converters):
            for convert in converters:
                converted[index] = convert(converted[index], self.cols[index], db)
        return self.model.from_db(db.alias, None, converted)


class JoinedRead:
    """``SELECT`` one row of a model together with a chain of the objects its foreign
    keys lead to, as ``select_related`` along that chain would.

    ``JoinedRead(Response, ["collection", "wave", "evaluation"], [(1, "token"), (0,
    "public_id")])`` reads a response with its collection, the collection's wave and the
    wave's evaluation, where the collection's token and the response's public id equal the
    values given; 0 is the first model, 1 the next along the chain, and so on.
    ``get(..., lock=True)`` adds ``FOR UPDATE OF`` the first table where the database has
    row locks (PostgreSQL); SQLite's immediate transactions already hold the write lock.
    """

    def __init__(
        self,
        model: type[models.Model],
        chain: Sequence[str],
        where: Sequence[tuple[int, str]],
    ) -> None:
        self.parts = [_Part(model, "t0", None)]
        for number, name in enumerate(chain, start=1):
            field = self.parts[-1].model._meta.get_field(name)
            self.parts.append(_Part(field.related_model, f"t{number}", name))
        self.where = [(self.parts[at], self.parts[at].model._meta.get_field(n)) for at, n in where]
        self._vendor: str | None = None
        self._sql: dict[bool, str] = {}

    def _prepare(self, db: BaseDatabaseWrapper) -> None:
        if self._vendor == db.vendor:
            return
        quote = db.ops.quote_name
        first = self.parts[0]
        tables = [f"{quote(first.model._meta.db_table)} t0"]
        for part in self.parts:
            part.prepare(db)
        for previous, part in zip(self.parts, self.parts[1:], strict=False):
            fk = previous.model._meta.get_field(part.via)
            target = part.model._meta.get_field(fk.target_field.name).column
            tables.append(
                f"INNER JOIN {quote(part.model._meta.db_table)} {part.alias} "
                f"ON {previous.alias}.{quote(fk.column)} = {part.alias}.{quote(target)}"
            )
        columns = ", ".join(column for part in self.parts for column in part.columns)
        conditions = " AND ".join(
            f"{part.alias}.{quote(field.column)} = %s" for part, field in self.where
        )
        sql = f"SELECT {columns} FROM {' '.join(tables)} WHERE {conditions} LIMIT 1"
        self._sql = {False: sql, True: sql}
        if db.features.has_select_for_update_of:
            self._sql[True] = sql + " FOR UPDATE OF t0"
        self._vendor = db.vendor

    def get(self, params: Sequence[Any], *, lock: bool = False) -> models.Model | None:
        """The first model's instance with the chain's objects attached, or None."""
        db = _database()
        self._prepare(db)
        prepared = [
            field.get_db_prep_value(value, db)
            for (_, field), value in zip(self.where, params, strict=True)
        ]
        with _cursor(db) as cursor:
            cursor.execute(self._sql[lock], prepared)
            row = cursor.fetchone()
        if row is None:
            return None
        objects = []
        start = 0
        for part in self.parts:
            end = start + len(part.fields)
            objects.append(part.build(db, row[start:end]))
            start = end
        for holder, part, found in zip(objects, self.parts[1:], objects[1:], strict=False):
            setattr(holder, part.via, found)  # sets the foreign key's cache, as the ORM does
        return objects[0]


class _Columns:
    """Some columns of one model's table, and a statement written from them once per
    database; values are prepared by each field as the ORM would prepare them to save."""

    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        meta = model._meta
        self.fields = [meta.get_field(name) for name in names]
        self.pk = meta.pk
        self.table = meta.db_table
        self._vendor: str | None = None
        self._sql = ""

    def _write(self, quote: Callable[[str], str]) -> str:
        raise NotImplementedError

    def sql(self, db: BaseDatabaseWrapper) -> str:
        if self._vendor != db.vendor:
            self._sql = self._write(db.ops.quote_name)
            self._vendor = db.vendor
        return self._sql

    def params(self, db: BaseDatabaseWrapper, values: Sequence[Any]) -> list[Any]:
        return [
            field.get_db_prep_save(value, db)
            for field, value in zip(self.fields, values, strict=True)
        ]


class Insert(_Columns):
    """``INSERT`` one row of some columns of a model, as plain SQL.

    ``Insert(Record, ["key", "scope"]).run([key, scope])``; IntegrityError when the row
    breaks a constraint.
    """

    def _write(self, quote: Callable[[str], str]) -> str:
        columns = ", ".join(quote(field.column) for field in self.fields)
        marks = ", ".join("%s" for _ in self.fields)
        return f"INSERT INTO {quote(self.table)} ({columns}) VALUES ({marks})"

    def run(self, values: Sequence[Any]) -> None:
        db = _database()
        with _cursor(db) as cursor:
            cursor.execute(self.sql(db), self.params(db, values))


class Update(_Columns):
    """``UPDATE`` some columns of one row, found by primary key, as plain SQL.

    ``Update(Response, ["answers", "updated_at"]).run(pk, [answers, now])``; values are
    prepared by each field (JSON encoding, dates), as ``Model.save(update_fields=...)``
    would, without the ORM compiling the statement each time.

    ``run(..., along=(insert, values))`` also inserts a row, in the same transaction: on
    PostgreSQL in the same statement (``WITH ... AS (INSERT ...) UPDATE ...``), which saves
    a round trip to the server; elsewhere just after the update. Either way the caller's
    transaction gets IntegrityError if the insert breaks a constraint.
    """

    def _write(self, quote: Callable[[str], str]) -> str:
        assignments = ", ".join(f"{quote(field.column)} = %s" for field in self.fields)
        return f"UPDATE {quote(self.table)} SET {assignments} WHERE {quote(self.pk.column)} = %s"

    def run(
        self,
        pk: Any,
        values: Sequence[Any],
        *,
        along: tuple[Insert, Sequence[Any]] | None = None,
    ) -> int:
        """Rows changed (0 or 1)."""
        db = _database()
        sql = self.sql(db)
        params = self.params(db, values) + [self.pk.get_db_prep_value(pk, db)]
        with _cursor(db) as cursor:
            if along is not None and db.vendor == "postgresql":
                # a data-modifying WITH runs even though nothing reads it (SQLite has none)
                insert, inserted = along
                sql = f"WITH inserted AS ({insert.sql(db)}) {sql}"
                cursor.execute(sql, insert.params(db, inserted) + params)
                return cursor.rowcount
            cursor.execute(sql, params)
            changed = cursor.rowcount
        if along is not None:
            along[0].run(along[1])
        return changed
