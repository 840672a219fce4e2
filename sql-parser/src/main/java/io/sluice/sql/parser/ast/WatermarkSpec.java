package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code WATERMARK FOR rowtime AS expression} inside a {@code CREATE TABLE}. */
public final class WatermarkSpec extends AstNode {

  private final String rowtimeColumn;
  private final SqlFragment expression;

  /** Creates a watermark definition for {@code rowtimeColumn}. */
  public WatermarkSpec(String rowtimeColumn, SqlFragment expression, SqlPosition position) {
    super(position);
    this.rowtimeColumn = Objects.requireNonNull(rowtimeColumn, "rowtimeColumn");
    this.expression = Objects.requireNonNull(expression, "expression");
  }

  /** The unquoted name of the event-time column. */
  public String rowtimeColumn() {
    return rowtimeColumn;
  }

  /** The watermark strategy expression, e.g. {@code ts - INTERVAL '5' SECOND}. */
  public SqlFragment expression() {
    return expression;
  }

  @Override
  protected List<Object> identity() {
    return List.of(rowtimeColumn, expression);
  }

  @Override
  public String toString() {
    return "WATERMARK FOR " + SqlText.identifier(rowtimeColumn) + " AS " + expression.text();
  }
}
