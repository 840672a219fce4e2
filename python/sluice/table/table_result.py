"""Results of executed statements and queries (PyFlink's ``TableResult``)."""

from enum import Enum

from sluice.java_gateway import get_gateway
from sluice.table._java_object import JavaObject
from sluice.table.columns import Columns
from sluice.table.table_schema import TableSchema

__all__ = ['TableResult', 'ResultKind', 'CloseableIterator', 'JobClient', 'JobStatus']


class ResultKind(Enum):
    SUCCESS = 0
    SUCCESS_WITH_CONTENT = 1


class JobStatus(Enum):
    INITIALIZING = 0
    CREATED = 1
    RUNNING = 2
    FAILING = 3
    FAILED = 4
    CANCELLING = 5
    CANCELED = 6
    FINISHED = 7
    RESTARTING = 8
    SUSPENDED = 9
    RECONCILING = 10

    def is_globally_terminal_state(self):
        return self in (JobStatus.FAILED, JobStatus.CANCELED, JobStatus.FINISHED)

    def is_terminal_state(self):
        return self.is_globally_terminal_state() or self == JobStatus.SUSPENDED


class TableResult(JavaObject):
    """The result of ``execute_sql``, ``Table.execute``, ``execute_insert`` or a statement set."""

    def __init__(self, handle, t_env=None):
        super().__init__(handle)
        self._t_env = t_env

    def get_job_client(self):
        """The job of a query or INSERT, or None for statements without one."""
        value = self._invoke("getJobClient")
        if not value:
            return None
        client = JobClient(value["h"])
        client._t_env = self._t_env
        return client

    def wait(self, timeout_ms=None):
        """Waits until the job (if any) has finished, at most ``timeout_ms`` milliseconds (then TimeoutError);
        raises the job's error if it failed."""
        if timeout_ms is None:
            self._invoke("await")
            return
        _, reply, _ = get_gateway().request("await", h=self._j_handle, timeout_ms=int(timeout_ms))
        if reply.get("timed_out"):
            raise TimeoutError("the job did not finish within %d ms" % timeout_ms)

    def get_table_schema(self):
        value, _, _ = get_gateway().request("schema", h=self._j_handle)
        return TableSchema._from_reply(value)

    def get_resolved_schema(self):
        return self.get_table_schema()

    def get_result_kind(self):
        return ResultKind[self._invoke("getResultKind")]

    def collect(self):
        """The rows, as an iterator to use in a ``with`` block (closing it cancels an unfinished query)."""
        value, _, _ = get_gateway().request("collect", h=self._j_handle)
        return CloseableIterator(value["h"])

    def print(self):
        """Prints the rows as a table; a streaming query's rows appear as they arrive, with their row kind in the
        ``op`` column."""
        import secrets
        from sluice.java_gateway import expect_marker
        marker = "SLUICE_PRINTED_" + secrets.token_hex(8)
        printed = expect_marker(marker)
        value, _, _ = get_gateway().request("print", h=self._j_handle, marker=marker)
        if value is None:
            # a streaming result was printed row by row through the engine's stdout
            printed.wait()
            return
        print(value, end="" if value.endswith("\n") else "\n")


class CloseableIterator(object):
    """Rows of a result, fetched from the engine in batches of columns."""

    _BATCH = 8192

    def __init__(self, handle):
        self._handle = handle
        self._rows = []
        self._pos = 0
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        while self._pos >= len(self._rows):
            if self._done:
                raise StopIteration
            value, _, buffers = get_gateway().request("fetch", h=self._handle, max=self._BATCH)
            self._rows = Columns(value, buffers).rows()
            self._pos = 0
            self._done = value["done"]
        row = self._rows[self._pos]
        self._pos += 1
        return row

    next = __next__

    def close(self):
        if not self._done:
            self._done = True
            self._rows = []
            get_gateway().request("invoke", target=self._handle, method="close", args=[])

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()
        return False


class JobClient(JavaObject):
    """The running job of a result."""

    _t_env = None

    def get_job_id(self):
        return self._invoke("getJobID")

    def get_job_status(self):
        return _Future(JobStatus[self._invoke("getJobStatus")])

    def cancel(self):
        self._invoke("cancel")
        return _Future(None)

    def get_job_execution_result(self):
        value = self._invoke("getJobExecutionResult")
        return _JavaFuture(value["h"]) if value else _Future(None)

    def get_metrics(self):
        """The user-defined metrics of the job (a Sluice addition: PyFlink reads metrics through Flink's REST API
        or a reporter): a dict from ``<subtask>.<operator>.<group path>.<name>``, as Flink's REST API names a
        vertex's metrics, to the value: a counter's count, a gauge's value, ``{'count', 'rate'}`` of a meter,
        ``{'count', 'sum', 'min', 'max', 'mean'}`` of a distribution. Metrics stay readable after the job ended."""
        from sluice.java_gateway import get_gateway
        value, _, _ = get_gateway().request("job_metrics", h=self._j_handle)
        return value

    def _savepoint_directory(self, savepoint_directory, method):
        if savepoint_directory is not None:
            return str(savepoint_directory)
        config = self._t_env.get_config() if self._t_env is not None else None
        configured = config.get("execution.checkpointing.savepoint-dir", None) if config is not None else None
        if not configured:
            raise ValueError("%s needs a savepoint_directory, or 'execution.checkpointing.savepoint-dir' in the "
                             "table config" % method)
        return configured

    def stop_with_savepoint(self, advance_to_end_of_event_time, savepoint_directory=None, formatType=None):
        """Stops the job after it wrote a savepoint of its state under ``savepoint_directory`` (else the configured
        ``execution.checkpointing.savepoint-dir``); a future whose ``result()`` is the savepoint's path, to give to
        ``execution.savepoint.path``. With ``advance_to_end_of_event_time=True`` (Flink's drain) the sources stop
        first and a final MAX watermark flows through the job, so every event-time window and timer fires and its
        output reaches the sinks before the savepoint is taken."""
        directory = self._savepoint_directory(savepoint_directory, "stop_with_savepoint")
        value = self._invoke("stopWithSavepoint", bool(advance_to_end_of_event_time), directory)
        return _JavaFuture(value["h"])

    def trigger_savepoint(self, savepoint_directory=None, formatType=None):
        """Writes a savepoint of the job's state under ``savepoint_directory`` (else the configured
        ``execution.checkpointing.savepoint-dir``) while the job keeps running; a future whose ``result()`` is the
        savepoint's path."""
        directory = self._savepoint_directory(savepoint_directory, "trigger_savepoint")
        value = self._invoke("triggerSavepoint", directory)
        return _JavaFuture(value["h"])


class _Future(object):
    """A completed future, as PyFlink's ``CompletableFuture`` answers ``result()``."""

    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value

    def done(self):
        return True


class _JavaFuture(JavaObject):
    def result(self):
        return self._invoke("get")

    def done(self):
        return self._invoke("isDone")
