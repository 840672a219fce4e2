"""Session configuration of a TableEnvironment (PyFlink's ``TableConfig``)."""

from sluice.common.configuration import Configuration

__all__ = ['TableConfig']


class _LiveConfiguration(Configuration):
    """The Configuration of a TableConfig: setting an option sets it in the engine's session."""

    def __init__(self, table_config):
        super().__init__()
        self._table_config = table_config

    def set_string(self, key, value):
        self._table_config.set(key, str(value))
        return self

    def get_string(self, key, default_value):
        return self._table_config.get(key, default_value)

    def to_dict(self):
        return dict(self._table_config._values)


def add_jars(t_env, jars):
    """``ADD JAR`` for each of the ``;``-separated paths or ``file:`` URLs of ``jars`` (``pipeline.jars``)."""
    from urllib.parse import unquote, urlparse
    for jar in (j.strip() for j in jars.split(";")):
        if not jar:
            continue
        if jar.startswith("file:"):
            jar = unquote(urlparse(jar).path)
        elif "://" in jar:
            raise NotImplementedError("not supported yet: jars at %s (only local files)" % jar)
        t_env.execute_sql("ADD JAR '%s'" % jar.replace("'", "''"))


class TableConfig(object):
    """Options of the session (``parallelism.default``, ``table.exec.state.ttl``, ...): the keys of ``SET``.
    ``pipeline.jars`` (``;``-separated jar paths or ``file:`` URLs) adds the jars to the session (``ADD JAR``)."""

    _t_env = None

    def __init__(self, j_config):
        self._j = j_config
        self._values = {}

    def set(self, key, value):
        if key == "pipeline.jars" and self._t_env is not None:
            add_jars(self._t_env, str(value))
        self._j._invoke("set", key, str(value))
        self._values[key] = str(value)
        return self

    def get(self, key, default_value=None):
        return self._values.get(key, default_value)

    def get_configuration(self):
        return _LiveConfiguration(self)

    def add_configuration(self, configuration):
        for k, v in configuration.to_dict().items():
            self.set(k, v)

    def set_local_timezone(self, timezone_id):
        return self.set("table.local-time-zone", timezone_id)

    def get_local_timezone(self):
        return self.get("table.local-time-zone", "default")

    def set_idle_state_retention(self, duration):
        millis = duration.total_seconds() * 1000 if hasattr(duration, "total_seconds") else duration
        return self.set("table.exec.state.ttl", "%d ms" % int(millis))

    def add_job_parameter(self, key, value):
        self._j._invoke("addJobParameter", key, value)
