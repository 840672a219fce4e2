"""Asynchronous I/O in the DataStream API, as PyFlink 2.x has it: ``AsyncDataStream.ordered_wait`` /
``unordered_wait`` (and ``..._with_retry``) apply an ``AsyncFunction`` whose ``async_invoke`` is a coroutine.

The records of a batch the engine hands the Python worker are awaited concurrently on the worker's event loop, at
most ``capacity`` at a time; the batch's results go back to the engine when all of its calls have ended, so a
checkpoint never has calls in flight. ``timeout`` bounds each record's calls (its retries included); when it
passes, the function's ``timeout(value)`` gives the result.
"""

from sluice.datastream.async_retry_strategies import AsyncRetryPredicate, AsyncRetryStrategy

__all__ = ['AsyncDataStream', 'AsyncRetryStrategy', 'AsyncRetryPredicate']


class AsyncDataStream(object):
    """Applies an ``AsyncFunction`` to a stream: ``ordered_wait`` keeps the records' order, ``unordered_wait``
    emits each result as its call ends."""

    @staticmethod
    def unordered_wait(data_stream, async_function, timeout, capacity=100, output_type=None):
        return AsyncDataStream._wait(data_stream, async_function, timeout, None, capacity, output_type, False)

    @staticmethod
    def ordered_wait(data_stream, async_function, timeout, capacity=100, output_type=None):
        return AsyncDataStream._wait(data_stream, async_function, timeout, None, capacity, output_type, True)

    @staticmethod
    def unordered_wait_with_retry(data_stream, async_function, timeout, async_retry_strategy, capacity=100,
                                  output_type=None):
        return AsyncDataStream._wait(data_stream, async_function, timeout, async_retry_strategy, capacity,
                                     output_type, False)

    @staticmethod
    def ordered_wait_with_retry(data_stream, async_function, timeout, async_retry_strategy, capacity=100,
                                output_type=None):
        return AsyncDataStream._wait(data_stream, async_function, timeout, async_retry_strategy, capacity,
                                     output_type, True)

    @staticmethod
    def unordered_wait_batch(data_stream, async_function, timeout, batch_size, batch_timeout=None,
                             output_type=None):
        return AsyncDataStream._wait_batch(data_stream, async_function, timeout, batch_size, batch_timeout,
                                           output_type, False)

    @staticmethod
    def ordered_wait_batch(data_stream, async_function, timeout, batch_size, batch_timeout=None, output_type=None):
        return AsyncDataStream._wait_batch(data_stream, async_function, timeout, batch_size, batch_timeout,
                                           output_type, True)

    @staticmethod
    def _wait_batch(data_stream, async_function, timeout, batch_size, batch_timeout, output_type, ordered):
        """An ``AsyncBatchFunction`` gets the records of the engine's batch in lists of at most ``batch_size``
        (a shorter last one: the engine's batches end sooner than ``batch_timeout``), awaited together."""
        import inspect
        from sluice.datastream.functions import AsyncBatchFunction
        if not isinstance(async_function, AsyncBatchFunction):
            raise TypeError("The async function must be an AsyncBatchFunction, not %r" % (async_function,))
        if not inspect.iscoroutinefunction(async_function.async_invoke_batch):
            raise Exception("Method 'async_invoke_batch' of class '%s' should be declared as 'async def'."
                            % type(async_function))
        if batch_size is None or int(batch_size) <= 0:
            raise ValueError("The batch size must be positive, not %r" % (batch_size,))
        millis = timeout.to_milliseconds() if hasattr(timeout, "to_milliseconds") else int(timeout)
        if millis <= 0:
            raise ValueError("The timeout must be positive, not %r" % (timeout,))
        spec = {"function": async_function, "timeout_millis": millis, "capacity": 1 << 30, "retry": None,
                "ordered": ordered, "batch_size": int(batch_size)}
        stream = data_stream._plain()
        return stream._python("async", spec, output_type,
                              "Async Batch Wait" if ordered else "Async Batch Wait (unordered)")

    @staticmethod
    def _wait(data_stream, async_function, timeout, retry, capacity, output_type, ordered):
        import inspect
        from sluice.datastream.functions import AsyncFunction
        if not isinstance(async_function, AsyncFunction):
            raise TypeError("The async function must be an AsyncFunction, not %r" % (async_function,))
        if not inspect.iscoroutinefunction(async_function.async_invoke):
            raise Exception("Method 'async_invoke' of class '%s' should be declared as 'async def'."
                            % type(async_function))
        if capacity is None or int(capacity) <= 0:
            raise ValueError("The capacity must be positive, not %r" % (capacity,))
        millis = timeout.to_milliseconds() if hasattr(timeout, "to_milliseconds") else int(timeout)
        if millis <= 0:
            raise ValueError("The timeout must be positive, not %r" % (timeout,))
        spec = {"function": async_function, "timeout_millis": millis, "capacity": int(capacity),
                "retry": retry, "ordered": ordered}
        stream = data_stream._plain()
        return stream._python("async", spec, output_type, "Async Wait" if ordered else "Async Wait (unordered)")
