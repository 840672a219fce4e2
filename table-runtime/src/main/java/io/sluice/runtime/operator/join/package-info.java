/**
 * Joins of two inputs (input 0 = left/probe, input 1 = right/build):
 * {@link io.sluice.runtime.operator.join.HashJoinOperator} for equi-joins (with an optional residual
 * condition) and {@link io.sluice.runtime.operator.join.NestedLoopJoinOperator} for any condition.
 * Both buffer the right input, then stream the left input against it in batches of candidate pairs.
 */
package io.sluice.runtime.operator.join;
