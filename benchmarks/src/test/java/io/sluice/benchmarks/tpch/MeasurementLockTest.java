package io.sluice.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementLockTest {
    @TempDir
    Path dir;

    /** Exit code of {@code flock -n file true}: 0 when the lock was free, 1 when someone holds it. */
    private static int tryShellLock(Path file) throws Exception {
        return new ProcessBuilder("flock", "-n", file.toString(), "true").inheritIO().start().waitFor();
    }

    @Test
    void aShellFlockOnTheSameFileFailsWhileHeldAndSucceedsAfterRelease() throws Exception {
        Path file = dir.resolve("bench.lock");
        MeasurementLock lock = new MeasurementLock(file);
        try (MeasurementLock.Held held = lock.acquire()) {
            assertEquals(1, tryShellLock(file));
        }
        assertEquals(0, tryShellLock(file));
        try (MeasurementLock.Held again = lock.acquire()) {
            assertEquals(1, tryShellLock(file));
        }
        assertEquals(0, tryShellLock(file));
    }

    @Test
    void waitsWhileAShellFlockHoldsTheFile() throws Exception {
        Path file = dir.resolve("bench.lock");
        Path marker = dir.resolve("released");
        Process other = new ProcessBuilder("flock", file.toString(), "sh", "-c", "sleep 1; touch " + marker).start();
        while (tryShellLock(file) == 0 && other.isAlive()) {
            Thread.onSpinWait();
        }
        try (MeasurementLock.Held held = new MeasurementLock(file).acquire()) {
            assertTrue(Files.exists(marker), "the lock was taken while another process held it");
        }
        assertEquals(0, other.waitFor());
    }

    @Test
    void afterKeepsTheLockUntilItHasBeenHeldForTheHoldTime() throws Exception {
        Path file = dir.resolve("bench.lock");
        MeasurementLock everyQuery = new MeasurementLock(file, 0);
        everyQuery.before("q1");
        assertEquals(1, tryShellLock(file));
        everyQuery.after();
        assertEquals(0, tryShellLock(file));

        MeasurementLock longHold = new MeasurementLock(file, 3600);
        longHold.before("q1");
        longHold.after();
        assertEquals(1, tryShellLock(file));
        longHold.before("q2");
        longHold.after();
        assertEquals(1, tryShellLock(file));
        longHold.release();
        assertEquals(0, tryShellLock(file));
    }
}
