/**
 * Joins of two inputs (input 0 = left/probe, input 1 = right/build):
 * {@link io.sluice.runtime.operator.join.HashJoinOperator} for equi-joins (with an optional residual
 * condition) and {@link io.sluice.runtime.operator.join.NestedLoopJoinOperator} for any condition.
 * Both buffer the right input, then stream the left input against it in batches of candidate pairs.
 * {@link io.sluice.runtime.operator.join.StreamingJoinOperator} is the unbounded streaming equi-join
 * with retractions: it keeps both inputs in state ({@code JoinSideState}) and emits each input row's
 * changes as it arrives.
 */
package io.sluice.runtime.operator.join;
