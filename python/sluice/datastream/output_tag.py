"""OutputTag: names a side output of a process function (PyFlink's ``pyflink.datastream.output_tag``)."""

__all__ = ['OutputTag']


class OutputTag(object):
    """A side output: ``ctx.output(tag, value)`` in a process function emits to it, ``get_side_output(tag)`` reads
    it. ``type_info`` is the type of its records (None: pickled Python objects)."""

    def __init__(self, tag_id, type_info=None):
        if not tag_id:
            raise ValueError("OutputTag id cannot be empty")
        self.tag_id = tag_id
        self.type_info = type_info

    def __eq__(self, other):
        return isinstance(other, OutputTag) and other.tag_id == self.tag_id

    def __hash__(self):
        return hash(self.tag_id)

    def __repr__(self):
        return "OutputTag(%s)" % self.tag_id
