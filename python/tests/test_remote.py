"""TableEnvironment attached to a running Sluice server (its Flink SQL Gateway REST API), started by the test from
the engine's class path as bin/sluice-server starts it."""

import os
import re
import subprocess
import tempfile
import threading
import unittest

from sluice.common import Configuration, RowKind
from sluice.table import EnvironmentSettings, TableEnvironment
from sluice.table.udf import udf
from sluice.table import DataTypes


def start_server():
    """Starts io.sluice.server.SluiceServer on free loopback ports; returns the process and its HTTP URL."""
    from sluice.java_gateway import _class_path, _java, _jvm_flags
    java = _java()
    cmd = [java] + _jvm_flags(java) + ["-cp", _class_path(), "io.sluice.server.SluiceServer", "--pg-port", "0",
                                       "--http-port", "0", "--flight-port", "-1"]
    env = dict(os.environ)
    env.pop("SLUICE_SERVER_PASSWORD", None)
    process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env)
    lines = []
    for raw in iter(process.stderr.readline, b""):
        line = raw.decode("utf-8", "replace")
        lines.append(line)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            # keep reading the server's stderr so that it never blocks on a full pipe
            threading.Thread(target=lambda: [None for _ in iter(process.stderr.readline, b"")], daemon=True).start()
            return process, "http://127.0.0.1:%s" % match.group(1)
    process.wait(timeout=30)
    raise RuntimeError("The Sluice server did not start (is sluice-server on the class path?):\n" + "".join(lines))


class RemoteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server, cls.url = start_server()

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        try:
            cls.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            cls.server.kill()

    def settings(self, batch=False):
        config = Configuration()
        config.set_string("sluice.server.url", self.url)
        builder = EnvironmentSettings.new_instance().with_configuration(config)
        return (builder.in_batch_mode() if batch else builder.in_streaming_mode()).build()

    def test_sql_runs_in_the_server(self):
        t_env = TableEnvironment.create(self.settings(batch=True))
        self.assertEqual(type(t_env).__name__, "RemoteTableEnvironment")
        out = tempfile.mkdtemp()
        t_env.execute_sql("CREATE TABLE nums (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5', "
                          "'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '5')")
        t_env.execute_sql("CREATE TABLE squares (n BIGINT, sq BIGINT) WITH ('connector' = 'filesystem', "
                          "'path' = '%s', 'format' = 'csv')" % out)
        result = t_env.execute_sql("INSERT INTO squares SELECT n, n * n FROM nums")
        self.assertRegex(result.get_job_client().get_job_id(), r"^[0-9a-f]{32}$")
        result.wait()
        with t_env.execute_sql("SELECT n, sq FROM squares WHERE n > 3").collect() as rows:
            self.assertEqual(sorted(tuple(r) for r in rows), [(4, 16), (5, 25)])
        t_env.create_temporary_view("big", t_env.sql_query("SELECT * FROM squares WHERE sq > 5"))
        frame = t_env.from_path("big").to_pandas().sort_values("n")
        self.assertEqual(list(frame["sq"]), [9, 16, 25])
        self.assertIn("big", t_env.list_views())
        self.assertEqual(t_env.from_path("big").get_schema().get_field_names(), ["n", "sq"])

    def test_streaming_results_carry_row_kinds_and_print(self):
        t_env = TableEnvironment.create(self.settings())
        t_env.get_config().set("parallelism.default", "1")
        query = "SELECT w, COUNT(*) AS c FROM (VALUES ('a'), ('b'), ('a')) AS t(w) GROUP BY w"
        with t_env.execute_sql(query).collect() as rows:
            got = [(r.get_row_kind(), r.w, r.c) for r in rows]
        self.assertEqual(got, [(RowKind.INSERT, 'a', 1), (RowKind.INSERT, 'b', 1),
                               (RowKind.UPDATE_BEFORE, 'a', 1), (RowKind.UPDATE_AFTER, 'a', 2)])
        import io
        from contextlib import redirect_stdout
        printed = io.StringIO()
        with redirect_stdout(printed):
            t_env.execute_sql(query).print()
        self.assertIn("| +U |", printed.getvalue())
        self.assertIn("Received a total of 4 rows", printed.getvalue())

    def test_errors_and_what_does_not_work_attached(self):
        t_env = TableEnvironment.create(self.settings(batch=True))
        with self.assertRaisesRegex(Exception, "nmae"):
            t_env.execute_sql("SELECT nmae FROM (VALUES (1)) AS t(name)").wait()

        @udf(result_type=DataTypes.BIGINT())
        def plus_one(i):
            return i + 1

        for call in (lambda: t_env.create_temporary_system_function("plus_one", plus_one),
                     lambda: t_env.from_elements([(1, 2)]),
                     lambda: t_env.sql_query("SELECT 1").select("x")):
            with self.assertRaisesRegex(NotImplementedError, "not supported yet: .* when attached to a Sluice server"):
                call()

    def test_environment_variable_attaches(self):
        os.environ["SLUICE_SERVER_URL"] = self.url
        try:
            t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
            with t_env.execute_sql("SELECT 40 + 2 AS answer").collect() as rows:
                self.assertEqual([r.answer for r in rows], [42])
            t_env.close()
        finally:
            del os.environ["SLUICE_SERVER_URL"]

    def test_an_unreachable_server_is_a_clear_error(self):
        config = Configuration()
        config.set_string("sluice.server.url", "http://127.0.0.1:1")
        with self.assertRaisesRegex(ConnectionError, "Cannot reach the Sluice server at http://127.0.0.1:1"):
            TableEnvironment.create(EnvironmentSettings.new_instance().with_configuration(config).build())


if __name__ == '__main__':
    unittest.main()
