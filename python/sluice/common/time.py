"""Durations, window sizes and instants, as PyFlink's ``pyflink.common.time``."""

__all__ = ['Duration', 'Time', 'Instant']


class Duration(object):
    """A length of time, kept in milliseconds."""

    def __init__(self, millis):
        self._millis = int(millis)

    @staticmethod
    def of_millis(millis):
        return Duration(millis)

    @staticmethod
    def of_seconds(seconds):
        return Duration(seconds * 1000)

    @staticmethod
    def of_minutes(minutes):
        return Duration(minutes * 60000)

    @staticmethod
    def of_hours(hours):
        return Duration(hours * 3600000)

    @staticmethod
    def of_days(days):
        return Duration(days * 86400000)

    @staticmethod
    def of_nanos(nanos):
        return Duration(nanos // 1000000)

    def to_milliseconds(self):
        return self._millis

    def __eq__(self, other):
        return isinstance(other, Duration) and self._millis == other._millis

    def __hash__(self):
        return hash(self._millis)

    def __repr__(self):
        return "Duration(%d ms)" % self._millis


class Time(object):
    """A window size or slide (PyFlink's ``Time``), kept in milliseconds."""

    def __init__(self, milliseconds):
        self._milliseconds = int(milliseconds)

    def to_milliseconds(self):
        return self._milliseconds

    @staticmethod
    def milliseconds(milliseconds):
        return Time(milliseconds)

    @staticmethod
    def seconds(seconds):
        return Time(seconds * 1000)

    @staticmethod
    def minutes(minutes):
        return Time(minutes * 60000)

    @staticmethod
    def hours(hours):
        return Time(hours * 3600000)

    @staticmethod
    def days(days):
        return Time(days * 86400000)

    def __eq__(self, other):
        return isinstance(other, Time) and self._milliseconds == other._milliseconds

    def __hash__(self):
        return hash(self._milliseconds)

    def __repr__(self):
        return "%d ms" % self._milliseconds


class Instant(object):
    """A point in time: seconds and nanoseconds since the epoch."""

    def __init__(self, seconds, nanos):
        self.seconds = seconds
        self.nanos = nanos

    @staticmethod
    def of_epoch_milli(epoch_milli):
        return Instant(epoch_milli // 1000, (epoch_milli % 1000) * 1000000)

    def to_epoch_milli(self):
        return self.seconds * 1000 + self.nanos // 1000000

    def __eq__(self, other):
        return isinstance(other, Instant) and (self.seconds, self.nanos) == (other.seconds, other.nanos)

    def __hash__(self):
        return hash((self.seconds, self.nanos))

    def __repr__(self):
        return "Instant<%s, %s>" % (self.seconds, self.nanos)
