package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With parallelism 2 one source subtask emits rows and watermarks forever while the other never emits
 * anything: the window aggregation behind the hash exchange fires only when the silent subtask is
 * detected as idle.
 */
class ParallelIdleSourceTest {
    /** Subtask 0: a row (and watermark) every 5 ms, endless; subtask 1: nothing, endless. */
    private static final WindowJobs.Plan ONE_SILENT = new WindowJobs.Plan(-1, 0, 5, false, true);

    private static Configuration config(int parallelism, Duration idleTimeout) {
        return new Configuration()
                .set(ExecutionOptions.PARALLELISM, parallelism)
                .set(ExecutionOptions.SOURCE_IDLE_TIMEOUT, idleTimeout);
    }

    @Test
    @Timeout(30)
    void withoutAnIdleTimeoutTheSilentSubtaskHoldsBackEveryWindow() throws Exception {
        List<String> sink = new ArrayList<>();
        JobExecution job = LocalExecutor.submit(WindowJobs.windowCounts(ONE_SILENT, sink), config(2, Duration.ZERO));
        Thread.sleep(1000); // subtask 0 passes event time 10 s meanwhile (a row per 5 ms, 100 ms apart)
        assertEquals(List.of(), WindowJobs.sorted(sink));
        job.cancel();
        assertTrue(job.await(10, TimeUnit.SECONDS));
        assertEquals(JobStatus.CANCELED, job.status());
        assertNull(job.failure());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    @Timeout(30)
    void anIdleSubtaskNoLongerHoldsBackTheWatermark(int parallelism) throws Exception {
        List<String> sink = new ArrayList<>();
        JobExecution job = LocalExecutor.submit(WindowJobs.windowCounts(ONE_SILENT, sink),
                config(parallelism, Duration.ofMillis(100)));
        long deadline = System.currentTimeMillis() + 15_000;
        while (WindowJobs.sorted(sink).size() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        job.cancel();
        assertTrue(job.await(10, TimeUnit.SECONDS));
        assertNull(job.failure());
        // the first two windows: rows i = 0..9 and 10..19 of subtask 0, keys i % 5, two rows of each key per window
        List<String> expected = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            for (int k = 0; k < 5; k++) {
                expected.add(WindowJobs.format(k, w, 2, (w * 10 + k) + (w * 10 + k + 5)));
            }
        }
        List<String> firstTwo = new ArrayList<>();
        for (String r : WindowJobs.sorted(sink)) {
            if (r.contains(" w=0 ") || r.contains(" w=1 ")) {
                firstTwo.add(r);
            }
        }
        java.util.Collections.sort(expected);
        assertEquals(expected, firstTwo);
    }
}
