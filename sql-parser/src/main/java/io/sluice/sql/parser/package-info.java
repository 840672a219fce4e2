/**
 * Sluice's statement-layer SQL parser: {@link io.sluice.sql.parser.ScriptSplitter} cuts scripts into
 * statements, {@link io.sluice.sql.parser.StatementParser} parses one statement with an ANTLR grammar into the
 * AST of {@link io.sluice.sql.parser.ast}, and {@link io.sluice.sql.parser.SqlParseException} reports errors
 * with Flink-style messages and 1-based positions.
 */
package io.sluice.sql.parser;
