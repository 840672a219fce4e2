"""A string key/value configuration, as PyFlink's ``Configuration``."""

__all__ = ['Configuration']


class Configuration(object):
    """Options by key, all kept as strings (the engine parses them)."""

    def __init__(self, other=None):
        self._options = dict(other._options) if other is not None else {}

    def set_string(self, key, value):
        self._options[key] = str(value)
        return self

    def get_string(self, key, default_value):
        return self._options.get(key, default_value)

    def set_integer(self, key, value):
        return self.set_string(key, value)

    def get_integer(self, key, default_value):
        return int(self._options[key]) if key in self._options else default_value

    def set_boolean(self, key, value):
        return self.set_string(key, "true" if value else "false")

    def get_boolean(self, key, default_value):
        return self._options[key].lower() == "true" if key in self._options else default_value

    def contains_key(self, key):
        return key in self._options

    def key_set(self):
        return set(self._options)

    def to_dict(self):
        return dict(self._options)

    def add_all(self, other, prefix=None):
        for k, v in other._options.items():
            self._options[(prefix or "") + k] = v
        return self
