"""Several INSERTs run as one job (PyFlink's ``StatementSet``)."""

from sluice.table._java_object import JavaObject, wrap

__all__ = ['StatementSet']


class StatementSet(JavaObject):
    def __init__(self, handle, t_env=None):
        super().__init__(handle)
        self._t_env = t_env

    def add_insert_sql(self, stmt):
        self._invoke("addInsertSql", stmt)
        return self

    def add_insert(self, target_path_or_descriptor, table, overwrite=False):
        if not isinstance(target_path_or_descriptor, str):
            raise NotImplementedError("not supported yet: StatementSet.add_insert with a TableDescriptor in Python")
        if overwrite:
            raise NotImplementedError("not supported yet: StatementSet.add_insert with overwrite=True")
        self._invoke("addInsert", target_path_or_descriptor, table)
        return self

    def explain(self, *extra_details):
        return self._invoke("explain", *extra_details)

    def execute(self):
        return wrap(self._invoke("execute"), self._t_env)
