/**
 * OVER windows in batch mode: {@link io.sluice.runtime.operator.over.OverWindowOperator} evaluates the
 * functions of one or more {@link io.sluice.runtime.operator.over.OverGroupSpec}s (partitioning,
 * ordering, ROWS/RANGE frame) over its buffered input. Package-private helpers: the per-group sort
 * ({@code SortedGroup}), frame computation ({@code FrameBounds}), ranking and offset functions
 * ({@code PositionFunctions}) and sliding frame aggregates ({@code FrameAggregate} and subclasses).
 */
package io.sluice.runtime.operator.over;
