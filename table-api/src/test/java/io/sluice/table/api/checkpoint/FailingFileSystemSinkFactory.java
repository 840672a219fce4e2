package io.sluice.table.api.checkpoint;

import io.sluice.connector.filesystem.FileSystemTableFactory;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test connector {@code failing-filesystem}: the filesystem sink, whose writer throws once, in the first run of a
 * job, after {@code fail-after-rows} rows ({@link #ARMED} must be set by the test). It injects a failure inside the
 * sink operator between two checkpoints.
 */
public final class FailingFileSystemSinkFactory implements DynamicTableSinkFactory {
    static final ConfigOption<Long> FAIL_AFTER_ROWS = ConfigOptions.key("fail-after-rows").longType().defaultValue(0L)
            .withDescription("Rows after which the writer fails once.");

    /** Set by a test; the first writer that passes the row count clears it and fails. */
    static final java.util.concurrent.atomic.AtomicBoolean ARMED = new java.util.concurrent.atomic.AtomicBoolean();

    private final FileSystemTableFactory delegate = new FileSystemTableFactory();

    @Override
    public String factoryIdentifier() {
        return "failing-filesystem";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return delegate.requiredOptions();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> all = new HashSet<>(delegate.optionalOptions());
        all.add(FAIL_AFTER_ROWS);
        return all;
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        Map<String, String> options = new HashMap<>(context.options());
        long failAfter = Long.parseLong(options.getOrDefault(FAIL_AFTER_ROWS.key(), "0"));
        options.remove(FAIL_AFTER_ROWS.key());
        options.put("connector", "filesystem");
        DynamicTableSink sink = delegate.createDynamicTableSink(new TableContext(context.tableName(),
                context.physicalRowType(), options, context.sessionConfig(), context.partitionKeys()));
        return new DynamicTableSink() {
            @Override
            public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
                return sink.getChangelogMode(requestedMode);
            }

            @Override
            public SinkWriter createWriter(WriterContext writerContext) {
                return new FailingWriter(sink.createWriter(writerContext), failAfter);
            }

            @Override
            public String describe() {
                return "failing-" + sink.describe();
            }
        };
    }

    /** Delegates everything; throws once after the configured number of rows while {@link #ARMED}. */
    private static final class FailingWriter implements SinkWriter {
        private final SinkWriter delegate;
        private final long failAfter;
        private final AtomicLong rows = new AtomicLong();

        FailingWriter(SinkWriter delegate, long failAfter) {
            this.delegate = delegate;
            this.failAfter = failAfter;
        }

        @Override
        public void open() throws Exception {
            delegate.open();
        }

        @Override
        public void write(RowBatch batch) throws Exception {
            delegate.write(batch);
            if (rows.addAndGet(batch.rowCount()) >= failAfter && ARMED.compareAndSet(true, false)) {
                throw new IllegalStateException("injected failure after " + rows.get() + " rows");
            }
        }

        @Override
        public void finish() throws Exception {
            delegate.finish();
        }

        @Override
        public byte[] snapshotState(long checkpointId) throws Exception {
            return delegate.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            delegate.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void restoreState(byte[] state) throws Exception {
            delegate.restoreState(state);
        }

        @Override
        public void close() throws Exception {
            delegate.close();
        }
    }
}
