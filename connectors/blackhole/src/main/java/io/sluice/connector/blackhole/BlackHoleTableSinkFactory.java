package io.sluice.connector.blackhole;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.TableContext;
import java.util.Set;

/** The {@code 'connector' = 'blackhole'} factory (sink only, no options). */
public final class BlackHoleTableSinkFactory implements DynamicTableSinkFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "blackhole";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        FactoryUtil.validateOptions(context.tableName(), this, context.options(),
                loader != null ? loader : BlackHoleTableSinkFactory.class.getClassLoader());
        return new BlackHoleTableSink();
    }
}
