"""Asynchronous I/O of the DataStream API (PyFlink 2.x's ``AsyncDataStream`` and ``AsyncFunction``), with PyFlink's
examples/datastream/asyncio/remote_model_inference.py renamed (a bounded sequence for its random source, short
sleeps, and the first call of every third user failing instead of a random one)."""

import asyncio
import functools
import json
import unittest
from typing import List

from sluice.common import Row, Time, Types
from sluice.datastream import (AsyncBatchFunction, AsyncDataStream, AsyncFunction, AsyncRetryStrategy, RuntimeContext,
                               StreamExecutionEnvironment, async_retry_predicates)
from sluice.table import DataTypes, Schema, StreamTableEnvironment, TableDescriptor


class AsyncLLMRequest(AsyncFunction):

    def __init__(self):
        self.retried_keys = {}

    def open(self, runtime_context: RuntimeContext):
        self.in_flight = 0
        self.most_in_flight = 0

    async def async_invoke(self, value: Row) -> List[str]:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.01 * (value.user_id % 3))
        finally:
            self.in_flight -= 1
        if value.user_id not in self.retried_keys and value.user_id % 3 == 0:
            self.retried_keys[value.user_id] = True
            # remote model inference request may time out
            raise TimeoutError
        if value.user_id in self.retried_keys:
            del self.retried_keys[value.user_id]
        result = {"user_id": value.user_id, "comments": value.comments, "analysis_result": "positive",
                  "most_in_flight": self.most_in_flight}
        return [json.dumps(result)]

    def timeout(self, value: Row) -> List[str]:
        return [json.dumps({"user_id": value.user_id, "comments": value.comments, "analysis_result": None})]


class Slow(AsyncFunction):
    async def async_invoke(self, value):
        await asyncio.sleep(5 if value == 2 else 0)
        return [value * 10]

    def timeout(self, value):
        return [-value]


class Failing(AsyncFunction):
    async def async_invoke(self, value):
        raise ValueError("no answer for %d" % value)


def collect(ds):
    with ds.execute_and_collect() as results:
        return list(results)


