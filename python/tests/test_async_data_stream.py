"""Asynchronous I/O of the DataStream API (PyFlink 2.x's ``AsyncDataStream`` and ``AsyncFunction``), with PyFlink's
examples/datastream/asyncio/remote_model_inference.py renamed (a bounded sequence for its random source, short
sleeps, and the first call of every third user failing instead of a random one)."""

import asyncio
import functools
import json
import unittest
from typing import List

from sluice.common import Row, Time, Types
from sluice.datastream import (AsyncDataStream, AsyncFunction, AsyncRetryStrategy, RuntimeContext,
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


if __name__ == "__main__":
    unittest.main()
