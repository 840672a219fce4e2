"""Several INSERTs run as one job (PyFlink's ``StatementSet``)."""

from sluice.table._java_object import JavaObject, wrap

__all__ = ['StatementSet']


_anonymous = 0


class StatementSet(JavaObject):
    def __init__(self, handle, t_env=None):
        super().__init__(handle)
        self._t_env = t_env

    def add_insert_sql(self, stmt):
        self._invoke("addInsertSql", stmt)
        return self

    def add_insert(self, target_path_or_descriptor, table, overwrite=False):
        """Adds writing ``table`` into the table at a path, or into a new anonymous table a ``TableDescriptor``
        describes (registered as a temporary table of a unique name, as Flink registers anonymous tables)."""
        if not isinstance(target_path_or_descriptor, str):
            global _anonymous
            _anonymous += 1
            name = "`*anonymous_python$%d*`" % _anonymous
            self._t_env.create_temporary_table(name, target_path_or_descriptor)
            target_path_or_descriptor = name
        if overwrite:
            raise NotImplementedError("not supported yet: StatementSet.add_insert with overwrite=True")
        self._invoke("addInsert", target_path_or_descriptor, table)
        return self

    def attach_as_datastream(self):
        raise NotImplementedError("not supported yet: StatementSet.attach_as_datastream (execute the statement set "
                                  "with execute())")

    def explain(self, *extra_details):
        return self._invoke("explain", *extra_details)

    def execute(self):
        return wrap(self._invoke("execute"), self._t_env)
