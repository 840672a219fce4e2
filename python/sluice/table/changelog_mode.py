"""ChangelogMode (PyFlink's ``pyflink.table.changelog_mode``): the kinds of changes a changelog stream carries, for
``StreamTableEnvironment.from_changelog_stream`` and ``to_changelog_stream``."""

__all__ = ['ChangelogMode']


class ChangelogMode(object):
    """``insert_only()``: +I only; ``upsert()``: +I, +U and -D (no -U, updates by primary key); ``all()``: every
    kind (+I, -U, +U, -D)."""

    def __init__(self, factory):
        # the engine's ChangelogMode, made by its static factory method of that name
        self._j = {"s": "ChangelogMode." + factory, "args": []}
        self._name = factory

    @staticmethod
    def insert_only():
        return ChangelogMode("insertOnly")

    @staticmethod
    def upsert():
        return ChangelogMode("upsert")

    @staticmethod
    def all():
        return ChangelogMode("all")

    def __repr__(self):
        return "ChangelogMode.%s()" % {"insertOnly": "insert_only"}.get(self._name, self._name)
