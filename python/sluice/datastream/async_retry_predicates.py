"""Predicates for ``AsyncRetryStrategy``: retry on an empty result, on any error, or on an error of a type."""

__all__ = ['empty_result_predicate', 'has_exception_predicate', 'exception_type_predicate']


def empty_result_predicate(result):
    return result is None or len(result) == 0


def has_exception_predicate(exception):
    return exception is not None


def exception_type_predicate(exception, expected_error_type):
    return isinstance(exception, expected_error_type)
