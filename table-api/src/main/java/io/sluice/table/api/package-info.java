/**
 * Sluice's Table API, shaped like Flink's {@code org.apache.flink.table.api}: {@link io.sluice.table.api.TableEnvironment},
 * the fluent {@link io.sluice.table.api.Table} with its expression DSL ({@link io.sluice.table.api.Expressions},
 * {@link io.sluice.table.api.ApiExpression}), group and over windows ({@link io.sluice.table.api.Tumble},
 * {@link io.sluice.table.api.Slide}, {@link io.sluice.table.api.Session}, {@link io.sluice.table.api.Over}), tables
 * described in code ({@link io.sluice.table.api.TableDescriptor}, {@link io.sluice.table.api.Schema},
 * {@link io.sluice.table.api.FormatDescriptor}) and results ({@link io.sluice.table.api.TableResult}).
 */
package io.sluice.table.api;
