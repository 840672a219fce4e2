/**
 * The implementation behind {@code io.sluice.table.api}: {@code TableEnvironmentImpl} wires the statement parser,
 * planner and runtime together; Table API operations ({@code TableImpl}) render their expressions
 * ({@code ExprNode}, {@code ExprRenderer}) as Flink SQL blocks ({@code QueryBlock}) that the planner validates and
 * plans exactly like SQL text, so both paths produce the same plans.
 */
package io.sluice.table.api.internal;
