"""The entry point of the Table API and SQL (PyFlink's ``TableEnvironment``)."""

import datetime
import decimal

from sluice.java_gateway import get_gateway
from sluice.table._java_object import JavaObject, wrap
from sluice.table.columns import encode_series, encode_values, kind_of
from sluice.table.environment_settings import EnvironmentSettings
from sluice.table.catalog import quote
from sluice.table.table_config import TableConfig
from sluice.table.types import DataType, DataTypes, RowType
from sluice.table.udf import UserDefinedFunctionWrapper

__all__ = ['TableEnvironment', 'StreamTableEnvironment']


def _infer_value_type(v):
    if isinstance(v, bool):
        return DataTypes.BOOLEAN()
    if isinstance(v, int):
        return DataTypes.BIGINT()
    if isinstance(v, float):
        return DataTypes.DOUBLE()
    if isinstance(v, str):
        return DataTypes.STRING()
    if isinstance(v, decimal.Decimal):
        return DataTypes.DECIMAL(38, 18)
    if isinstance(v, datetime.datetime):
        return DataTypes.TIMESTAMP_LTZ(6) if v.tzinfo is not None else DataTypes.TIMESTAMP(6)
    if isinstance(v, datetime.date):
        return DataTypes.DATE()
    if isinstance(v, datetime.time):
        return DataTypes.TIME()
    if isinstance(v, (bytes, bytearray)):
        return DataTypes.BYTES()
    if isinstance(v, list):
        return DataTypes.ARRAY(_infer_column_type(v))
    if isinstance(v, dict):
        return DataTypes.MAP(_infer_column_type(list(v.keys())), _infer_column_type(list(v.values())))
    if hasattr(v, "get_row_kind") or isinstance(v, tuple):
        values = list(v)
        names = v.__dict__.get("_fields") if hasattr(v, "get_row_kind") else None
        names = names or ["f%d" % i for i in range(len(values))]
        return DataTypes.ROW([DataTypes.FIELD(n, _infer_column_type([x])) for n, x in zip(names, values)])
    try:
        import numpy as np
        if isinstance(v, np.generic):
            return _infer_value_type(v.item())
        if isinstance(v, np.ndarray):
            return DataTypes.ARRAY(_infer_column_type(v.tolist()))
    except ImportError:
        pass
    raise TypeError("not supported yet: a column of Python values of type %s" % type(v).__name__)


def _infer_column_type(values):
    for v in values:
        if v is not None:
            return _infer_value_type(v)
    return DataTypes.STRING()


def _infer_series_type(series):
    import pandas as pd
    dt = series.dtype
    if pd.api.types.is_bool_dtype(dt) and dt != object:
        return DataTypes.BOOLEAN()
    if pd.api.types.is_integer_dtype(dt):
        return {1: DataTypes.TINYINT(), 2: DataTypes.SMALLINT(), 4: DataTypes.INT()}.get(dt.itemsize,
                                                                                         DataTypes.BIGINT())
    if pd.api.types.is_float_dtype(dt):
        return DataTypes.FLOAT() if dt.itemsize == 4 else DataTypes.DOUBLE()
    if pd.api.types.is_datetime64_any_dtype(dt):
        return DataTypes.TIMESTAMP_LTZ(6) if getattr(dt, "tz", None) is not None else DataTypes.TIMESTAMP(6)
    if isinstance(dt, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dt) and dt != object:
        return DataTypes.STRING()
    return _infer_column_type(series[series.notna()].head(100).tolist())


def _names_and_types(schema, count, infer, default_names):
    """Column names and types from a from_elements/from_pandas schema argument."""
    if isinstance(schema, RowType):
        return schema.field_names(), schema.field_types()
    if schema is None:
        return default_names, [infer(i) for i in range(count)]
    if isinstance(schema, (list, tuple)) and all(isinstance(s, str) for s in schema):
        return list(schema), [infer(i) for i in range(count)]
    if isinstance(schema, (list, tuple)) and all(isinstance(s, DataType) for s in schema):
        return default_names, list(schema)
    if isinstance(schema, DataType):
        return ["f0"], [schema]
    raise TypeError("schema must be a RowType, a list of column names or a list of DataTypes, not %r" % (schema,))


def _declared_columns(schema):
    """(builder method, column name) of the columns a ``Schema`` declares, in order."""
    calls = []
    j = getattr(schema, "_j", None)
    while isinstance(j, dict) and "on" in j:
        if j.get("m") in ("column", "columnByExpression", "columnByMetadata"):
            calls.append((j["m"], j["args"][0]))
        j = j["on"]
    return list(reversed(calls))


