package io.sluice.benchmarks.tpch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An exclusive {@code flock(1)} on a file, held while one query is measured, so that other programs on a
 * shared machine which take the same lock (for instance a build wrapped in {@code flock <file> mvn ...}) do
 * not run beside the measurement.
 *
 * <p>Java's own file locks are POSIX record locks, which Linux keeps apart from {@code flock} locks, so the
 * lock is held by a child process: {@code flock <file> sh -c 'echo held; exec cat'}. Once it prints
 * {@code held} the lock is ours; closing its standard input ends {@code cat}, and {@code flock} releases the
 * lock. If this JVM dies, its pipe closes and the lock is released the same way.
 */
final class MeasurementLock {
    private final Path file;

    /** A lock on {@code file} (created if missing), or none when {@code file} is {@code null}. */
    MeasurementLock(Path file) {
        this.file = file;
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
