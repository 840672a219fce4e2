package io.sluice.python.collect;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import java.util.Set;

/**
 * {@code 'connector' = 'python-collect'}: an internal sink of the Python gateway; rows go to the
 * {@link CollectedColumns} opened under {@code 'collect-id'}.
 */
public final class ColumnCollectSinkFactory implements DynamicTableSinkFactory {
    public static final String IDENTIFIER = "python-collect";

    public static final ConfigOption<String> COLLECT_ID = ConfigOptions.key("collect-id")
            .stringType().noDefaultValue()
            .withDescription("The collection (opened by the Python gateway) that receives the rows.");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(COLLECT_ID);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        FactoryUtil.validateOptions(context.tableName(), this, context.options(),
                ColumnCollectSinkFactory.class.getClassLoader());
        String id = context.options().get(COLLECT_ID.key());
        return new DynamicTableSink() {
            @Override
            public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
                return requestedMode;
            }

            @Override
            public SinkWriter createWriter(WriterContext writerContext) {
                return new SinkWriter() {
                    @Override
                    public void open() {
                    }

                    @Override
                    public void write(RowBatch batch) {
                        CollectedColumns.get(id).append(batch);
                    }

                    @Override
                    public void finish() {
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public String describe() {
                return "python-collect(" + id + ")";
            }
        };
    }
}
