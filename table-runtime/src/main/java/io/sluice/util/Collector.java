package io.sluice.util;

/**
 * Receives the records a function emits (Flink's {@code org.apache.flink.util.Collector}): DataStream functions and
 * the {@code emitValue} method of table aggregate functions ({@code io.sluice.table.functions.TableAggregateFunction}).
 */
public interface Collector<T> {
    void collect(T record);

    void close();
}
