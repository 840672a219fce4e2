package io.sluice.benchmarks;

import java.util.Arrays;

/** Wall-clock samples of one benchmark path, in nanoseconds, summarized by their median. */
final class Timings {
    private final String id;
    private final String name;
    private final long[] samples;
    private int count;

    Timings(String id, String name, int capacity) {
        this.id = id;
        this.name = name;
        this.samples = new long[capacity];
    }

    /** A measured action. */
    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} once and records its time. */
    void time(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        samples[count++] = System.nanoTime() - start;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    long medianNanos() {
        long[] s = Arrays.copyOf(samples, count);
        Arrays.sort(s);
        return count % 2 == 1 ? s[count / 2] : (s[count / 2 - 1] + s[count / 2]) / 2;
    }

    /** The most recent sample. */
    long lastNanos() {
        return samples[count - 1];
    }

    long minNanos() {
        return Arrays.stream(samples, 0, count).min().orElse(0);
    }

    long maxNanos() {
        return Arrays.stream(samples, 0, count).max().orElse(0);
    }
}
