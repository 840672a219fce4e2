package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job that fails before or around its run (here: an option value that does not parse, read when the run starts)
 * still ends as FAILED with that error; it used to leave its execution unfinished, so that a query's result
 * iterator or {@link JobExecution#await()} waited forever.
 */
class JobStartFailureTest {
    private static final RowType ROW = TestBatches.rowType("v", LogicalType.bigint());

    @ParameterizedTest
    @CsvSource({"table.exec.source.idle-timeout, abc", "pipeline.max-parallelism, x", "parallelism.default, y",
        "table.exec.resource.default-parallelism, z"})
    @Timeout(30)
    void aBadOptionFailsTheJobInsteadOfLeavingItRunning(String key, String value) throws Exception {
        Configuration config = new Configuration().setString(key, value);
        JobExecution job = LocalExecutor.submit(new JobGraph("bad-option", List.of(new SinkTransformation(
                "Sink discard", new SourceTransformation("Source empty", new EmptySource(), new int[] {0}, ROW),
                context -> new Discarding()))), config);
        assertTrue(job.await(10, TimeUnit.SECONDS), "the job did not end");
        assertEquals(JobStatus.FAILED, job.status());
        assertNotNull(job.failure());
        assertTrue(job.failure().getMessage().contains(key), job.failure().getMessage());
    }

    /** A bounded source without rows. */
    private static final class EmptySource implements ScanTableSource {
        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public SourceReader createReader(ReaderContext context) {
            return new SourceReader() {
                @Override
                public void open() {
                }

                @Override
                public ReadStatus pollNext(Output output) {
                    return ReadStatus.END_OF_INPUT;
                }

                @Override
                public byte[] snapshotPosition() {
                    return null;
                }

                @Override
                public void restorePosition(byte[] position) {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String describe() {
            return "empty";
        }
    }

    private static final class Discarding implements SinkWriter {
        @Override
        public void open() {
        }

        @Override
        public void write(RowBatch batch) {
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    }
}