class TableEnvironment(JavaObject):
    """Creates tables, runs SQL and registers functions; one engine session.

    Example::

        >>> t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        >>> t_env.execute_sql("SELECT 1 AS x").print()
    """

    def __init__(self, handle, settings):
        super().__init__(handle)
        self._settings = settings
        self._config = None

    @staticmethod
    def create(environment_settings=None):
        """A new environment in streaming (default) or batch mode; takes EnvironmentSettings or a Configuration.

        With ``SLUICE_SERVER_URL`` set (or ``sluice.server.url`` in the settings' configuration) it is a session of
        that running Sluice server instead (``sluice.table.remote``: SQL only)."""
        if environment_settings is None:
            environment_settings = EnvironmentSettings.in_streaming_mode()
        elif not isinstance(environment_settings, EnvironmentSettings):
            environment_settings = EnvironmentSettings.from_configuration(environment_settings)
        from sluice.table.remote import RemoteTableEnvironment, server_url
        url = server_url(environment_settings)
        if url:
            return RemoteTableEnvironment(url, environment_settings)
        mode = "streaming" if environment_settings.is_streaming_mode() else "batch"
        value, _, _ = get_gateway().request("env", mode=mode)
        t_env = TableEnvironment(value["h"], environment_settings)
        for k, v in environment_settings.get_configuration().to_dict().items():
            if k != "execution.runtime-mode":
                t_env.get_config().set(k, v)
        return t_env

    def _wrap(self, value):
        return wrap(value, self)

    # SQL
    def execute_sql(self, stmt):
        """Runs one statement (DDL, INSERT, a query, SET, SHOW, ...) and returns its TableResult."""
        return self._wrap(self._invoke("executeSql", stmt))

    def sql_query(self, query):
        """The Table of a SELECT query, to continue with the Table API or execute."""
        return self._wrap(self._invoke("sqlQuery", query))

    def explain_sql(self, stmt, *extra_details):
        return self._invoke("explainSql", stmt, *extra_details)

    # tables
    def from_path(self, path):
        return self._wrap(self._invoke("from", path))

    def from_descriptor(self, descriptor):
        return self._wrap(self._invoke("from", descriptor))

    def from_table_source(self, table_source):
        raise NotImplementedError("not supported yet: from_table_source")

    def from_elements(self, elements, schema=None, verify_schema=True):
        """A table of the given rows (tuples, lists, Rows or single values)."""
        rows = []
        names_from_rows = None
        for e in elements:
            if hasattr(e, "_values") and hasattr(e, "get_row_kind"):
                if names_from_rows is None and "_fields" in e.__dict__:
                    names_from_rows = list(e.__dict__["_fields"])
                rows.append(list(e))
            elif isinstance(e, (tuple, list)):
                rows.append(list(e))
            elif isinstance(e, dict):
                rows.append(list(e.values()))
                names_from_rows = names_from_rows or list(e.keys())
            else:
                rows.append([e])
        count = len(rows[0]) if rows else (len(schema.fields) if isinstance(schema, RowType) else 0)
        columns = [[r[i] if i < len(r) else None for r in rows] for i in range(count)]
        default = names_from_rows or ["_%d" % (i + 1) for i in range(count)]
        if isinstance(schema, DataType) and not isinstance(schema, RowType):
            default = ["f0"]
        names, types = _names_and_types(schema, count, lambda i: _infer_column_type(columns[i]), default)
        if verify_schema and rows:
            for r in rows:
                if len(r) != len(names):
                    raise TypeError("Length of object (%d) does not match with length of fields (%d)"
                                    % (len(r), len(names)))
        buffers = []
        for col, t in zip(columns, types):
            buffers += encode_values(kind_of(t.type_name()), col)
        return self._from_columns(names, types, len(rows), buffers)

    def from_pandas(self, pdf, schema=None, splits_num=1):
        """A table of a pandas DataFrame's rows; column types come from the dtypes or ``schema``."""
        names, types = _names_and_types(schema, len(pdf.columns),
                                        lambda i: _infer_series_type(pdf.iloc[:, i]),
                                        [str(c) for c in pdf.columns])
        buffers = []
        for i, t in enumerate(types):
            buffers += encode_series(kind_of(t.type_name()), pdf.iloc[:, i])
        return self._from_columns(names, types, len(pdf), buffers)

    def _from_columns(self, names, types, n, buffers):
        value, _, _ = get_gateway().request("from_columns", buffers=buffers, env=self._j_handle, n=n,
                                            names=names, types=[t.sql() for t in types])
        return self._wrap(value)

    def create_temporary_view(self, view_path, table_or_data_stream, *fields):
        if fields:
            table_or_data_stream = table_or_data_stream.alias(*fields)
        if not hasattr(table_or_data_stream, "select"):
            raise NotImplementedError("not supported yet: views over DataStreams (the Python DataStream API)")
        self._invoke("createTemporaryView", view_path, table_or_data_stream)

    def create_temporary_table(self, path, descriptor, ignore_if_exists=False):
        if ignore_if_exists:
            self._invoke("createTemporaryTable", path, descriptor, True)
        else:
            self._invoke("createTemporaryTable", path, descriptor)

    def create_table(self, path, descriptor, ignore_if_exists=False):
        if ignore_if_exists:
            return self._invoke("createTable", path, descriptor, True)
        self._invoke("createTable", path, descriptor)

    def drop_temporary_view(self, view_path):
        return self._invoke("dropTemporaryView", view_path)

    def drop_temporary_table(self, table_path):
        return self._invoke("dropTemporaryTable", table_path)

    def list_tables(self):
        return list(self._invoke("listTables"))

    def list_views(self):
        return [r[0] for r in self.execute_sql("SHOW VIEWS").collect()]

    def list_temporary_tables(self):
        """The temporary tables and views of the current database."""
        views = set(self.list_views())
        return [n for n in self.list_tables() if self._is_temporary("VIEW" if n in views else "TABLE", n)]

    def list_temporary_views(self):
        """The temporary views of the current database."""
        return [n for n in self.list_views() if self._is_temporary("VIEW", n)]

    def _is_temporary(self, kind, name):
        with self.execute_sql("SHOW CREATE %s `%s`" % (kind, name.replace("`", "``"))).collect() as rows:
            return next(iter(rows))[0].startswith("CREATE TEMPORARY ")

    def list_catalogs(self):
        return [r[0] for r in self.execute_sql("SHOW CATALOGS").collect()]

    def list_databases(self):
        return [r[0] for r in self.execute_sql("SHOW DATABASES").collect()]

    def get_current_catalog(self):
        return self.execute_sql("SHOW CURRENT CATALOG").collect().__next__()[0]

    def get_current_database(self):
        return self.execute_sql("SHOW CURRENT DATABASE").collect().__next__()[0]

    def list_functions(self):
        """The names of every function: built-in, system and catalog functions (SHOW FUNCTIONS)."""
        return [r[0] for r in self.execute_sql("SHOW FUNCTIONS").collect()]

    def list_modules(self):
        """The names of the modules in use (SHOW MODULES)."""
        return [r[0] for r in self.execute_sql("SHOW MODULES").collect()]

    def list_full_modules(self):
        """Every loaded module with whether it is in use, in resolution order (SHOW FULL MODULES)."""
        from sluice.table.module import ModuleEntry
        return [ModuleEntry(r[0], bool(r[1])) for r in self.execute_sql("SHOW FULL MODULES").collect()]

    def load_module(self, module_name, module):
        """Loads a module under ``module_name`` (LOAD MODULE); the engine's only module type is ``core``."""
        from sluice.table.module import Module
        if not isinstance(module, Module):
            raise TypeError("load_module takes a Module, not %r" % (module,))
        if module._module_type != module_name:
            raise NotImplementedError("not supported yet: loading a module of type '%s' under another name ('%s')"
                                      % (module._module_type, module_name))
        self.execute_sql("LOAD MODULE %s" % quote(module_name))

    def unload_module(self, module_name):
        self.execute_sql("UNLOAD MODULE %s" % quote(module_name))

    def use_modules(self, *module_names):
        """Uses these loaded modules, in this order of resolution (USE MODULES)."""
        self.execute_sql("USE MODULES %s" % ", ".join(quote(m) for m in module_names))

    # catalogs
    def create_catalog(self, catalog_name, catalog_descriptor):
        """Creates a catalog from a ``CatalogDescriptor`` (CREATE CATALOG)."""
        self.execute_sql(catalog_descriptor._create_statement(catalog_name))

    def register_catalog(self, catalog_name, catalog):
        """Registers a catalog: a ``JdbcCatalog``, or a ``CatalogDescriptor`` (as ``create_catalog``); Java catalog
        objects do not exist in Sluice's Python API."""
        from sluice.table.catalog import CatalogDescriptor, JdbcCatalog
        if isinstance(catalog, CatalogDescriptor):
            return self.create_catalog(catalog_name, catalog)
        if isinstance(catalog, JdbcCatalog):
            self.execute_sql(catalog._create_statement(catalog_name))
            catalog._registered(self, catalog_name)
            return None
        raise NotImplementedError("not supported yet: register_catalog with %r; use create_catalog(name, "
                                  "CatalogDescriptor.of(name, Configuration with 'type')) or CREATE CATALOG"
                                  % (catalog,))

    def get_catalog(self, catalog_name):
        """The catalog of this name, or None."""
        from sluice.table.catalog import Catalog
        return Catalog(self, catalog_name) if catalog_name in self.list_catalogs() else None

    # compiled plans
    def compile_plan_sql(self, stmt):
        """The ``CompiledPlan`` of an INSERT or ``EXECUTE STATEMENT SET`` statement (COMPILE PLAN)."""
        from sluice.table.compiled_plan import compile_plan
        return compile_plan(self, stmt)

    def load_plan(self, plan_reference):
        """A ``CompiledPlan`` read from a ``PlanReference`` (a file or a JSON string)."""
        from sluice.table.compiled_plan import CompiledPlan
        return CompiledPlan(self, plan_reference._json())

    def execute_plan(self, plan_reference):
        """Runs a compiled plan (EXECUTE PLAN); the TableResult of its INSERT or statement set."""
        if plan_reference._file_path is not None:
            from sluice.table.compiled_plan import _literal
            return self.execute_sql("EXECUTE PLAN %s" % _literal(plan_reference._file_path))
        return self._execute_plan_json(plan_reference._json())

    def _execute_plan_json(self, json_string):
        from sluice.table.compiled_plan import execute_plan_json
        return execute_plan_json(self, json_string)

    def _drop(self, kind, path, ignore_if_not_exists):
        from sluice.util.exceptions import ValidationException
        try:
            self.execute_sql("DROP %s %s" % (kind, path))
            return True
        except ValidationException as e:
            if ignore_if_not_exists and "does not exist" in str(e):
                return False
            raise

    def drop_table(self, table_path, ignore_if_not_exists=True):
        """Drops a catalog table; False when there was none (an error instead without ``ignore_if_not_exists``)."""
        return self._drop("TABLE", table_path, ignore_if_not_exists)

    def drop_view(self, view_path, ignore_if_not_exists=True):
        """Drops a catalog view; False when there was none (an error instead without ``ignore_if_not_exists``)."""
        return self._drop("VIEW", view_path, ignore_if_not_exists)

    def create_view(self, view_path, table, ignore_if_exists=False):
        """Registers ``table`` as a catalog view (not temporary)."""
        if ignore_if_exists and view_path in self.list_views():
            return
        self._invoke("createView", view_path, table)

    def drop_function(self, path):
        """Drops a catalog function; False when there was none."""
        return bool(self._invoke("dropFunction", path))

    def use_catalog(self, catalog_name):
        self.execute_sql("USE CATALOG %s" % quote(catalog_name))

    def use_database(self, database_name):
        self.execute_sql("USE %s" % quote(database_name))

    # functions
    def create_temporary_system_function(self, name, function):
        """Registers a Python function (made with ``udf``) under ``name`` for SQL and ``call(name, ...)``."""
        self._function(function)._register(self._j_handle, name)

    def create_temporary_function(self, path, function):
        self._function(function)._register(self._j_handle, path, temporary=True)

    def create_function(self, path, function_class_name, ignore_if_exists=None):
        raise NotImplementedError("not supported yet: create_function with a Java class name from Python")

    def create_java_function(self, path, function_class_name, ignore_if_exists=None):
        """Registers a Java function class as a catalog function (``CREATE FUNCTION``)."""
        self.execute_sql("CREATE FUNCTION %s%s AS '%s'" % ("IF NOT EXISTS " if ignore_if_exists else "", path,
                                                          function_class_name))

    def create_java_temporary_system_function(self, name, function_class_name):
        self.execute_sql("CREATE TEMPORARY SYSTEM FUNCTION `%s` AS '%s'" % (name, function_class_name))

    def create_java_temporary_function(self, path, function_class_name):
        self.execute_sql("CREATE TEMPORARY FUNCTION %s AS '%s'" % (path, function_class_name))

    def drop_temporary_system_function(self, name):
        return self._invoke("dropTemporarySystemFunction", name)

    def drop_temporary_function(self, path):
        return self._invoke("dropTemporaryFunction", path)

    def list_user_defined_functions(self):
        return list(self._invoke("listUserDefinedFunctions"))

    @staticmethod
    def _function(function):
        if isinstance(function, UserDefinedFunctionWrapper):
            return function
        raise TypeError("expected a function made with sluice.table.udf.udf(...), got %r" % (function,))

    def add_python_file(self, file_path):
        """Puts a Python file, a package directory or a .zip/.whl/.egg on the PYTHONPATH of the workers of Python
        functions made after this call (see ``sluice.java_gateway.add_python_path``)."""
        from sluice.java_gateway import add_python_file
        add_python_file(file_path)

    def set_python_requirements(self, requirements_file_path, requirements_cache_dir=None):
        raise NotImplementedError("not supported yet: set_python_requirements (install the packages into the "
                                  "Python that runs the workers instead)")

    def add_python_archive(self, archive_path, target_dir=None):
        raise NotImplementedError("not supported yet: add_python_archive (unpack it and use add_python_file)")

    def add_jars(self, *jar_paths):
        """Adds jars (paths or file: URLs) to the session's class path, as ``pipeline.jars`` does (ADD JAR)."""
        from sluice.table.table_config import add_jars
        add_jars(self, ";".join(str(j) for j in jar_paths))

    # configuration and jobs
    def get_config(self):
        if self._config is None:
            self._config = TableConfig(JavaObject(self._invoke("getConfig")["h"]))
            self._config._t_env = self
        return self._config

    def create_statement_set(self):
        return self._wrap(self._invoke("createStatementSet"))


