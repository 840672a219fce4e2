"""A TableEnvironment attached to a running ``bin/sluice-server`` over its Flink SQL Gateway REST API.

``TableEnvironment.create(...)`` attaches instead of starting an engine when ``SLUICE_SERVER_URL`` (for example
``http://127.0.0.1:8081``) is set in the environment or ``sluice.server.url`` in the settings' configuration; the
password of a server that requires one comes from ``SLUICE_SERVER_PASSWORD`` or ``sluice.server.password``.

Attached, everything is SQL run in a server session: ``execute_sql``, ``sql_query``, ``from_path``,
``create_temporary_view`` of such tables, ``get_config().set``, statement sets, ``explain_sql``, and the results
(``print``, ``collect`` with row kinds, ``wait``, ``get_job_client``, ``Table.to_pandas``). What needs Python code or
data in the engine's process raises ``NotImplementedError``: Python UDFs, ``from_elements``/``from_pandas`` and the
expression Table API (``select(col(...))``, ...). Only the standard library is used (``urllib``).
"""

import base64
import datetime
import decimal
import itertools
import json
import os
import time
import urllib.error
import urllib.request

from sluice.common.types import Row, RowKind
from sluice.util.exceptions import JavaException

__all__ = ['server_url', 'RemoteTableEnvironment']

_API = "/v3"


def server_url(settings):
    """The server to attach to for these settings, or None to start a local engine."""
    conf = settings.get_configuration().to_dict() if settings is not None else {}
    return conf.get("sluice.server.url") or os.environ.get("SLUICE_SERVER_URL") or None


def _attached(what):
    return NotImplementedError("not supported yet: %s when attached to a Sluice server (SLUICE_SERVER_URL or "
                               "sluice.server.url); run it as SQL, or without the server in a local engine" % what)


class ServerError(JavaException):
    """An error the server answered."""

    def __init__(self, message, status):
        super().__init__(message, "ServerError")
        self.status = status


class _Rest(object):
    def __init__(self, url, password):
        self._url = url.rstrip("/")
        self._auth = None
        if password:
            token = base64.b64encode(("sluice:" + password).encode("utf-8")).decode("ascii")
            self._auth = "Basic " + token

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self._url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if self._auth:
            req.add_header("Authorization", self._auth)
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                text = resp.read()
        except urllib.error.HTTPError as e:
            try:
                errors = json.loads(e.read()).get("errors") or [str(e)]
            except ValueError:
                errors = [str(e)]
            message = "\n".join(str(x) for x in errors)
            if message.startswith("not supported yet"):
                raise NotImplementedError(message) from None
            raise ServerError(message, e.code) from None
        except urllib.error.URLError as e:
            raise ConnectionError("Cannot reach the Sluice server at %s: %s" % (self._url, e.reason)) from None
        return json.loads(text) if text else {}


def _convert(type_name, v):
    if v is None:
        return None
    t = type_name.upper()
    try:
        if t == "DECIMAL":
            return decimal.Decimal(str(v))
        if t == "DATE":
            return datetime.date.fromisoformat(v)
        if t.startswith("TIMESTAMP"):
            text = v.replace("T", " ").rstrip("Z")
            return datetime.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return v
    return v


class _Operation(object):
    """One statement's operation in the session: its pages of rows, fetched as they are needed."""

    def __init__(self, env, statement):
        self._env = env
        self._rest = env._rest
        self._path = None
        self.columns = None
        self.types = None
        self.job_id = None
        self.result_kind = None
        self._next = None
        self._ended = False
        value = self._rest.call("POST", "%s/sessions/%s/statements" % (_API, env._session),
                                {"statement": statement})
        self._path = "%s/sessions/%s/operations/%s" % (_API, env._session, value["operationHandle"])
        self._next = self._path + "/result/0?rowFormat=JSON"
        self._buffer = []
        self._fetch()

    def _fetch(self):
        """Fetches the next page that is ready (or the end); its rows go to the buffer."""
        while self._next is not None:
            page = self._rest.call("GET", self._next)
            results = page.get("results", {})
            if self.columns is None and results.get("columns") is not None and page.get("resultType") != "NOT_READY":
                self.columns = [c["name"] for c in results["columns"]]
                self.types = [c.get("logicalType", {}).get("type", "") for c in results["columns"]]
            self.job_id = page.get("jobID", self.job_id)
            self.result_kind = page.get("resultKind", self.result_kind)
            self._next = page.get("nextResultUri")
            if page.get("resultType") == "NOT_READY":
                continue
            for r in results.get("data", []):
                row = Row(*[_convert(t, v) for t, v in zip(self.types, r["fields"])])
                row.set_field_names(self.columns)
                row.set_row_kind(RowKind[r.get("kind", "INSERT")])
                self._buffer.append(row)
            if self._buffer or self._next is None:
                break
        if self._next is None:
            self._ended = True

    def rows(self):
        while True:
            while self._buffer:
                yield self._buffer.pop(0)
            if self._ended:
                return
            self._fetch()

    def close(self):
        if self._path is not None:
            try:
                if not self._ended:
                    self._rest.call("POST", self._path + "/cancel")
                self._rest.call("DELETE", self._path + "/close")
            except (ServerError, ConnectionError):
                pass
            self._path = None


