"""Runs the records of a batch through an ``AsyncFunction`` (see ``sluice.datastream.async_data_stream``)."""

import asyncio


class _Failed(Exception):
    """The error of a call that no retry took, kept apart from a timeout."""

    def __init__(self, error):
        super().__init__(error)
        self.error = error


class AsyncRunner(object):
    def __init__(self, spec):
        self.function = spec["function"]
        self.timeout = spec["timeout_millis"] / 1000.0
        self.capacity = spec["capacity"]
        self.retry = spec["retry"]
        self.ordered = spec["ordered"]
        self.batch_size = spec.get("batch_size")
        self.loop = asyncio.new_event_loop()

    def run(self, records):
        """``(timestamp, results)`` of each ``(timestamp, value)``: in the records' order, or as the calls ended.
        An ``AsyncBatchFunction`` gets them in lists of at most ``batch_size``, each list's results with the
        timestamp of its last record."""
        if self.batch_size is None:
            return self.loop.run_until_complete(self._all(records))
        chunks = [records[i:i + self.batch_size] for i in range(0, len(records), self.batch_size)]
        return self.loop.run_until_complete(self._all([(chunk[-1][0], [v for _, v in chunk]) for chunk in chunks]))

    async def _all(self, records):
        slots = asyncio.Semaphore(self.capacity)
        results = [None] * len(records)
        ended = []

        async def one(i, value):
            async with slots:
                try:
                    result = await asyncio.wait_for(self._attempts(value), self.timeout)
                except _Failed:
                    raise
                except asyncio.TimeoutError:
                    result = self.function.timeout(value) if self.batch_size is None \
                        else self.function.timeout_batch(value)
                results[i] = _checked(result, self.batch_size is not None)
                ended.append(i)

        try:
            await asyncio.gather(*(one(i, value) for i, (_, value) in enumerate(records)))
        except _Failed as failed:
            raise failed.error
        order = range(len(records)) if self.ordered else ended
        return [(records[i][0], results[i]) for i in order]

    async def _attempts(self, value):
        attempt = 1
        while True:
            try:
                call = self.function.async_invoke if self.batch_size is None else self.function.async_invoke_batch
                result, error = await call(value), None
            except Exception as e:  # a retry may take it
                result, error = None, e
            if self.retry is not None and self.retry.can_retry(attempt):
                predicate = self.retry.get_retry_predicate()
                on_error, on_result = predicate.exception_predicate(), predicate.result_predicate()
                if (error is not None and on_error is not None and on_error(error)) or \
                        (error is None and on_result is not None and on_result(result)):
                    await asyncio.sleep(self.retry.get_backoff_time_millis(attempt) / 1000.0)
                    attempt += 1
                    continue
            if error is not None:
                raise _Failed(error)
            return result

    def close(self):
        self.loop.close()


def _checked(result, batch=False):
    if result is None:
        if batch:
            raise TypeError("The result of an AsyncBatchFunction cannot be none; return a list")
        return []
    if not isinstance(result, (list, tuple)):
        raise TypeError("The result of an async function should be of list type (the output records), not %r"
                        % (result,))
    return list(result)
