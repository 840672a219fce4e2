package io.sluice.sql.parser;

import io.sluice.sql.parser.ast.SqlPosition;
import java.util.Objects;

/**
 * One statement cut out of a script by {@link ScriptSplitter}: its text without the terminating {@code ;}
 * (leading comments and whitespace removed, trailing whitespace trimmed), and where that text starts in the
 * script.
 *
 * @param text the statement text
 * @param line 1-based line of the statement's first character in the script
 * @param column 1-based column (in code points) of the statement's first character
 * @param offset 0-based {@code char} offset of the statement's first character in the script
 */
public record ScriptStatement(String text, int line, int column, int offset) {

  /** Validates the fields. */
  public ScriptStatement {
    Objects.requireNonNull(text, "text");
  }

  /** Where the statement starts in the script. */
  public SqlPosition position() {
    return new SqlPosition(line, column);
  }

  /** Converts a position relative to {@link #text()} into a position in the script. */
  public SqlPosition toScriptPosition(SqlPosition positionInStatement) {
    return positionInStatement.relativeTo(position());
  }
}
