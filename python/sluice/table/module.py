"""Modules of a TableEnvironment (PyFlink's ``pyflink.table.module``). The engine has one module, ``core``, which
provides the built-in functions."""

__all__ = ['Module', 'ModuleEntry', 'HiveModule']


class Module(object):
    """A module as ``load_module`` takes it: the module type it is loaded as (``core``)."""

    def __init__(self, module_type="core"):
        self._module_type = module_type


class HiveModule(Module):
    def __init__(self, hive_version=None):
        raise NotImplementedError("not supported yet: HiveModule (the engine's only module is 'core')")


class ModuleEntry(object):
    """A loaded module's name and whether it is in use (``list_full_modules``)."""

    def __init__(self, name, used):
        self._name = name
        self._used = used

    def name(self):
        return self._name

    def used(self):
        return self._used

    def __eq__(self, other):
        return isinstance(other, ModuleEntry) and (self._name, self._used) == (other._name, other._used)

    def __hash__(self):
        return hash((self._name, self._used))

    def __repr__(self):
        return "ModuleEntry(%s, %s)" % (self._name, self._used)
