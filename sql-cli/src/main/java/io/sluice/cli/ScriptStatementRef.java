package io.sluice.cli;

/**
 * One statement of a script: its text and the 1-based line and column in the script where the text starts.
 *
 * @param text the statement text as handed to {@code executeSql}
 * @param line 1-based line of the first character of {@code text} in the script
 * @param column 1-based column of the first character of {@code text} in the script
 */
public record ScriptStatementRef(String text, int line, int column) {
}
