"""Settings of a TableEnvironment (PyFlink's ``EnvironmentSettings``)."""

from sluice.common.configuration import Configuration

__all__ = ['EnvironmentSettings']


class EnvironmentSettings(object):
    """Streaming or batch mode, plus configuration options for the new environment."""

    class Builder(object):
        def __init__(self):
            self._streaming = True
            self._config = Configuration()

        def in_batch_mode(self):
            self._streaming = False
            return self

        def in_streaming_mode(self):
            self._streaming = True
            return self

        def with_configuration(self, config):
            self._config.add_all(config)
            return self

        def with_built_in_catalog_name(self, name):
            self._config.set_string("table.builtin-catalog-name", name)
            return self

        def with_built_in_database_name(self, name):
            self._config.set_string("table.builtin-database-name", name)
            return self

        def build(self):
            return EnvironmentSettings(self._streaming, self._config)

    def __init__(self, streaming=True, config=None):
        self._streaming = streaming
        self._config = config or Configuration()

    @staticmethod
    def new_instance():
        return EnvironmentSettings.Builder()

    @staticmethod
    def in_streaming_mode():
        return EnvironmentSettings(True)

    @staticmethod
    def in_batch_mode():
        return EnvironmentSettings(False)

    @staticmethod
    def from_configuration(config):
        mode = config.get_string("execution.runtime-mode", "streaming").lower()
        return EnvironmentSettings(mode != "batch", Configuration(config))

    def is_streaming_mode(self):
        return self._streaming

    def get_configuration(self):
        return self._config

    def to_configuration(self):
        return self._config
