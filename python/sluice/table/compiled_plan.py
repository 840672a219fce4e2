"""Compiled plans (PyFlink's ``CompiledPlan`` and ``PlanReference``): the engine's ``COMPILE PLAN`` file of an
INSERT or statement set, which ``EXECUTE PLAN`` runs later."""

import json
import os
import tempfile

__all__ = ['CompiledPlan', 'PlanReference']


def _literal(text):
    return "'%s'" % str(text).replace("'", "''")


class PlanReference(object):
    """Where a compiled plan is: a file or a JSON string."""

    def __init__(self, file_path=None, json_string=None):
        self._file_path = file_path
        self._json_string = json_string

    @staticmethod
    def from_file(path):
        return PlanReference(file_path=str(path))

    @staticmethod
    def from_json_string(json_string):
        return PlanReference(json_string=json_string)

    @staticmethod
    def from_resource(resource_path, class_loader=None):
        raise NotImplementedError("not supported yet: PlanReference.from_resource (use from_file)")

    def _json(self):
        if self._json_string is not None:
            return self._json_string
        with open(self._file_path, encoding="utf-8") as f:
            return f.read()


class CompiledPlan(object):
    """A plan ``compile_plan_sql`` or ``load_plan`` gave: its JSON, written to a file, explained or executed."""

    def __init__(self, t_env, json_string):
        self._t_env = t_env
        self._json = json_string

    def as_json_string(self):
        return self._json

    def write_to_file(self, file, ignore_if_exists=False):
        """Writes the plan's JSON; an existing file is an error unless ``ignore_if_exists`` (then it is kept) or
        ``table.plan.force-recompile`` is true (then it is overwritten)."""
        path = str(file)
        if os.path.exists(path):
            if ignore_if_exists:
                return
            if self._t_env.get_config().get("table.plan.force-recompile", "false").lower() != "true":
                from sluice.util.exceptions import TableException
                raise TableException("The plan file '%s' already exists. If you want to force overwriting the "
                                     "file, set the option 'table.plan.force-recompile' to true." % path)
        with open(path, "w", encoding="utf-8") as f:
            f.write(self._json)

    def explain(self, *extra_details):
        """The optimized plan as EXPLAIN prints it."""
        return json.loads(self._json).get("plan", "")

    def print(self):
        print(self.explain())

    def get_flink_version(self):
        """The Flink version whose SQL the plan was compiled for, as a string such as ``'2.3'``."""
        version = json.loads(self._json).get("flinkVersion")
        if version is None:
            raise NotImplementedError("not supported yet: CompiledPlan.get_flink_version of a plan written before "
                                      "plans recorded their Flink version (compile it again)")
        return version

    def execute(self):
        """Runs the plan (``EXECUTE PLAN``); a TableResult as ``execute_sql`` of the statement gives."""
        return self._t_env._execute_plan_json(self._json)

    def __str__(self):
        return self.explain()


def compile_plan(t_env, stmt):
    """The plan of an INSERT or ``EXECUTE STATEMENT SET`` statement (``COMPILE PLAN ... FOR``)."""
    directory = tempfile.mkdtemp(prefix="sluice-plan-")
    path = os.path.join(directory, "plan.json")
    try:
        text = stmt.strip().rstrip(";")
        if text.upper().startswith("EXECUTE "):
            text = text[len("EXECUTE "):].lstrip()
        t_env.execute_sql("COMPILE PLAN %s FOR %s" % (_literal(path), text))
        with open(path, encoding="utf-8") as f:
            return CompiledPlan(t_env, f.read())
    finally:
        if os.path.exists(path):
            os.remove(path)
        os.rmdir(directory)


def execute_plan_json(t_env, json_string):
    directory = tempfile.mkdtemp(prefix="sluice-plan-")
    path = os.path.join(directory, "plan.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json_string)
    try:
        return t_env.execute_sql("EXECUTE PLAN %s" % _literal(path))
    finally:
        os.remove(path)
        os.rmdir(directory)
