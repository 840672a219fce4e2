package io.sluice.benchmarks.tpch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An exclusive {@code flock(1)} on a file, held while one query is measured, so that other programs on a
 * shared machine which take the same lock (for instance a build wrapped in {@code flock <file> mvn ...}) do
 * not run beside the measurement.
 *
 * <p>Java's own file locks are POSIX record locks, which Linux keeps apart from {@code flock} locks, so the
 * lock is held by a child process: {@code flock <file> sh -c 'echo held; exec cat'}. Once it prints
 * {@code held} the lock is ours; closing its standard input ends {@code cat}, and {@code flock} releases the
 * lock. If this JVM dies, its pipe closes and the lock is released the same way.
 *
 * <p>{@link #before} and {@link #after} bracket each measurement: the lock is taken before one unless it is
 * still held, and given back after one once it has been held for the hold time (0: after every measurement).
 * A longer hold time means fewer waits for a turn on a busy machine, and longer waits for the others.
 */
final class MeasurementLock {
    private final Path file;
    private final double holdSeconds;
    private Held held;
    private long heldSince;

    /** A lock on {@code file} (created if missing), or none when {@code file} is {@code null}. */
    MeasurementLock(Path file) {
        this(file, 0);
    }

    /** A lock on {@code file} that {@link #after} keeps until it has been held for {@code holdSeconds}. */
    MeasurementLock(Path file, double holdSeconds) {
        this.file = file;
        this.holdSeconds = holdSeconds;
    }

    /** Takes the lock unless it is held, and logs how long that waited and the load average. */
    void before(String what) throws IOException, InterruptedException {
        String wait;
        if (held == null) {
            long start = System.nanoTime();
            held = acquire();
            heldSince = System.nanoTime();
            wait = String.format(Locale.ROOT, "lock waited %.1f s", (heldSince - start) / 1e9);
        } else {
            wait = String.format(Locale.ROOT, "lock held for %.0f s", (System.nanoTime() - heldSince) / 1e9);
        }
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            load = "unknown";
        }
        System.out.printf(Locale.ROOT, "== %s: %s, load average %s%n", what, file == null ? "no lock" : wait, load);
    }

    /** Gives the lock back if it has been held for the hold time. */
    void after() {
        if (held != null && (System.nanoTime() - heldSince) / 1e9 >= holdSeconds) {
            release();
        }
    }

    /** Gives the lock back if it is held. */
    void release() {
        if (held != null) {
            held.close();
            held = null;
        }
    }

    /** A held lock; {@link #close} releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits until the lock is ours (at once when there is no lock file) and returns it held. */
    Held acquire() throws IOException, InterruptedException {
        if (file == null) {
            return () -> { };
        }
        Process p = new ProcessBuilder("flock", file.toString(), "sh", "-c", "echo held; exec cat > /dev/null")
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"held".equals(line)) {
            p.destroy();
            throw new IOException("flock " + file + " failed (exit " + p.waitFor() + ")");
        }
        return () -> {
            try {
                p.getOutputStream().close();
                p.waitFor();
            } catch (IOException e) {
                p.destroy();
            } catch (InterruptedException e) {
                p.destroy();
                Thread.currentThread().interrupt();
            }
        };
    }
}
