/**
 * Hash aggregation: {@link io.sluice.runtime.operator.aggregate.HashAggregateOperator} groups rows with
 * a {@link io.sluice.runtime.operator.keys.KeyHashTable} and folds each aggregate's argument column
 * into typed, column-at-a-time accumulators (one primitive array slot per group);
 * {@link io.sluice.runtime.operator.aggregate.GroupAggregateOperator} is the streaming form with retraction.
 * User-defined aggregate functions run through a generated
 * {@link io.sluice.runtime.operator.aggregate.UserAggregateInvoker} and keep one accumulator object per group.
 * {@link io.sluice.runtime.operator.aggregate.GroupTableAggregateOperator} runs a user-defined table aggregate
 * function ({@code flatAggregate}) per group through a generated
 * {@link io.sluice.runtime.operator.aggregate.TableAggregateInvoker}.
 */
package io.sluice.runtime.operator.aggregate;
