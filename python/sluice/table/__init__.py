"""The Table API and SQL (PyFlink's ``pyflink.table``)."""

from enum import Enum

from sluice.table.changelog_mode import ChangelogMode
from sluice.table.data_view import DataView, ListView, MapView
from sluice.table.descriptors import FormatDescriptor, Schema, TableDescriptor
from sluice.table.environment_settings import EnvironmentSettings
from sluice.table.statement_set import StatementSet
from sluice.table.table import (AggregatedTable, GroupedTable, GroupWindowedTable, OverWindowedTable, Table,
                                TablePipeline, WindowGroupedTable)
from sluice.table.table_config import TableConfig
from sluice.table.table_environment import StreamTableEnvironment, TableEnvironment
from sluice.table.table_result import CloseableIterator, JobClient, ResultKind, TableResult
from sluice.table.table_schema import TableSchema
from sluice.table.types import DataType, DataTypes, RowType
from sluice.table.udf import (AggregateFunction, FunctionContext, ScalarFunction, TableAggregateFunction,
                              TableFunction)
from sluice.common.types import Row, RowKind


class ExplainDetail(Enum):
    """Extra details of ``explain``/``explain_sql``."""
    ESTIMATED_COST = 0
    CHANGELOG_MODE = 1
    JSON_EXECUTION_PLAN = 2
    PLAN_ADVICE = 3


class SqlDialect(Enum):
    DEFAULT = 0
    HIVE = 1


__all__ = ['AggregatedTable', 'AggregateFunction', 'ChangelogMode', 'CloseableIterator', 'DataType', 'DataTypes', 'DataView',
           'ListView', 'MapView',
           'EnvironmentSettings', 'ExplainDetail', 'FormatDescriptor', 'FunctionContext', 'GroupedTable',
           'GroupWindowedTable', 'JobClient', 'OverWindowedTable', 'ResultKind', 'Row', 'RowKind', 'RowType',
           'ScalarFunction', 'Schema', 'SqlDialect', 'StatementSet', 'StreamTableEnvironment', 'Table',
           'TableAggregateFunction', 'TableConfig', 'TableDescriptor', 'TableEnvironment', 'TableFunction',
           'TablePipeline', 'TableResult', 'TableSchema', 'WindowGroupedTable']
