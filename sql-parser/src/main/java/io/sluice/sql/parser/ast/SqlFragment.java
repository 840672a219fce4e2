package io.sluice.sql.parser.ast;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of original SQL text that the statement parser does not interpret: a query, a computed column
 * expression or a watermark expression. The planner parses it with Calcite; {@link #line()} and
 * {@link #column()} let it report errors at the right place of the statement.
 *
 * <p>The text runs from the fragment's first token to its last token, exactly as written (inner comments and
 * line breaks included). Equality compares the text only.
 */
public final class SqlFragment extends AstNode {

  private final String text;

  /** Creates a fragment whose first character is at {@code position}. */
  public SqlFragment(String text, SqlPosition position) {
    super(position);
    this.text = Objects.requireNonNull(text, "text");
  }

  /** The original text. */
  public String text() {
    return text;
  }

  /** 1-based line of the fragment's first character. */
  public int line() {
    return position().line();
  }

  /** 1-based column of the fragment's first character. */
  public int column() {
    return position().column();
  }

  @Override
  protected List<Object> identity() {
    return Collections.singletonList(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
