"""PyFlink's ``pyflink.common.restart_strategy``: how a failed job restarts, set with
``StreamExecutionEnvironment.set_restart_strategy``. Each configuration stands for the engine's ``restart-strategy.*``
options: ``no_restart()`` is ``restart-strategy.type: none``, ``fixed_delay_restart(attempts, delay)`` is
``fixed-delay`` with ``restart-strategy.fixed-delay.attempts`` and ``.delay``, and ``fall_back_restart()`` leaves the
configuration's strategy (or the engine's default). The engine has no failure-rate strategy:
``failure_rate_restart`` raises NotImplementedError."""

from datetime import timedelta

__all__ = ['RestartStrategies', 'RestartStrategyConfiguration']

_TYPE = "restart-strategy.type"
_ATTEMPTS = "restart-strategy.fixed-delay.attempts"
_DELAY = "restart-strategy.fixed-delay.delay"


def _millis(value, name):
    if isinstance(value, timedelta):
        return int(value.total_seconds() * 1000)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError("The parameter '%s' only supports integer and datetime.timedelta, current input type is %s."
                    % (name, type(value)))


class RestartStrategyConfiguration(object):
    """A restart strategy; its options go into the job's configuration."""

    def get_description(self):
        raise NotImplementedError

    def _options(self):
        """The configuration entries this strategy stands for (the restart-strategy options it leaves are removed)."""
        raise NotImplementedError

    def _apply(self, config):
        for key in [k for k in config if k.startswith("restart-strategy.")]:
            del config[key]
        config.update(self._options())

    def __eq__(self, other):
        return type(self) is type(other) and self._options() == other._options()

    def __hash__(self):
        return hash(tuple(sorted(self._options().items())))

    def __repr__(self):
        return self.get_description()


class RestartStrategies(object):
    """Makes the restart strategy configurations."""

    class NoRestartStrategyConfiguration(RestartStrategyConfiguration):
        """A failed job fails for good."""

        def get_description(self):
            return "Restart deactivated."

        def _options(self):
            return {_TYPE: "none"}

    class FixedDelayRestartStrategyConfiguration(RestartStrategyConfiguration):
        """A failed job restarts from its latest checkpoint up to ``restart_attempts`` times, after a fixed pause."""

        def __init__(self, restart_attempts, delay_between_attempts_interval):
            self._attempts = int(restart_attempts)
            self._delay = _millis(delay_between_attempts_interval, "delay_between_attempts_interval")

        def get_restart_attempts(self):
            return self._attempts

        def get_delay_between_attempts_interval(self):
            return timedelta(milliseconds=self._delay)

        def get_description(self):
            return "Restart with fixed delay (%d ms). #%d restart attempts." % (self._delay, self._attempts)

        def _options(self):
            return {_TYPE: "fixed-delay", _ATTEMPTS: str(self._attempts), _DELAY: "%d ms" % self._delay}

    class FailureRateRestartStrategyConfiguration(RestartStrategyConfiguration):
        """PyFlink's failure-rate strategy: not supported yet (the engine has none, nor its options)."""

        def __init__(self, max_failure_rate, failure_interval, delay_between_attempts_interval):
            _millis(failure_interval, "failure_interval")
            _millis(delay_between_attempts_interval, "delay_between_attempts_interval")
            raise NotImplementedError("not supported yet: the failure-rate restart strategy (use fixed_delay_restart, "
                                      "or 'restart-strategy.type' exponential-delay in the Configuration)")

    class FallbackRestartStrategyConfiguration(RestartStrategyConfiguration):
        """The strategy of the configuration, or the engine's default (exponential-delay with checkpointing, none
        without)."""

        def get_description(self):
            return "Cluster level default restart strategy"

        def _options(self):
            return {}

        def _apply(self, config):
            pass

    @staticmethod
    def no_restart():
        return RestartStrategies.NoRestartStrategyConfiguration()

    @staticmethod
    def fall_back_restart():
        return RestartStrategies.FallbackRestartStrategyConfiguration()

    @staticmethod
    def fixed_delay_restart(restart_attempts, delay_between_attempts):
        """Restarts at most ``restart_attempts`` times, ``delay_between_attempts`` (milliseconds or a timedelta) after
        each failure."""
        return RestartStrategies.FixedDelayRestartStrategyConfiguration(restart_attempts, delay_between_attempts)

    @staticmethod
    def failure_rate_restart(failure_rate, failure_interval, delay_interval):
        return RestartStrategies.FailureRateRestartStrategyConfiguration(failure_rate, failure_interval,
                                                                         delay_interval)


def _from_config(config):
    """The strategy a configuration names with ``restart-strategy.type`` (fall-back where it names none that Python
    has)."""
    kind = (config.get(_TYPE) or "").strip().lower()
    if kind in ("none", "off", "disable"):
        return RestartStrategies.no_restart()
    if kind in ("fixed-delay", "fixeddelay"):
        from sluice.datastream._durations import parse_millis
        return RestartStrategies.fixed_delay_restart(int(config.get(_ATTEMPTS, 1)),
                                                     parse_millis(config.get(_DELAY, "1 s")))
    return RestartStrategies.fall_back_restart()
