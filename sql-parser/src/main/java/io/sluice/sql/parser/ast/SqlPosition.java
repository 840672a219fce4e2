package io.sluice.sql.parser.ast;

/**
 * A 1-based line and column in some source text (a statement or a whole script, depending on who made it).
 *
 * <p>Columns count Unicode code points from the start of the line; only {@code \n} starts a new line.
 *
 * @param line 1-based line number
 * @param column 1-based column number
 */
public record SqlPosition(int line, int column) {

  /** Validates that both coordinates are 1-based. */
  public SqlPosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  /**
   * Translates this position, taken relative to a text that itself starts at {@code base} in a larger text,
   * into a position in that larger text.
   */
  public SqlPosition relativeTo(SqlPosition base) {
    return line == 1
        ? new SqlPosition(base.line, base.column + column - 1)
        : new SqlPosition(base.line + line - 1, column);
  }

  /** Formats as Flink does in its messages: {@code line 3, column 7}. */
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
