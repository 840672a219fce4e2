"""Keyed state of the Python DataStream API (PyFlink's ``pyflink.datastream.state``).

State lives in the engine's keyed-state backend and is part of its checkpoints: each state of each key is one
pickled Python value there (a ValueState's value, a ListState's list, a MapState's dict). A batch of records
reaches the Python worker with the current state of its keys, and the states the function changed go back with
the batch's results.
"""

from abc import ABC, abstractmethod

__all__ = ['StateDescriptor', 'ValueStateDescriptor', 'ListStateDescriptor', 'MapStateDescriptor',
           'ReducingStateDescriptor', 'AggregatingStateDescriptor', 'State', 'ValueState', 'ListState', 'MapState',
           'ReducingState', 'AggregatingState', 'StateTtlConfig']


class StateDescriptor(ABC):
    def __init__(self, name, type_info=None):
        self.name = name
        self.type_info = type_info

    def get_name(self):
        return self.name

    def enable_time_to_live(self, ttl_config):
        raise NotImplementedError("not supported yet: state time-to-live in the Python DataStream API")

    _kind = None


class ValueStateDescriptor(StateDescriptor):
    _kind = "value"

    def __init__(self, name, value_type_info=None):
        super().__init__(name, value_type_info)


class ListStateDescriptor(StateDescriptor):
    _kind = "list"

    def __init__(self, name, elem_type_info=None):
        super().__init__(name, elem_type_info)


class MapStateDescriptor(StateDescriptor):
    _kind = "map"

    def __init__(self, name, key_type_info=None, value_type_info=None):
        super().__init__(name, None)
        self.key_type_info = key_type_info
        self.value_type_info = value_type_info


class ReducingStateDescriptor(StateDescriptor):
    _kind = "reducing"

    def __init__(self, name, reduce_function, type_info=None):
        super().__init__(name, type_info)
        self.reduce_function = reduce_function


class AggregatingStateDescriptor(StateDescriptor):
    _kind = "aggregating"

    def __init__(self, name, agg_function, state_type_info=None):
        super().__init__(name, state_type_info)
        self.agg_function = agg_function


class StateTtlConfig(object):
    @staticmethod
    def new_builder(ttl):
        raise NotImplementedError("not supported yet: state time-to-live in the Python DataStream API")


class State(ABC):
    @abstractmethod
    def clear(self):
        pass


class ValueState(State):
    @abstractmethod
    def value(self):
        pass

    @abstractmethod
    def update(self, value):
        pass


class ListState(State):
    @abstractmethod
    def get(self):
        pass

    @abstractmethod
    def add(self, value):
        pass

    @abstractmethod
    def add_all(self, values):
        pass

    @abstractmethod
    def update(self, values):
        pass

    def __iter__(self):
        return iter(self.get())


class MapState(State):
    @abstractmethod
    def get(self, key):
        pass

    @abstractmethod
    def put(self, key, value):
        pass

    @abstractmethod
    def put_all(self, dict_value):
        pass

    @abstractmethod
    def remove(self, key):
        pass

    @abstractmethod
    def contains(self, key):
        pass

    @abstractmethod
    def items(self):
        pass

    @abstractmethod
    def keys(self):
        pass

    @abstractmethod
    def values(self):
        pass

    @abstractmethod
    def is_empty(self):
        pass

    def __getitem__(self, key):
        return self.get(key)

    def __setitem__(self, key, value):
        self.put(key, value)

    def __delitem__(self, key):
        self.remove(key)

    def __contains__(self, key):
        return self.contains(key)

    def __iter__(self):
        return iter(self.keys())


class ReducingState(State):
    @abstractmethod
    def get(self):
        pass

    @abstractmethod
    def add(self, value):
        pass


class AggregatingState(State):
    @abstractmethod
    def get(self):
        pass

    @abstractmethod
    def add(self, value):
        pass