class RemoteCloseableIterator(object):
    """The rows of a result; closing it cancels an unfinished query."""

    def __init__(self, operation):
        self._op = operation
        self._rows = operation.rows()

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._rows)

    def close(self):
        self._op.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class RemoteJobClient(object):
    """A job of the server (its REST job API)."""

    def __init__(self, env, job_id):
        self._env = env
        self._job_id = job_id

    def get_job_id(self):
        return self._job_id

    def _state(self):
        return self._env._rest.call("GET", "/jobs/%s" % self._job_id).get("state")

    def get_job_status(self):
        from sluice.table.table_result import JobStatus, _Future
        return _Future(JobStatus[self._state()])

    def cancel(self):
        from sluice.table.table_result import _Future
        self._env._rest.call("PATCH", "/jobs/%s?mode=cancel" % self._job_id)
        return _Future(None)

    def wait(self, timeout_ms=None):
        deadline = None if timeout_ms is None else time.time() + timeout_ms / 1000.0
        while True:
            state = self._state()
            if state in ("FINISHED", "CANCELED"):
                return
            if state == "FAILED":
                exceptions = self._env._rest.call("GET", "/jobs/%s/exceptions" % self._job_id)
                root = exceptions.get("root-exception") or "the job failed"
                raise ServerError(root, 500)
            if deadline is not None and time.time() > deadline:
                raise TimeoutError("the job did not finish within %d ms" % timeout_ms)
            time.sleep(0.05)


class RemoteTableResult(object):
    """The result of a statement run by the server."""

    def __init__(self, env, statement):
        self._env = env
        self._op = _Operation(env, statement)

    def get_job_client(self):
        return RemoteJobClient(self._env, self._op.job_id) if self._op.job_id else None

    def wait(self, timeout_ms=None):
        """Waits for the statement's job (an INSERT's, or a query's) to finish; raises its error if it failed."""
        client = self.get_job_client()
        if client is None:
            for _ in self._op.rows():
                pass
            return
        if self._op.columns and self._op.columns[0] == "job id":
            client.wait(timeout_ms)
        else:
            for _ in self._op.rows():
                pass

    def get_result_kind(self):
        from sluice.table.table_result import ResultKind
        return ResultKind[self._op.result_kind or "SUCCESS_WITH_CONTENT"]

    def collect(self):
        return RemoteCloseableIterator(self._op)

    def get_column_names(self):
        return list(self._op.columns or [])

    def print(self):
        rows = list(self._op.rows())
        self._op.close()
        print(_tableau(self._op.columns or [], rows, self._env._streaming))


def _text(v):
    if v is None:
        return "<NULL>"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    return str(v)