class StreamTableEnvironment(TableEnvironment):
    """A TableEnvironment over a ``StreamExecutionEnvironment``: converts between tables and DataStreams of that
    environment. Jobs that mix both run as one job: ``env.execute()`` runs the streams made of tables (with the SQL
    they contain), ``execute_sql``/``Table.execute()`` run a table pipeline with the streams it reads."""

    def __init__(self, handle, settings, stream_env):
        super().__init__(handle, settings)
        self._stream_env = stream_env

    @staticmethod
    def create(stream_execution_environment=None, environment_settings=None):
        """A table environment for ``stream_execution_environment`` (its runtime mode, parallelism and
        checkpointing); without one, a plain TableEnvironment of ``environment_settings``."""
        if stream_execution_environment is None:
            return TableEnvironment.create(environment_settings)
        from sluice.datastream.stream_execution_environment import RuntimeExecutionMode
        env = stream_execution_environment
        if environment_settings is None:
            environment_settings = EnvironmentSettings.in_batch_mode() if env._mode == RuntimeExecutionMode.BATCH \
                else EnvironmentSettings.in_streaming_mode()
        elif not isinstance(environment_settings, EnvironmentSettings):
            environment_settings = EnvironmentSettings.from_configuration(environment_settings)
        value, _, _ = get_gateway().request("ste_create", graph_handle=env._engine_graph())
        t_env = StreamTableEnvironment(value["h"], environment_settings, env)
        for k, v in environment_settings.get_configuration().to_dict().items():
            if k != "execution.runtime-mode":
                t_env.get_config().set(k, v)
        return t_env

    def _check_stream(self, data_stream):
        from sluice.datastream.data_stream import DataStream
        if not isinstance(data_stream, DataStream):
            raise TypeError("expected a DataStream, got %r" % (data_stream,))
        if data_stream._env is not self._stream_env:
            raise ValueError("The DataStream belongs to another StreamExecutionEnvironment than this "
                             "StreamTableEnvironment's")
        stream = data_stream._plain()
        from sluice.common.typeinfo import PickledBytesTypeInfo
        if stream._type is None or isinstance(stream._type, PickledBytesTypeInfo):
            raise TypeError("A DataStream of pickled Python objects cannot become a table: declare its type "
                            "(output_type=Types.ROW_NAMED([...], [...]) or another type of Types)")
        return stream

    def from_data_stream(self, data_stream, *fields_or_schema):
        """The insert-only stream as a table: columns of its type (a ``ROW_NAMED``'s fields, a tuple's ``f0``,
        ``f1``, ..., an atomic type's ``f0``), renamed by column expressions or given by a ``Schema``."""
        stream = self._check_stream(data_stream)
        handle = self._stream_env._send(stream._id, stream._type)
        from sluice.table.expression import Expression
        if len(fields_or_schema) == 1 and not isinstance(fields_or_schema[0], (Expression, str)):
            table = self._wrap(self._invoke("fromDataStream", JavaObject(handle["h"]), fields_or_schema[0]))
            declared = _declared_columns(fields_or_schema[0])
            if any(kind == "column" for kind, _ in declared):
                # as in Flink: a schema that declares physical columns keeps only its columns, in its order
                from sluice.table.expressions import col
                table = table.select(*[col(name) for _, name in declared])
            return table
        table = self._wrap(self._invoke("fromDataStream", JavaObject(handle["h"])))
        if fields_or_schema:
            names = []
            for f in fields_or_schema:
                name = f if isinstance(f, str) else (f._j.get("col") if isinstance(f._j, dict) else None)
                if name is None:
                    raise NotImplementedError("not supported yet: from_data_stream with expressions other than "
                                              "column names (%r)" % (f,))
                names.append(name)
            table = table.alias(*names)
        return table

    def from_changelog_stream(self, data_stream, schema=None, changelog_mode=None):
        """The changelog stream as a table: a stream of ``Row``s (``Types.ROW`` or ``ROW_NAMED``) whose row kinds
        (``Row.of_kind(RowKind.UPDATE_AFTER, ...)``) are the changes; ``schema`` may add a primary key, and
        ``changelog_mode`` say which kinds come (``ChangelogMode.upsert()``: updates without -U, by key)."""
        from sluice.common.typeinfo import RowTypeInfo
        stream = self._check_stream(data_stream)
        if not isinstance(stream._type, RowTypeInfo):
            raise TypeError("from_changelog_stream takes a stream of rows (Types.ROW or Types.ROW_NAMED), not %r"
                            % (stream._type,))
        handle = JavaObject(self._stream_env._send(stream._id, stream._type)["h"])
        if changelog_mode is not None:
            if schema is None:
                from sluice.table.descriptors import Schema
                schema = Schema.new_builder().build()
            return self._wrap(self._invoke("fromChangelogStream", handle, schema, changelog_mode))
        if schema is not None:
            return self._wrap(self._invoke("fromChangelogStream", handle, schema))
        return self._wrap(self._invoke("fromChangelogStream", handle))

    def create_temporary_view(self, view_path, table_or_data_stream, *fields_or_schema):
        """Registers a table, or a DataStream (as ``from_data_stream`` makes it a table), as a temporary view."""
        from sluice.datastream.data_stream import DataStream
        if isinstance(table_or_data_stream, DataStream):
            table_or_data_stream = self.from_data_stream(table_or_data_stream, *fields_or_schema)
            fields_or_schema = ()
        super().create_temporary_view(view_path, table_or_data_stream, *fields_or_schema)

    def _stream_of(self, value, table):
        from sluice.common.typeinfo import RowTypeInfo, _from_sql_type
        from sluice.datastream.data_stream import DataStream
        schema = table.get_schema()
        row_type = RowTypeInfo([_from_sql_type(t.sql()) for t in schema._types], list(schema._names))
        env = self._stream_env
        node = env._add_node({"kind": "java", "handle": value["h"], "name": "Table to DataStream"})
        # the engine's graph takes the stream now, while the handle is alive
        env._send(node)
        return DataStream(env, node, row_type)

    def to_data_stream(self, table):
        """The insert-only table as a DataStream of ``Row``s (a table with updates is an error)."""
        return self._stream_of(self._invoke("toDataStream", table), table)

    def to_changelog_stream(self, table, target_schema=None, changelog_mode=None):
        """The table's changelog as a DataStream of ``Row``s with their row kinds (``+I -U +U -D``)."""
        if changelog_mode is not None:
            if target_schema is None:
                raise TypeError("to_changelog_stream with a changelog_mode needs a target_schema (as Flink's "
                                "toChangelogStream(table, targetSchema, changelogMode))")
            return self._stream_of(self._invoke("toChangelogStream", table, target_schema, changelog_mode), table)
        if target_schema is not None:
            return self._stream_of(self._invoke("toChangelogStream", table, target_schema), table)
        return self._stream_of(self._invoke("toChangelogStream", table), table)

    def to_append_stream(self, table, type_info):
        return self.to_data_stream(table)

    def to_retract_stream(self, table, type_info):
        raise NotImplementedError("not supported yet: to_retract_stream (use to_changelog_stream)")
