package io.sluice.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python package's test suite ({@code python/tests}, the user's view: PyFlink programs with the module
 * renamed) against this module's build (the engine JVM gets this test's class path), with Debian's {@code /usr/bin/python3} (or {@code SLUICE_TEST_PYTHON}).
 * A missing interpreter or missing pandas/numpy/cloudpickle fails the test with what to install; it never skips.
 */
class PythonTestSuiteTest {
    private static final long TIMEOUT_MINUTES = 10;

    static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = module.getParent();
        assertTrue(Files.isDirectory(root.resolve("python").resolve("sluice")),
                "the sluice Python package is not at " + root.resolve("python"));
        return root;
    }

    static String python() {
        String p = System.getenv("SLUICE_TEST_PYTHON");
        return p != null && !p.isEmpty() ? p : "/usr/bin/python3";
    }

    /** Runs {@code python args...} with the package and this build on its paths; returns exit code and output. */
    static Object[] run(List<String> args) throws IOException, InterruptedException {
        Path root = repositoryRoot();
        List<String> cmd = new ArrayList<>();
        cmd.add(python());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", root.resolve("python").toString());
        pb.environment().put("SLUICE_HOME", root.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SLUICE_GATEWAY_CLASSPATH", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
        Path log = Files.createTempFile("sluice-python-tests", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("The Python tests did not finish in " + TIMEOUT_MINUTES + " minutes:\n" + read(log));
        }
        String out = read(log);
        Files.deleteIfExists(log);
        return new Object[] {p.exitValue(), out};
    }

    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    static void checkPython() throws Exception {
        if (!new File(python()).canExecute()) {
            fail("The Python tests need Debian's Python at " + python() + " (apt-get install python3 python3-pandas "
                    + "python3-numpy python3-cloudpickle), or SLUICE_TEST_PYTHON naming an interpreter with pandas.");
        }
        Object[] r = run(List.of("-c", "import pandas, numpy, cloudpickle"));
        if ((Integer) r[0] != 0) {
            fail("The Python tests need pandas, numpy and cloudpickle for " + python() + " (apt-get install "
                    + "python3-pandas python3-numpy python3-cloudpickle):\n" + r[1]);
        }
    }

    @Test
    void pythonTestSuitePasses() throws Exception {
        checkPython();
        Object[] r = run(List.of("-m", "unittest", "discover", "-s", "python/tests", "-t", "python", "-v"));
        String out = (String) r[1];
        assertEquals(0, (Integer) r[0], "The Python tests failed:\n" + out);
        assertTrue(out.contains("\nOK"), "The Python test run did not report OK:\n" + out);
    }
}