def _tableau(columns, rows, streaming):
    """The rows as a table, in the shape of the engine's printed results."""
    if streaming:
        columns = ["op"] + columns
        cells = [[r.get_row_kind().short_string()] + [_text(v) for v in r] for r in rows]
    else:
        cells = [[_text(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line, "|" + "|".join(" %s " % c.rjust(w) for c, w in zip(columns, widths)) + "|", line]
    for row in cells:
        out.append("|" + "|".join(" %s " % c.rjust(w) for c, w in zip(row, widths)) + "|")
    out.append(line if cells else "Empty set")
    if cells:
        if streaming:
            out.append("Received a total of %d row%s" % (len(cells), "" if len(cells) == 1 else "s"))
        else:
            out.append("%d row%s in set" % (len(cells), "" if len(cells) == 1 else "s"))
    return "\n".join(out)


class RemoteTable(object):
    """A table of the attached server: a query's text. SQL-backed methods work; the expression Table API does not."""

    _view_counter = itertools.count()

    def __init__(self, env, query):
        self._env = env
        self._query = query

    def execute(self):
        return self._env.execute_sql(self._query)

    def execute_insert(self, table_path, overwrite=False):
        return self._env.execute_sql("INSERT %s %s %s" % ("OVERWRITE" if overwrite else "INTO", table_path,
                                                           self._query))

    def explain(self, *extra_details):
        return self._env.explain_sql(self._query)

    def get_schema(self):
        from sluice.table.table_schema import TableSchema
        from sluice.table.types import _from_sql
        name = "`__sluice_schema_%d`" % next(RemoteTable._view_counter)
        self._env.execute_sql("CREATE TEMPORARY VIEW %s AS %s" % (name, self._query)).wait()
        try:
            with self._env.execute_sql("DESCRIBE %s" % name).collect() as rows:
                described = [(r[0], r[1]) for r in rows]
        finally:
            self._env.execute_sql("DROP TEMPORARY VIEW %s" % name).wait()
        return TableSchema([n for n, _ in described], [_from_sql(t) for _, t in described])

    def print_schema(self):
        print(self.get_schema())

    def to_pandas(self):
        """The final table of the query (its changelog applied) as a DataFrame."""
        import pandas as pd
        result = self._env.execute_sql(self._query)
        rows = []
        with result.collect() as it:
            for r in it:
                values = tuple(r)
                if r.get_row_kind() in (RowKind.INSERT, RowKind.UPDATE_AFTER):
                    rows.append(values)
                else:
                    rows.remove(values)
        return pd.DataFrame.from_records(rows, columns=result.get_column_names())

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise _attached("Table.%s (the expression Table API)" % name)


class _RemoteConfig(object):
    def __init__(self, env):
        self._env = env
        self._values = {}

    def set(self, key, value):
        self._env._configure("SET '%s' = '%s'" % (key.replace("'", "''"), str(value).replace("'", "''")))
        self._values[key] = str(value)
        return self

    def get(self, key, default_value=None):
        return self._values.get(key, default_value)

    def set_local_timezone(self, timezone_id):
        return self.set("table.local-time-zone", timezone_id)


class _RemoteStatementSet(object):
    def __init__(self, env):
        self._env = env
        self._statements = []

    def add_insert_sql(self, stmt):
        self._statements.append(stmt.strip().rstrip(";"))
        return self

    def add_insert(self, target_path, table, overwrite=False):
        if not isinstance(table, RemoteTable):
            raise _attached("StatementSet.add_insert with a descriptor")
        return self.add_insert_sql("INSERT %s %s %s" % ("OVERWRITE" if overwrite else "INTO", target_path,
                                                         table._query))

    def execute(self):
        body = "".join("  %s;\n" % s for s in self._statements)
        self._statements = []
        return self._env.execute_sql("EXECUTE STATEMENT SET BEGIN\n%sEND" % body)

    def explain(self, *extra_details):
        return self._env.explain_sql("STATEMENT SET BEGIN\n%sEND" % "".join("  %s;\n" % s for s in self._statements))


class RemoteTableEnvironment(object):
    """A TableEnvironment whose statements run in a session of a running Sluice server."""

    def __init__(self, url, settings):
        conf = settings.get_configuration().to_dict()
        password = conf.get("sluice.server.password") or os.environ.get("SLUICE_SERVER_PASSWORD")
        self._rest = _Rest(url, password)
        self._streaming = settings.is_streaming_mode()
        properties = {k: v for k, v in conf.items() if not k.startswith("sluice.server.")}
        properties["execution.runtime-mode"] = "streaming" if self._streaming else "batch"
        self._session = self._rest.call("POST", "%s/sessions" % _API, {"properties": properties})["sessionHandle"]
        self._config = _RemoteConfig(self)

    def close(self):
        """Closes the server session (its temporary tables and views end with it)."""
        if self._session is not None:
            try:
                self._rest.call("DELETE", "%s/sessions/%s" % (_API, self._session))
            except (ServerError, ConnectionError):
                pass
            self._session = None

    def _configure(self, statement):
        self._rest.call("POST", "%s/sessions/%s/configure-session" % (_API, self._session),
                        {"statement": statement})

    # SQL
    def execute_sql(self, stmt):
        return RemoteTableResult(self, stmt)

    def sql_query(self, query):
        return RemoteTable(self, query)

    def explain_sql(self, stmt, *extra_details):
        with self.execute_sql("EXPLAIN " + stmt).collect() as rows:
            return "\n".join(str(r[0]) for r in rows)

    def from_path(self, path):
        return RemoteTable(self, "SELECT * FROM %s" % path)

    def create_temporary_view(self, view_path, table, *fields):
        if not isinstance(table, RemoteTable):
            raise _attached("create_temporary_view of a local table or DataStream")
        columns = "(%s) " % ", ".join("`%s`" % f for f in fields) if fields else ""
        self.execute_sql("CREATE TEMPORARY VIEW %s %sAS %s" % (view_path, columns, table._query)).wait()

    def drop_temporary_view(self, view_path):
        self.execute_sql("DROP TEMPORARY VIEW IF EXISTS %s" % view_path).wait()
        return True

    def list_tables(self):
        with self.execute_sql("SHOW TABLES").collect() as rows:
            return [r[0] for r in rows]

    def list_views(self):
        with self.execute_sql("SHOW VIEWS").collect() as rows:
            return [r[0] for r in rows]

    def use_catalog(self, catalog_name):
        self._configure("USE CATALOG `%s`" % catalog_name.replace("`", "``"))

    def use_database(self, database_name):
        self._configure("USE `%s`" % database_name.replace("`", "``"))

    def create_java_temporary_system_function(self, name, function_class_name):
        self.execute_sql("CREATE TEMPORARY SYSTEM FUNCTION `%s` AS '%s'" % (name, function_class_name)).wait()

    def get_config(self):
        return self._config

    def create_statement_set(self):
        return _RemoteStatementSet(self)

    # what needs the engine in this process
    def from_elements(self, elements, schema=None, verify_schema=True):
        raise _attached("from_elements")

    def from_pandas(self, pdf, schema=None, splits_num=1):
        raise _attached("from_pandas")

    def create_temporary_system_function(self, name, function):
        raise _attached("Python functions (the server has no Python workers for this process)")

    def create_temporary_function(self, path, function):
        raise _attached("Python functions (the server has no Python workers for this process)")

    def from_descriptor(self, descriptor):
        raise _attached("from_descriptor")
