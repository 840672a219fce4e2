"""A Python DataStream job killed (process and engine) and restarted from its latest checkpoint continues exactly,
also at another parallelism."""

import glob
import re
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
JOB = os.path.join(HERE, "datastream_restore_job.py")


def _checkpoints(directory):
    done = [p for p in glob.glob(os.path.join(directory, "**", "chk-*"), recursive=True)
            if re.fullmatch(r"chk-\d+", os.path.basename(p))]
    return sorted(done, key=lambda p: int(p.rsplit("-", 1)[1]))


class RestoreTest(unittest.TestCase):
    def test_killed_job_resumes_from_checkpoint_at_any_parallelism(self):
        # keyed state is kept in key groups: a checkpoint taken at parallelism 2 restores at 2, 3 and 1
        with tempfile.TemporaryDirectory() as d:
            latest = self.kill_after_checkpoint(d, 2)
            for parallelism in (2, 3, 1):
                self.check_restore(d, latest, parallelism)

    def env(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([HERE] + [p for p in [env.get("PYTHONPATH")] if p])
        return env

    def kill_after_checkpoint(self, d, parallelism):
        """Runs the job at ``parallelism`` until it has taken a checkpoint, kills it; returns the latest checkpoint."""
        from tests.datastream_restore_job import RECORDS
        first = subprocess.Popen([sys.executable, JOB, d, str(parallelism)], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=self.env())
        self.addCleanup(first.stdout.close)
        lines = []
        reader = threading.Thread(target=lambda: lines.extend(l.decode().strip() for l in first.stdout))
        reader.start()
        deadline = time.time() + 120
        while time.time() < deadline and (len(lines) < RECORDS // 4 or not _checkpoints(d)):
            time.sleep(0.05)
        self.assertLess(len(lines), RECORDS, "the job ended before it could be killed")
        self.assertTrue(_checkpoints(d), "no checkpoint was taken")
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
        reader.join(30)
        return _checkpoints(d)[-1]

    def check_restore(self, d, checkpoint, restored_parallelism):
        from tests.datastream_restore_job import RECORDS
        second = subprocess.run([sys.executable, JOB, os.path.join(d, "restored-%d" % restored_parallelism),
                                 str(restored_parallelism), checkpoint],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env(), timeout=300)
        self.assertEqual(0, second.returncode, second.stderr.decode()[-3000:])
        resumed = second.stdout.decode().split("\n")
        resumed = [l for l in resumed if l]
        # the restored run reads only what the checkpoint had not seen ...
        self.assertLess(len(resumed), RECORDS)
        # ... and each key's count continues from the checkpointed state to exactly the key's total
        final = {}
        for line in resumed:
            key, n = line.split()
            self.assertGreater(int(n), final.get(key, 0))
            final[key] = int(n)
        self.assertEqual({"k%d" % i: RECORDS // 4 for i in range(4)}, final, restored_parallelism)
        # and the counts of a key are consecutive: no record lost or counted twice after the restore
        per_key = {}
        for line in resumed:
            key, n = line.split()
            per_key.setdefault(key, []).append(int(n))
        for key, counts in per_key.items():
            self.assertEqual(list(range(counts[0], counts[-1] + 1)), counts, key)
            self.assertGreater(counts[0], 1, "the count of %s started over" % key)


if __name__ == '__main__':
    unittest.main()
