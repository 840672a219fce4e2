package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.operator.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A source whose reader cannot be created or opened ends the job as FAILED with that error, at every parallelism
 * (the job must end: a collecting client waits for it).
 */
class ParallelOpenFailureTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    @Timeout(30)
    void aReaderThatCannotOpenFailsTheJob(int parallelism) throws Exception {
        runAndExpectFailure(parallelism, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    @Timeout(30)
    void aReaderThatCannotBeCreatedFailsTheJob(int parallelism) throws Exception {
        runAndExpectFailure(parallelism, true);
    }

    private static void runAndExpectFailure(int parallelism, boolean failInCreate) throws Exception {
        SourceTransformation source = new SourceTransformation("Source broken", new BrokenSource(failInCreate),
                new int[] {0, 1, 2, 3}, WindowJobs.EVENTS);
        List<String> sink = new ArrayList<>();
        SinkTransformation out = new SinkTransformation("Sink collect", source,
                context -> new WindowJobs.CollectingWriter(sink));
        Configuration config = new Configuration().set(ExecutionOptions.PARALLELISM, parallelism);
        JobExecution job = LocalExecutor.submit(new JobGraph("broken", List.of(out)), config);
        assertTrue(job.await(20, TimeUnit.SECONDS), "the job did not end");
        assertEquals(JobStatus.FAILED, job.status());
        Throwable root = job.failure();
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("cannot open: no such file", root.getMessage());
    }

    private static final class BrokenSource implements ScanTableSource {
        private final boolean failInCreate;

        BrokenSource(boolean failInCreate) {
            this.failInCreate = failInCreate;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public SourceReader createReader(ReaderContext context) {
            if (failInCreate) {
                throw new java.io.UncheckedIOException(new java.io.IOException("cannot open: no such file"));
            }
            return new SourceReader() {
                @Override
                public void open() throws java.io.IOException {
                    throw new java.io.IOException("cannot open: no such file");
                }

                @Override
                public ReadStatus pollNext(Output output) {
                    return ReadStatus.END_OF_INPUT;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String describe() {
            return "broken";
        }
    }
}
