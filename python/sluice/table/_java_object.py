"""Python objects that stand for Java objects held by the engine."""

from sluice.java_gateway import get_gateway
from sluice.table.expression import to_arg


class JavaObject(object):
    """A handle to a Java object of the engine; ``_invoke`` calls one of its public methods."""

    def __init__(self, handle):
        self._j_handle = handle

    def __del__(self):
        if getattr(self, "_pinned", False):
            return
        try:
            import sluice.java_gateway as gw
            if gw._gateway is not None:
                gw._gateway.release_later(self._j_handle)
        except Exception:
            pass

    def _invoke(self, method, *args):
        value, _, _ = get_gateway().request("invoke", target=self._j_handle, method=method,
                                            args=[to_arg(a) for a in args])
        return value


def wrap(value, t_env):
    """The Python wrapper of a value the engine answered (a handle becomes the Python class of its API type)."""
    if not isinstance(value, dict) or "h" not in value:
        return value
    from sluice.table.table import (Table, GroupedTable, GroupWindowedTable, WindowGroupedTable,
                                    OverWindowedTable, AggregatedTable, TablePipeline)
    from sluice.table.table_result import TableResult
    from sluice.table.statement_set import StatementSet
    classes = {"Table": Table, "GroupedTable": GroupedTable, "GroupWindowedTable": GroupWindowedTable,
               "WindowGroupedTable": WindowGroupedTable, "OverWindowedTable": OverWindowedTable,
               "AggregatedTable": AggregatedTable, "TableResult": TableResult, "StatementSet": StatementSet,
               "TablePipeline": TablePipeline, "FlatAggregateTable": AggregatedTable}
    cls = classes.get(value.get("cls"))
    if cls is None:
        return JavaObject(value["h"])
    return cls(value["h"], t_env)
