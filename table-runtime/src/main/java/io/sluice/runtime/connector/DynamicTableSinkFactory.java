package io.sluice.runtime.connector;

/** Creates the sink of a table whose {@code 'connector'} option names this factory. */
public interface DynamicTableSinkFactory extends Factory {
    DynamicTableSink createDynamicTableSink(TableContext context);
}
