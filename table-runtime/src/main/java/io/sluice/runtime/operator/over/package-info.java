/**
 * OVER windows. Batch mode: {@link io.sluice.runtime.operator.over.OverWindowOperator} evaluates the
 * functions of one or more {@link io.sluice.runtime.operator.over.OverGroupSpec}s (partitioning,
 * ordering, ROWS/RANGE frame) over its buffered input. Streaming mode:
 * {@link io.sluice.runtime.operator.over.StreamingOverAggregateOperator} evaluates one window ordered by a
 * time attribute as rows fire (watermark or arrival), keeping per-partition retained rows and running
 * aggregates ({@code RunningAggregate}). Package-private helpers shared by both: the per-group sort
 * ({@code SortedGroup}), frame computation ({@code FrameBounds}), ranking and offset functions
 * ({@code PositionFunctions}) and sliding frame aggregates ({@code FrameAggregate} and subclasses).
 */
package io.sluice.runtime.operator.over;
