"""Modules of PyFlink that Sluice does not have yet: importing a name from one raises
``NotImplementedError("not supported yet: ...")`` naming it, instead of an ImportError that looks like a typo."""


def unsupported_module(module, what):
    """A module ``__getattr__`` for ``module`` (its PyFlink name) that says ``what`` it is not supported yet."""

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise NotImplementedError("not supported yet: %s of %s (%s)" % (name, module, what))

    return __getattr__