class _KeyedValues(object):
    """The state values of the keys of one batch: ``(key, name) -> value``, and which of them changed."""

    def __init__(self):
        self.values = {}
        self.dirty = set()
        self.current_key = None

    def get(self, name):
        return self.values.get((self.current_key, name))

    def set(self, name, value):
        k = (self.current_key, name)
        self.values[k] = value
        self.dirty.add(k)

    def touch(self, name):
        self.dirty.add((self.current_key, name))


class _ValueStateImpl(ValueState):
    def __init__(self, store, name):
        self._store = store
        self._name = name

    def value(self):
        return self._store.get(self._name)

    def update(self, value):
        self._store.set(self._name, value)

    def clear(self):
        self._store.set(self._name, None)


class _ListStateImpl(ListState):
    def __init__(self, store, name):
        self._store = store
        self._name = name

    def _list(self, create):
        v = self._store.get(self._name)
        if v is None and create:
            v = []
            self._store.set(self._name, v)
        return v

    def get(self):
        v = self._store.get(self._name)
        return list(v) if v else []

    def add(self, value):
        if value is None:
            raise ValueError("You cannot add null to a ListState.")
        self._list(True).append(value)
        self._store.touch(self._name)

    def add_all(self, values):
        self._list(True).extend(values)
        self._store.touch(self._name)

    def update(self, values):
        self._store.set(self._name, list(values) if values else None)

    def clear(self):
        self._store.set(self._name, None)


class _MapStateImpl(MapState):
    def __init__(self, store, name):
        self._store = store
        self._name = name

    def _dict(self, create=False):
        v = self._store.get(self._name)
        if v is None and create:
            v = {}
            self._store.set(self._name, v)
        return v

    def get(self, key):
        d = self._dict()
        return None if d is None else d.get(key)

    def put(self, key, value):
        self._dict(True)[key] = value
        self._store.touch(self._name)

    def put_all(self, dict_value):
        self._dict(True).update(dict_value)
        self._store.touch(self._name)

    def remove(self, key):
        d = self._dict()
        if d is not None and key in d:
            del d[key]
            self._store.touch(self._name)

    def contains(self, key):
        d = self._dict()
        return d is not None and key in d

    def items(self):
        return list((self._dict() or {}).items())

    def keys(self):
        return list((self._dict() or {}).keys())

    def values(self):
        return list((self._dict() or {}).values())

    def is_empty(self):
        return not self._dict()

    def clear(self):
        self._store.set(self._name, None)


class _ReducingStateImpl(ReducingState):
    def __init__(self, store, name, reduce_function):
        self._store = store
        self._name = name
        self._reduce = reduce_function.reduce if hasattr(reduce_function, "reduce") else reduce_function

    def get(self):
        return self._store.get(self._name)

    def add(self, value):
        current = self._store.get(self._name)
        self._store.set(self._name, value if current is None else self._reduce(current, value))

    def clear(self):
        self._store.set(self._name, None)


class _AggregatingStateImpl(AggregatingState):
    def __init__(self, store, name, agg_function):
        self._store = store
        self._name = name
        self._agg = agg_function

    def get(self):
        acc = self._store.get(self._name)
        return None if acc is None else self._agg.get_result(acc)

    def add(self, value):
        acc = self._store.get(self._name)
        if acc is None:
            acc = self._agg.create_accumulator()
        self._store.set(self._name, self._agg.add(value, acc))

    def clear(self):
        self._store.set(self._name, None)


def _create_state(store, descriptor):
    kind = descriptor._kind
    if kind == "value":
        return _ValueStateImpl(store, descriptor.name)
    if kind == "list":
        return _ListStateImpl(store, descriptor.name)
    if kind == "map":
        return _MapStateImpl(store, descriptor.name)
    if kind == "reducing":
        return _ReducingStateImpl(store, descriptor.name, descriptor.reduce_function)
    if kind == "aggregating":
        return _AggregatingStateImpl(store, descriptor.name, descriptor.agg_function)
    raise TypeError("unknown state descriptor %r" % descriptor)