class AsyncDataStreamTest(unittest.TestCase):
    def test_remote_model_inference_example(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        t_env = StreamTableEnvironment.create(stream_execution_environment=env)
        t_env.create_temporary_table(
            'source',
            TableDescriptor.for_connector('datagen')
                           .schema(Schema.new_builder()
                                   .column('user_id', DataTypes.INT())
                                   .column('comments', DataTypes.STRING())
                                   .build())
                           .option('fields.user_id.kind', 'sequence')
                           .option('fields.user_id.start', '1')
                           .option('fields.user_id.end', '30')
                           .option('fields.comments.length', '5')
                           .build())
        ds = t_env.to_data_stream(t_env.from_path('source'))
        async_retry_strategy = AsyncRetryStrategy.fixed_delay(
            max_attempts=100,
            backoff_time_millis=10,
            result_predicate=None,
            exception_predicate=functools.partial(async_retry_predicates.exception_type_predicate,
                                                  expected_error_type=TimeoutError))
        result_stream = AsyncDataStream.unordered_wait_with_retry(
            data_stream=ds,
            async_function=AsyncLLMRequest(),
            timeout=Time.seconds(10),
            async_retry_strategy=async_retry_strategy,
            capacity=4,
            output_type=Types.STRING())
        results = [json.loads(r) for r in collect(result_stream)]
        self.assertEqual(list(range(1, 31)), sorted(r["user_id"] for r in results))
        self.assertEqual({"positive"}, {r["analysis_result"] for r in results})
        # the calls of a batch overlap, at most `capacity` of them
        self.assertLessEqual(max(r["most_in_flight"] for r in results), 4)
        self.assertGreater(max(r["most_in_flight"] for r in results), 1)

    def test_ordered_wait_timeout_and_results(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection([1, 2, 3], Types.INT())
        out = AsyncDataStream.ordered_wait(ds, Slow(), Time.milliseconds(500), output_type=Types.INT())
        self.assertEqual([10, -2, 30], collect(out))

    def test_an_error_that_no_retry_takes_fails_the_job(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection([1, 2], Types.INT())
        for strategy in (AsyncRetryStrategy.NO_RETRY_STRATEGY, AsyncRetryStrategy.fixed_delay(
                3, 1, exception_predicate=async_retry_predicates.has_exception_predicate)):
            out = AsyncDataStream.unordered_wait_with_retry(ds, Failing(), Time.seconds(5), strategy,
                                                            output_type=Types.INT())
            with self.assertRaisesRegex(Exception, "no answer for"):
                collect(out)

    def test_arguments(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection([1], Types.INT())
        with self.assertRaises(TypeError):
            AsyncDataStream.ordered_wait(ds, lambda v: v, Time.seconds(1))
        with self.assertRaises(ValueError):
            AsyncDataStream.ordered_wait(ds, Slow(), Time.seconds(1), capacity=0)
        strategy = AsyncRetryStrategy.exponential_backoff(3, 100, 250, 2.0)
        self.assertEqual([100, 200, 250], [strategy.get_backoff_time_millis(a) for a in (1, 2, 3)])
        self.assertTrue(strategy.can_retry(3))
        self.assertFalse(strategy.can_retry(4))
        self.assertFalse(AsyncRetryStrategy.NO_RETRY_STRATEGY.can_retry(1))

        class NotAsync(AsyncFunction):
            def async_invoke(self, value):
                return [value]

        with self.assertRaisesRegex(Exception, "should be declared as 'async def'"):
            AsyncDataStream.ordered_wait(ds, NotAsync(), Time.seconds(1))
        self.assertTrue(async_retry_predicates.empty_result_predicate([]))


class Sums(AsyncBatchFunction):
    async def async_invoke_batch(self, inputs):
        await asyncio.sleep(0.01)
        return ["%d:%d" % (len(inputs), row[0] + row[1]) for row in inputs]


class AsyncBatchFunctionTest(unittest.TestCase):
    """PyFlink's AsyncBatchFunction: lists of at most batch_size records per call."""

    def rows(self, n):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        return env.from_collection([(i, i) for i in range(1, n + 1)],
                                   type_info=Types.ROW_NAMED(["v1", "v2"], [Types.INT(), Types.INT()]))

    def test_batches_in_order_and_the_end_of_input(self):
        # each result says the size of its call's list: at most batch_size (the engine's batches may be smaller)
        out = AsyncDataStream.ordered_wait_batch(self.rows(5), Sums(), timeout=Time.seconds(10), batch_size=2,
                                                 output_type=Types.STRING())
        results = [tuple(map(int, r.split(":"))) for r in collect(out)]
        self.assertEqual([2, 4, 6, 8, 10], [s for _, s in results])
        self.assertTrue(all(1 <= n <= 2 for n, _ in results), results)
        out = AsyncDataStream.unordered_wait_batch(self.rows(4), Sums(), timeout=Time.seconds(10), batch_size=3,
                                                   batch_timeout=Time.milliseconds(100), output_type=Types.STRING())
        results = [tuple(map(int, r.split(":"))) for r in collect(out)]
        self.assertEqual([2, 4, 6, 8], sorted(s for _, s in results))
        self.assertTrue(all(1 <= n <= 3 for n, _ in results), results)

    def test_timeout_and_bad_results(self):
        class Slow(AsyncBatchFunction):
            async def async_invoke_batch(self, inputs):
                await asyncio.sleep(10)
                return [1 for _ in inputs]

            def timeout_batch(self, inputs):
                return [0 for _ in inputs]

        out = AsyncDataStream.unordered_wait_batch(self.rows(2), Slow(), timeout=Time.milliseconds(200), batch_size=2,
                                                   output_type=Types.INT())
        self.assertEqual([0, 0], collect(out))
        for result, message in ((42, "list type"), (None, "cannot be none")):
            class Bad(AsyncBatchFunction):
                async def async_invoke_batch(self, inputs, result=result):
                    return result

            out = AsyncDataStream.unordered_wait_batch(self.rows(2), Bad(), timeout=Time.seconds(5), batch_size=2,
                                                       output_type=Types.INT())
            with self.assertRaisesRegex(Exception, message):
                collect(out)

    def test_arguments(self):
        class NotAsync(AsyncBatchFunction):
            def async_invoke_batch(self, inputs):
                return inputs

        with self.assertRaisesRegex(Exception, "positive"):
            AsyncDataStream.unordered_wait_batch(self.rows(1), Sums(), timeout=Time.seconds(1), batch_size=-1)
        with self.assertRaisesRegex(Exception, "async def"):
            AsyncDataStream.unordered_wait_batch(self.rows(1), NotAsync(), timeout=Time.seconds(1), batch_size=2)


if __name__ == "__main__":
    unittest.main()
