"""Runs the examples of docs/python.md and examples/python/ and checks what they print."""

import io
import os
import re
import subprocess
import sys
import unittest
from contextlib import redirect_stdout

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def blocks(markdown):
    """(python source, expected output or None) for each ```python block of the page, in order."""
    parts = re.findall(r"```(\w+)\n(.*?)```", markdown, re.S)
    out = []
    for i, (lang, text) in enumerate(parts):
        if lang == "python":
            expected = parts[i + 1][1] if i + 1 < len(parts) and parts[i + 1][0] == "text" else None
            out.append((text, expected))
    return out


class DocsTest(unittest.TestCase):
    def test_python_page_examples(self):
        with open(os.path.join(ROOT, "docs", "python.md"), encoding="utf-8") as f:
            examples = blocks(f.read())
        self.assertGreater(len(examples), 5)
        namespace = {}
        for source, expected in examples:
            out = io.StringIO()
            with redirect_stdout(out):
                exec(compile(source, "docs/python.md", "exec"), namespace)
            if expected is not None:
                self.assertEqual(expected, out.getvalue(), "output of:\n" + source)


class ExamplesTest(unittest.TestCase):
    def run_example(self, name):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.path.join(ROOT, "python")
        done = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "python", name)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=300)
        text = done.stdout.decode("utf-8")
        self.assertEqual(0, done.returncode, text)
        return text

    def test_word_count(self):
        text = self.run_example("word_count.py")
        self.assertEqual(2, text.count("|   to |   4 |"), text)
        self.assertEqual(2, text.count("|  the |   3 |"), text)

    def test_table_to_pandas(self):
        text = self.run_example("table_to_pandas.py")
        self.assertIn("0    alice   20.0 2024-05-02 09:15:00", text)
        self.assertIn("last_order    datetime64[ns]", text)

    def test_pandas_udf(self):
        text = self.run_example("pandas_udf.py")
        self.assertIn("|  Cairo |    37.5 |", text)
        self.assertIn("|   Oslo |  cold |", text)

    def test_datastream_word_count(self):
        text = self.run_example("datastream_word_count.py")
        self.assertIn("\n(to,4)\n", text)
        self.assertIn("\n(and,2)\n", text)
        self.assertEqual(1, text.count("(to,"), text)

    def test_datastream_enrichment(self):
        text = self.run_example("datastream_enrichment.py")
        self.assertIn("Row(ride_id=1, driver='Alice', destination='Airport', fare=40.0, payment='cash')\n"
                      "Row(ride_id=2, driver='Bob', destination='Station', fare=17.25, payment='card')\n"
                      "Row(ride_id=3, driver='Carol', destination='Harbour', fare=12.5, payment='card')\n"
                      "Row(ride_id=4, driver='Dave', destination='Museum', fare=9.0, payment='card')\n", text)


if __name__ == '__main__':
    unittest.main()
