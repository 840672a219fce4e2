"""Asynchronous I/O in the DataStream API, as PyFlink 2.x has it: ``AsyncDataStream.ordered_wait`` /
``unordered_wait`` (and ``..._with_retry``) apply an ``AsyncFunction`` whose ``async_invoke`` is a coroutine.

The records of a batch the engine hands the Python worker are awaited concurrently on the worker's event loop, at
most ``capacity`` at a time; the batch's results go back to the engine when all of its calls have ended, so a
checkpoint never has calls in flight. ``timeout`` bounds each record's calls (its retries included); when it
passes, the function's ``timeout(value)`` gives the result.
"""

__all__ = ['AsyncDataStream', 'AsyncRetryStrategy', 'AsyncRetryPredicate']


class AsyncRetryPredicate(object):
    """When to retry a call: ``result_predicate(result)`` of its result, ``exception_predicate(exception)`` of
    its error (either may be None)."""

    def __init__(self, result_predicate=None, exception_predicate=None):
        self._result_predicate = result_predicate
        self._exception_predicate = exception_predicate

    def result_predicate(self):
        return self._result_predicate

    def exception_predicate(self):
        return self._exception_predicate


class AsyncRetryStrategy(object):
    """How often and after how long a failed or unwanted call of an ``AsyncFunction`` is made again."""

    def __init__(self, max_attempts, backoff, predicate):
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._predicate = predicate

    @staticmethod
    def fixed_delay(max_attempts, backoff_time_millis, result_predicate=None, exception_predicate=None):
        """Up to ``max_attempts`` calls in all, ``backoff_time_millis`` apart."""
        return AsyncRetryStrategy(int(max_attempts), lambda attempt: int(backoff_time_millis),
                                  AsyncRetryPredicate(result_predicate, exception_predicate))

    @staticmethod
    def exponential_backoff(max_attempts, initial_delay, max_delay, multiplier, result_predicate=None,
                            exception_predicate=None):
        """Up to ``max_attempts`` calls in all; the wait starts at ``initial_delay`` ms and grows by
        ``multiplier`` up to ``max_delay`` ms."""
        return AsyncRetryStrategy(
            int(max_attempts), lambda attempt: int(min(max_delay, initial_delay * multiplier ** (attempt - 1))),
            AsyncRetryPredicate(result_predicate, exception_predicate))

    def can_retry(self, current_attempts):
        return current_attempts < self._max_attempts

    def get_backoff_time_millis(self, current_attempts):
        return self._backoff(current_attempts)

    def get_retry_predicate(self):
        return self._predicate


AsyncRetryStrategy.NO_RETRY_STRATEGY = AsyncRetryStrategy(1, lambda attempt: 0, AsyncRetryPredicate())


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
    def _wait(data_stream, async_function, timeout, retry, capacity, output_type, ordered):
        from sluice.datastream.functions import AsyncFunction
        if not isinstance(async_function, AsyncFunction):
            raise TypeError("The async function must be an AsyncFunction, not %r" % (async_function,))
        if capacity is None or int(capacity) <= 0:
            raise ValueError("The capacity must be positive, not %r" % (capacity,))
        millis = timeout.to_milliseconds() if hasattr(timeout, "to_milliseconds") else int(timeout)
        if millis <= 0:
            raise ValueError("The timeout must be positive, not %r" % (timeout,))
        spec = {"function": async_function, "timeout_millis": millis, "capacity": int(capacity),
                "retry": retry, "ordered": ordered}
        stream = data_stream._plain()
        return stream._python("async", spec, output_type, "Async Wait" if ordered else "Async Wait (unordered)")
