"""Exceptions raised for errors reported by the engine, with PyFlink's names."""

__all__ = ['JavaException', 'TableException', 'ValidationException', 'SqlParserException',
           'convert_java_error']


class JavaException(Exception):
    """An error of the engine that has no more specific Python class."""

    def __init__(self, msg, java_class=""):
        super().__init__(msg)
        self.msg = msg
        self.java_class = java_class

    def __str__(self):
        return self.msg


class TableException(JavaException):
    """A general failure of the Table API or of a job."""


class ValidationException(JavaException):
    """A query or call that does not validate (unknown column, type mismatch, ...)."""


class SqlParserException(JavaException):
    """SQL text that does not parse."""


_CLASSES = {
    "TableException": TableException,
    "ValidationException": ValidationException,
    "SqlParserException": SqlParserException,
}


def convert_java_error(message, java_class, unsupported):
    """The Python exception for an engine error: NotImplementedError for what is not supported yet."""
    if unsupported:
        text = message if message.startswith("not supported yet") else "not supported yet: " + message
        return NotImplementedError(text)
    return _CLASSES.get(java_class, JavaException)(message, java_class)
