"""from_pandas / to_pandas: column types survive the trip, NULLs become what pandas uses."""

import datetime
import decimal
import unittest

import numpy as np
import pandas as pd

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import col


class PandasTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())

    def test_documented_round_trip(self):
        # "Conversions between PyFlink Table and Pandas DataFrame"
        pdf = pd.DataFrame(np.random.rand(1000, 2))
        table = self.t_env.from_pandas(pdf, ["a", "b"]).filter(col('a') > 0.5)
        result = table.to_pandas()
        expected = pdf[pdf[0] > 0.5].reset_index(drop=True)
        self.assertEqual(['a', 'b'], list(result.columns))
        np.testing.assert_array_equal(expected[0].to_numpy(), result['a'].to_numpy())
        np.testing.assert_array_equal(expected[1].to_numpy(), result['b'].to_numpy())

    def test_from_pandas_with_row_type(self):
        pdf = pd.DataFrame({'a': [1, 2], 'b': ['x', 'y']})
        table = self.t_env.from_pandas(pdf, DataTypes.ROW([DataTypes.FIELD("a", DataTypes.INT()),
                                                           DataTypes.FIELD("b", DataTypes.STRING())]))
        self.assertEqual("(\n  `a` INT,\n  `b` STRING\n)", str(table.get_schema()))
        self.assertEqual([(1, 'x'), (2, 'y')], list(table.to_pandas().itertuples(index=False, name=None)))

    def test_types_are_preserved(self):
        df = self.t_env.sql_query(
            "SELECT CAST(1 AS TINYINT) AS ti, CAST(2 AS SMALLINT) AS si, 3 AS i, CAST(4 AS BIGINT) AS bi, "
            "CAST(1.5 AS FLOAT) AS f, CAST(2.5 AS DOUBLE) AS d, CAST(12.34 AS DECIMAL(10, 2)) AS amount, "
            "'text' AS s, TRUE AS b, DATE '2024-02-29' AS dt, TIMESTAMP '2024-02-29 12:34:56.789' AS ts").to_pandas()
        self.assertEqual(['int8', 'int16', 'int32', 'int64', 'float32', 'float64'],
                         [str(df[c].dtype) for c in ['ti', 'si', 'i', 'bi', 'f', 'd']])
        self.assertEqual(decimal.Decimal('12.34'), df['amount'][0])
        self.assertEqual('text', df['s'][0])
        self.assertEqual('bool', str(df['b'].dtype))
        self.assertEqual(datetime.date(2024, 2, 29), df['dt'][0])
        self.assertEqual('datetime64[ns]', str(df['ts'].dtype))
        self.assertEqual(pd.Timestamp('2024-02-29 12:34:56.789'), df['ts'][0])

    def test_nulls(self):
        df = self.t_env.sql_query(
            "SELECT * FROM (VALUES (1, 'a', 1.5, TRUE, TIMESTAMP '2024-01-01 00:00:00', CAST(1.5 AS DECIMAL(5, 2))),"
            " (CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS DOUBLE), CAST(NULL AS BOOLEAN),"
            "  CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS DECIMAL(5, 2)))) AS t(i, s, d, b, ts, amount)").to_pandas()
        self.assertEqual('float64', str(df['i'].dtype))
        # the VALUES with casts is a union of two inputs: either row may come first
        n = 1 if df['s'][0] == 'a' else 0
        self.assertEqual('a', df['s'][1 - n])
        self.assertTrue(np.isnan(df['i'][n]))
        self.assertIsNone(df['s'][n])
        self.assertTrue(np.isnan(df['d'][n]))
        self.assertIsNone(df['b'][n])
        self.assertTrue(pd.isna(df['ts'][n]))
        self.assertIsNone(df['amount'][n])

    def test_from_pandas_types_and_nulls_round_trip(self):
        pdf = pd.DataFrame({
            'i': pd.Series([1, 2, 3], dtype='int32'),
            'l': [10, 20, 30],
            'f': [0.5, np.nan, 2.0],
            's': ['a', None, 'ü'],
            'b': [True, False, True],
            'ts': pd.to_datetime(['2024-01-01 10:00:00', None, '2024-01-03 00:00:00.5']),
            'dec': [decimal.Decimal('1.10'), None, decimal.Decimal('-2.25')],
            'dt': [datetime.date(2024, 1, 1), datetime.date(1969, 12, 31), None],
        })
        table = self.t_env.from_pandas(pdf)
        types = [str(t) for t in table.get_schema().get_field_data_types()]
        self.assertEqual(['INT', 'BIGINT', 'DOUBLE', 'STRING', 'BOOLEAN', 'TIMESTAMP(6)', 'DECIMAL(38, 18)', 'DATE'],
                         types)
        back = table.to_pandas()
        self.assertEqual([1, 2, 3], back['i'].tolist())
        self.assertEqual([10, 20, 30], back['l'].tolist())
        self.assertTrue(np.isnan(back['f'][1]))
        self.assertEqual(['a', None, 'ü'], back['s'].tolist())
        self.assertEqual([True, False, True], back['b'].tolist())
        self.assertTrue(pd.isna(back['ts'][1]))
        self.assertEqual(pd.Timestamp('2024-01-03 00:00:00.5'), back['ts'][2])
        self.assertEqual(decimal.Decimal('-2.25'), back['dec'][2])
        self.assertIsNone(back['dec'][1])
        self.assertEqual([datetime.date(2024, 1, 1), datetime.date(1969, 12, 31), None], back['dt'].tolist())

    def test_million_rows(self):
        self.t_env.execute_sql("CREATE TEMPORARY TABLE million (id BIGINT, v DOUBLE) WITH ('connector' = 'datagen', "
                               "'number-of-rows' = '1000000', 'rows-per-second' = '1000000000', "
                               "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
                               "'fields.id.end' = '1000000')")
        df = self.t_env.from_path("million").to_pandas()
        self.assertEqual(1000000, len(df))
        self.assertEqual(500000500000, int(df['id'].sum()))


if __name__ == '__main__':
    unittest.main()
