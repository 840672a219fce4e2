/**
 * Immutable AST of Sluice's statement layer. Every node knows its position and unparses to Flink SQL with
 * {@code toString()}; equality ignores positions. Queries and expressions are kept as {@link
 * io.sluice.sql.parser.ast.SqlFragment original text} for the planner's Calcite parser.
 */
package io.sluice.sql.parser.ast;
