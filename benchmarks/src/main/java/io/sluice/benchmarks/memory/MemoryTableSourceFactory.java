package io.sluice.benchmarks.memory;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.util.Set;

/**
 * The {@code 'connector' = 'bench-memory'} factory: a bounded source that replays a dataset registered
 * with {@link MemoryDatasets} under the name given by {@code 'dataset'}. The table's columns must
 * equal the dataset's row type (names and types). Benchmark-only; not shipped with the engine.
 */
public final class MemoryTableSourceFactory implements DynamicTableSourceFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "bench-memory";
    /** Name of the registered dataset to replay. */
    public static final ConfigOption<String> DATASET = ConfigOptions.key("dataset").stringType().noDefaultValue()
            .withDescription("Name under which the batches were registered with MemoryDatasets.register.");

    /** {@code copy} (default) or {@code share}; see {@link ReplayMode}. */
    public static final ConfigOption<String> REPLAY = ConfigOptions.key("replay").stringType().defaultValue("copy")
            .withDescription("How batches reach the job: 'copy' into the job's allocator, or 'share' zero-copy.");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(DATASET);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(REPLAY);
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        FactoryUtil.validateOptions(context.tableName(), this, context.options(),
                loader != null ? loader : MemoryTableSourceFactory.class.getClassLoader());
        String name = context.get(DATASET);
        MemoryDatasets.Dataset dataset = MemoryDatasets.get(name, context.tableName());
        RowType declared = context.physicalRowType();
        if (!declared.equals(dataset.type())) {
            throw new ValidationException("Table " + context.tableName() + " declares " + declared
                    + " but dataset '" + name + "' has " + dataset.type());
        }
        ReplayMode mode;
        try {
            mode = ReplayMode.valueOf(context.get(REPLAY).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Table " + context.tableName() + ": option 'replay' must be 'copy' or 'share', got '"
                    + context.get(REPLAY) + "'");
        }
        return new MemoryTableSource(name, dataset, mode);
    }
}
