package io.sluice.connector.print;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.TableContext;
import java.util.Set;

/** The {@code 'connector' = 'print'} factory (sink only). */
public final class PrintTableSinkFactory implements DynamicTableSinkFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "print";

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
        return Set.of(PrintOptions.PRINT_IDENTIFIER, PrintOptions.STANDARD_ERROR);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        FactoryUtil.validateOptions(context.tableName(), this, context.options(),
                loader != null ? loader : PrintTableSinkFactory.class.getClassLoader());
        return new PrintTableSink(context.get(PrintOptions.PRINT_IDENTIFIER), context.get(PrintOptions.STANDARD_ERROR));
    }
}
