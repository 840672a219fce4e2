"""Metrics of Python functions, as in PyFlink's "Metrics" page: ``function_context.get_metric_group()`` in a Table API
function's ``open``, ``runtime_context.get_metrics_group()`` in a DataStream function's, with counters, gauges,
meters and distributions that become metrics of the operator instance running the function in the engine."""

import unittest

from sluice.common import Types
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.functions import MapFunction
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import col
from sluice.table.udf import ScalarFunction, udf


class MeasuredUpper(ScalarFunction):
    """The documentation's shape: metrics registered in open(), updated in eval()."""

    def open(self, function_context):
        group = function_context.get_metric_group().add_group("udf")
        self.rows = group.counter("rows")
        self.lengths = group.distribution("lengths")
        self.words = group.meter("words", time_span_in_seconds=30)
        self.last_length = 0
        group.gauge("last_length", lambda: self.last_length)
        group.counter("never_used")
        self.prefix = function_context.get_job_parameter("prefix", "?")

    def eval(self, s):
        self.rows.inc()
        self.lengths.update(len(s))
        self.words.mark_event(len(s.split()))
        self.last_length = len(s)
        return self.prefix + s.upper()


class CountingMap(MapFunction):
    def open(self, runtime_context):
        self.seen = runtime_context.get_metrics_group().add_group("shop", "orders").counter("seen")
        self.big = runtime_context.get_metrics_group().counter("big")

    def map(self, value):
        self.seen.inc()
        if value > 10:
            self.big.inc(2)
            self.big.dec()
        return value * 2


def _by_suffix(metrics, suffix):
    found = {k: v for k, v in metrics.items() if k.endswith(suffix)}
    if len(found) != 1:
        raise AssertionError("expected one metric ending in %r, got %r" % (suffix, metrics))
    return next(iter(found.values()))


class TableFunctionMetricsTest(unittest.TestCase):
    def test_metrics_of_a_scalar_function_are_job_metrics(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t_env.get_config().set("pipeline.global-job-parameters", "prefix:>")
        upper = udf(MeasuredUpper(), result_type=DataTypes.STRING())
        lines = t_env.from_elements([("to be",), ("or not to be",), ("that",)], ["line"])
        result = lines.select(upper(col("line")).alias("u")).execute()
        with result.collect() as it:
            self.assertEqual([">TO BE", ">OR NOT TO BE", ">THAT"], [r[0] for r in it])
        result.wait()
        metrics = result.get_job_client().get_metrics()
        self.assertEqual(3, _by_suffix(metrics, ".udf.rows"))
        self.assertEqual(0, _by_suffix(metrics, ".udf.never_used"))
        self.assertEqual(4, _by_suffix(metrics, ".udf.last_length"))
        self.assertEqual({"count": 3, "sum": 21, "min": 4, "max": 12, "mean": 7.0},
                         _by_suffix(metrics, ".udf.lengths"))
        words = _by_suffix(metrics, ".udf.words")
        self.assertEqual(7, words["count"])
        self.assertGreater(words["rate"], 0)
        self.assertTrue(all(k.startswith("0.") for k in metrics), metrics)

    def test_same_name_as_another_kind_fails_the_job(self):
        class Clash(ScalarFunction):
            def open(self, function_context):
                group = function_context.get_metric_group()
                group.counter("x")
                group.meter("x")

            def eval(self, i):
                return i

        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        clash = udf(Clash(), result_type=DataTypes.BIGINT())
        with self.assertRaises(Exception) as e:
            t_env.from_elements([(1,)], ["a"]).select(clash(col("a"))).to_pandas()
        self.assertIn("The metric 'x' is registered already", str(e.exception))

    def test_a_context_made_outside_a_job_has_a_detached_group(self):
        from sluice.table.udf import FunctionContext
        counter = FunctionContext({}).get_metric_group().add_group("a", "b").counter("c")
        counter.inc(5)
        self.assertEqual(5, counter.get_count())


class DataStreamMetricsTest(unittest.TestCase):
    def test_metrics_of_a_map_function_are_job_metrics(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        env.from_collection([1, 5, 20, 30], Types.INT()).map(CountingMap(), Types.INT()).print()
        client = env.execute_async("metrics")
        client.get_job_execution_result().result()
        metrics = client.get_metrics()
        self.assertEqual(4, _by_suffix(metrics, ".shop.orders.seen"))
        self.assertEqual(2, _by_suffix(metrics, ".big"))


if __name__ == '__main__':
    unittest.main()


class MetricGroupReportTest(unittest.TestCase):
    def test_key_value_groups_are_marked_in_the_report(self):
        from sluice.metrics.metricbase import MetricGroup
        import json
        group = MetricGroup()
        group.add_group("udf").add_group("shop", "orders").counter("seen").inc(2)
        group.counter("plain").inc()
        self.assertEqual("udf.shop.orders.x", group.add_group("udf").add_group("shop", "orders")
                         .get_metric_identifier("x"))
        self.assertEqual([["c", ["udf", "shop", "orders"], "seen", 2, [1]], ["c", [], "plain", 1, []]],
                         json.loads(group._registry.report().decode("utf-8")))
