"""ListView and MapView (PyFlink's ``pyflink.table.data_view``): collections for the accumulators of Python aggregate
functions, declared with ``DataTypes.LIST_VIEW(...)``/``DataTypes.MAP_VIEW(...)`` in the accumulator type. In Sluice
an accumulator travels whole (pickled) between the engine and the Python worker, so a view is a list or dict inside
it: the same API and results as in PyFlink, without PyFlink's lazy state access for very large accumulators."""

from abc import ABC, abstractmethod

__all__ = ['DataView', 'ListView', 'MapView']


class DataView(ABC):
    """A collection in an accumulator."""

    @abstractmethod
    def clear(self):
        """Removes every element."""


class ListView(DataView):
    """A list in an accumulator: ``add``, ``add_all``, ``get`` (an iterable), ``clear``, iteration."""

    def __init__(self):
        self._list = []

    def get(self):
        return self._list

    def add(self, value):
        self._list.append(value)

    def add_all(self, values):
        self._list.extend(values)

    def clear(self):
        self._list = []

    def __iter__(self):
        return iter(self._list)

    def __eq__(self, other):
        return isinstance(other, ListView) and list(self) == list(other)

    __hash__ = None

    def __repr__(self):
        return "ListView(%r)" % (self._list,)


class _KeyIterator(object):
    """The keys of a MapView; ``remove()`` removes the key last returned."""

    def __init__(self, view):
        self._view = view
        self._keys = iter(list(view._dict.keys()))
        self._current = None
        self._has_current = False

    def __iter__(self):
        return self

    def __next__(self):
        self._current = next(self._keys)
        self._has_current = True
        return self._current

    def remove(self):
        if not self._has_current:
            raise RuntimeError("remove() without a current key")
        self._view._dict.pop(self._current, None)
        self._has_current = False


class MapView(DataView):
    """A dict in an accumulator: ``get``/``put``/``put_all``/``remove``/``contains``, ``keys()`` (an iterator with
    ``remove()``), ``values()``, ``items()``, ``is_empty()``, ``clear()``, and ``view[key]``, ``key in view``,
    iteration over the keys."""

    def __init__(self):
        self._dict = {}

    def get(self, key):
        return self._dict.get(key)

    def put(self, key, value):
        self._dict[key] = value

    def put_all(self, dict_value):
        self._dict.update(dict_value)

    def remove(self, key):
        self._dict.pop(key, None)

    def contains(self, key):
        return key in self._dict

    def items(self):
        return iter(list(self._dict.items()))

    def values(self):
        return iter(list(self._dict.values()))

    def keys(self):
        return _KeyIterator(self)

    def is_empty(self):
        return not self._dict

    def clear(self):
        self._dict = {}

    def __getitem__(self, key):
        return self.get(key)

    def __setitem__(self, key, value):
        self.put(key, value)

    def __delitem__(self, key):
        self.remove(key)

    def __contains__(self, key):
        return self.contains(key)

    def __iter__(self):
        return self.keys()

    def __len__(self):
        return len(self._dict)

    def __eq__(self, other):
        return isinstance(other, MapView) and self._dict == other._dict

    __hash__ = None

    def __repr__(self):
        return "MapView(%r)" % (self._dict,)
