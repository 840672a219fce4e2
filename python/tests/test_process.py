"""The engine JVM lives and dies with the Python process; parts not supported yet say so."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import unittest


def _alive(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("State:"):
                    return "Z" not in line.split()[1]
    except FileNotFoundError:
        return False
    return True


class ProcessTest(unittest.TestCase):
    def _child(self):
        code = textwrap.dedent("""
            import sys, time
            from sluice.table import EnvironmentSettings, TableEnvironment
            from sluice.java_gateway import get_gateway
            t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
            print(get_gateway()._process.pid, flush=True)
            if sys.argv[1] == 'wait':
                time.sleep(600)
        """)
        return code

    def _wait_gone(self, pid):
        deadline = time.time() + 20
        while _alive(pid) and time.time() < deadline:
            time.sleep(0.1)
        return not _alive(pid)

    def test_jvm_exits_when_python_is_killed(self):
        child = subprocess.Popen([sys.executable, "-c", self._child(), "wait"], stdout=subprocess.PIPE)
        try:
            jvm = int(child.stdout.readline())
            self.assertTrue(_alive(jvm))
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            self.assertTrue(self._wait_gone(jvm), "the engine JVM %d outlived its killed Python process" % jvm)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()

    def test_jvm_exits_when_python_exits(self):
        out = subprocess.run([sys.executable, "-c", self._child(), "exit"], stdout=subprocess.PIPE, check=True)
        self.assertTrue(self._wait_gone(int(out.stdout)))


    def test_engine_output_reaches_python_stdout(self):
        # more than a pipe's buffer of print-connector output must not block the engine
        code = textwrap.dedent("""
            from sluice.table import EnvironmentSettings, TableEnvironment
            t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
            t_env.execute_sql("CREATE TABLE nums (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = "
                              "'20000', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', "
                              "'fields.n.end' = '20000')")
            t_env.execute_sql("CREATE TABLE out (n BIGINT) WITH ('connector' = 'print')")
            t_env.execute_sql("INSERT INTO out SELECT n FROM nums").wait()
            print("DONE", flush=True)
        """)
        done = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, timeout=120)
        out = done.stdout.decode("utf-8")
        self.assertEqual(0, done.returncode, out[-2000:])
        self.assertIn("+I[20000]", out)
        self.assertIn("DONE", out)


class NotSupportedYetTest(unittest.TestCase):
    def test_datastream_api_parts(self):
        from sluice.datastream import StreamExecutionEnvironment
        from sluice.datastream.window import TumblingEventTimeWindows
        from sluice.common import Time
        env = StreamExecutionEnvironment.get_execution_environment()
        ds = env.from_collection([1, 2])
        windows = ds.key_by(lambda x: x).window(TumblingEventTimeWindows.of(Time.seconds(1)))
        for call in (lambda: ds.sink_to(None), lambda: env.add_jars("x.jar"), lambda: env.add_source(None)):
            with self.assertRaises(NotImplementedError) as e:
                call()
            self.assertTrue(str(e.exception).startswith("not supported yet: "))
        for call in (lambda: ds.partition_custom(None, None), lambda: ds.add_sink(None),
                     lambda: windows.evictor(None)):
            with self.assertRaises(TypeError):
                call()

    def test_interval_types(self):
        from sluice.table import DataTypes
        with self.assertRaises(NotImplementedError):
            DataTypes.INTERVAL(None)


if __name__ == '__main__':
    unittest.main()
