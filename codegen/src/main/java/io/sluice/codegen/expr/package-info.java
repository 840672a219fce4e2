/**
 * Expression code generation: turns Calcite {@code RexNode}s into Java statements that compute a
 * value and a null flag per row ({@link io.sluice.codegen.expr.GenExpr}), written into a
 * {@link io.sluice.codegen.expr.CodeBuilder}. Built-in functions plug in through
 * {@link io.sluice.codegen.functions.BuiltInFunction}.
 */
package io.sluice.codegen.expr;
