package io.sluice.sql.parser;

import io.sluice.sql.parser.ast.SqlPosition;

/**
 * A statement that cannot be parsed. The message follows Flink's style, e.g. {@code Encountered "TABEL" at
 * line 1, column 8. Was expecting one of: "TABLE", "VIEW", ...}; {@link #line()} and {@link #column()} are
 * 1-based and relative to the text that was parsed (see {@link #relativeTo} to move them into a script).
 */
public final class SqlParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String beforePosition;
  private final String afterPosition;
  private final SqlPosition position;

  /**
   * Creates an exception whose message is {@code beforePosition + "line L, column C" + afterPosition}.
   *
   * @param beforePosition message text before the position, e.g. {@code Encountered "X" at }
   * @param afterPosition message text after the position, e.g. {@code . Was expecting one of: ...}
   */
  public SqlParseException(String beforePosition, String afterPosition, SqlPosition position) {
    super(beforePosition + position + afterPosition);
    this.beforePosition = beforePosition;
    this.afterPosition = afterPosition;
    this.position = position;
  }

  /** A message of the form {@code <reason> at line L, column C.}. */
  public static SqlParseException at(SqlPosition position, String reason) {
    return new SqlParseException(reason + " at ", ".", position);
  }

  /** 1-based line of the offending text. */
  public int line() {
    return position.line();
  }

  /** 1-based column of the offending text. */
  public int column() {
    return position.column();
  }

  /** The offending position. */
  public SqlPosition position() {
    return position;
  }

  /**
   * The same error with its position moved into a larger text in which the parsed text starts at
   * {@code base} (e.g. a {@link ScriptStatement}'s line and column); the message is updated too.
   */
  public SqlParseException relativeTo(SqlPosition base) {
    SqlParseException moved =
        new SqlParseException(beforePosition, afterPosition, position.relativeTo(base));
    moved.setStackTrace(getStackTrace());
    return moved;
  }

  /**
   * The message followed by the offending line of {@code sourceText} and a {@code ^} under the column. Pass
   * the same text the positions refer to.
   */
  public String formatWithCaret(String sourceText) {
    String[] lines = sourceText.split("\n", -1);
    StringBuilder sb = new StringBuilder(getMessage());
    if (line() > lines.length) {
      return sb.toString();
    }
    String sourceLine = lines[line() - 1];
    if (sourceLine.endsWith("\r")) {
      sourceLine = sourceLine.substring(0, sourceLine.length() - 1);
    }
    sb.append('\n').append(sourceLine).append('\n');
    int[] codePoints = sourceLine.codePoints().toArray();
    for (int i = 0; i < column() - 1; i++) {
      sb.append(i < codePoints.length && codePoints[i] == '\t' ? '\t' : ' ');
    }
    return sb.append('^').toString();
  }
}
