"""When an ``AsyncFunction``'s call is made again (PyFlink's ``pyflink.datastream.async_retry_strategies``): a
strategy says whether attempt ``n`` may be retried and after how long, and its predicate which results and errors call
for a retry. ``AsyncRetryStrategy.fixed_delay`` and ``exponential_backoff`` make the usual ones."""

__all__ = ['AsyncRetryPredicate', 'AsyncRetryStrategy', 'RetryPredicate', 'NoRetryStrategy',
           'FixedDelayRetryStrategy', 'ExponentialBackoffDelayRetryStrategy', 'NO_RETRY_STRATEGY']


class AsyncRetryPredicate(object):
    """When to retry a call: ``result_predicate()(result)`` of its result, ``exception_predicate()(error)`` of its
    error (either may be None)."""

    def result_predicate(self):
        return None

    def exception_predicate(self):
        return None


class AsyncRetryStrategy(object):
    """Whether the call may be made again after ``current_attempts`` retries so far (counted from 1), and after how
    many milliseconds."""

    def can_retry(self, current_attempts):
        return False

    def get_backoff_time_millis(self, current_attempts):
        return -1

    def get_retry_predicate(self):
        return RetryPredicate(None, None)

    @staticmethod
    def fixed_delay(max_attempts, backoff_time_millis, result_predicate=None, exception_predicate=None):
        """Up to ``max_attempts`` retries, ``backoff_time_millis`` apart."""
        return FixedDelayRetryStrategy(max_attempts, backoff_time_millis, result_predicate, exception_predicate)

    @staticmethod
    def exponential_backoff(max_attempts, initial_delay, max_delay, multiplier, result_predicate=None,
                            exception_predicate=None):
        """Up to ``max_attempts`` retries; the wait starts at ``initial_delay`` ms and grows by ``multiplier`` up to
        ``max_delay`` ms."""
        return ExponentialBackoffDelayRetryStrategy(max_attempts, initial_delay, max_delay, multiplier,
                                                    result_predicate, exception_predicate)


class RetryPredicate(AsyncRetryPredicate):
    def __init__(self, result_predicate, exception_predicate):
        self._result_predicate = result_predicate
        self._exception_predicate = exception_predicate

    def result_predicate(self):
        return self._result_predicate

    def exception_predicate(self):
        return self._exception_predicate


class NoRetryStrategy(AsyncRetryStrategy):
    pass


class FixedDelayRetryStrategy(AsyncRetryStrategy):
    def __init__(self, max_attempts, backoff_time_millis, result_predicate, exception_predicate):
        if max_attempts <= 0 or backoff_time_millis <= 0:
            raise ValueError("max_attempts and backoff_time_millis must be greater than zero")
        self._max_attempts = int(max_attempts)
        self._backoff = int(backoff_time_millis)
        self._predicate = RetryPredicate(result_predicate, exception_predicate)

    def can_retry(self, current_attempts):
        return current_attempts <= self._max_attempts

    def get_backoff_time_millis(self, current_attempts):
        return self._backoff

    def get_retry_predicate(self):
        return self._predicate


class ExponentialBackoffDelayRetryStrategy(AsyncRetryStrategy):
    def __init__(self, max_attempts, initial_delay, max_retry_delay, multiplier, result_predicate,
                 exception_predicate):
        if max_attempts <= 0 or initial_delay <= 0 or max_retry_delay <= 0 or multiplier <= 0:
            raise ValueError("max_attempts, initial_delay, max_retry_delay and multiplier must be greater than zero")
        self._max_attempts = int(max_attempts)
        self._initial = initial_delay
        self._max_delay = max_retry_delay
        self._multiplier = multiplier
        self._predicate = RetryPredicate(result_predicate, exception_predicate)

    def can_retry(self, current_attempts):
        return current_attempts <= self._max_attempts

    def get_backoff_time_millis(self, current_attempts):
        return int(min(self._max_delay, self._initial * self._multiplier ** (max(current_attempts, 1) - 1)))

    def get_retry_predicate(self):
        return self._predicate


NO_RETRY_STRATEGY = NoRetryStrategy()
AsyncRetryStrategy.NO_RETRY_STRATEGY = NO_RETRY_STRATEGY
