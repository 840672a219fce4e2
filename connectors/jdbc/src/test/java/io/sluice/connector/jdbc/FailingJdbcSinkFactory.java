package io.sluice.connector.jdbc;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test sink {@code 'connector' = 'failing-jdbc'}: the jdbc sink, failing once inside the job after
 * {@code fail-after-rows} rows while {@link #ARMED}, so that the job restarts from its latest checkpoint.
 */
public final class FailingJdbcSinkFactory implements DynamicTableSinkFactory {
    static final ConfigOption<Long> FAIL_AFTER_ROWS = ConfigOptions.key("fail-after-rows").longType()
            .defaultValue(0L).withDescription("Rows after which the sink fails once.");
    static final AtomicBoolean ARMED = new AtomicBoolean();

    private final JdbcDynamicTableFactory jdbc = new JdbcDynamicTableFactory();

    @Override
    public String factoryIdentifier() {
        return "failing-jdbc";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return jdbc.requiredOptions();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> all = new HashSet<>(jdbc.optionalOptions());
        all.add(FAIL_AFTER_ROWS);
        return all;
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        Map<String, String> options = new HashMap<>(context.options());
        options.remove(FAIL_AFTER_ROWS.key());
        DynamicTableSink delegate = jdbc.createDynamicTableSink(new TableContext(context.tableName(),
                context.physicalRowType(), options, context.sessionConfig(), context.partitionKeys(),
                context.primaryKey()));
        long failAfter = context.get(FAIL_AFTER_ROWS);
        AtomicLong rows = new AtomicLong();
        return new DynamicTableSink() {
            @Override
            public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
                return delegate.getChangelogMode(requestedMode);
            }

            @Override
            public SinkWriter createWriter(WriterContext ctx) {
                SinkWriter w = delegate.createWriter(ctx);
                return new SinkWriter() {
                    @Override
                    public void open() throws Exception {
                        w.open();
                    }

                    @Override
                    public void write(RowBatch batch) throws Exception {
                        int n = batch.rowCount();
                        w.write(batch);
                        if (rows.addAndGet(n) >= failAfter && ARMED.compareAndSet(true, false)) {
                            throw new IllegalStateException("injected failure after " + rows.get() + " rows");
                        }
                    }

                    @Override
                    public void finish() throws Exception {
                        w.finish();
                    }

                    @Override
                    public byte[] snapshotState(long checkpointId) throws Exception {
                        return w.snapshotState(checkpointId);
                    }

                    @Override
                    public void close() throws Exception {
                        w.close();
                    }
                };
            }

            @Override
            public String describe() {
                return "failing " + delegate.describe();
            }
        };
    }
}
