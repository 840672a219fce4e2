/**
 * Built-in aggregate functions whose state is a collection per group (LISTAGG, FIRST_VALUE, LAST_VALUE,
 * JSON_OBJECTAGG, JSON_ARRAYAGG, PERCENTILE): hand-written
 * {@link io.sluice.runtime.operator.aggregate.UserAggregateInvoker}s, so that batch hash aggregation, streaming
 * group aggregation (with retraction) and window aggregation run them through the same per-group accumulator
 * objects as user-defined aggregate functions, with the same checkpointing.
 */
package io.sluice.runtime.operator.aggregate.builtin;
