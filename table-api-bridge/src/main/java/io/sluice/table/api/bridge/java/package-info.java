/**
 * Flink's bridge between the DataStream API and the Table API: {@link io.sluice.table.api.bridge.java.StreamTableEnvironment}.
 */
package io.sluice.table.api.bridge.java;
