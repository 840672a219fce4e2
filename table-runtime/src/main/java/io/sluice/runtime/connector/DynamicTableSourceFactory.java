package io.sluice.runtime.connector;

/** Creates the source of a table whose {@code 'connector'} option names this factory. */
public interface DynamicTableSourceFactory extends Factory {
    ScanTableSource createDynamicTableSource(TableContext context);
}
