package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@code DELETE FROM name [WHERE condition]}; the condition is kept as text for the planner. */
public final class DeleteStatement extends ParsedStatement {
  private final ObjectName table;
  private final SqlFragment condition;

  public DeleteStatement(ObjectName table, SqlFragment condition, SqlPosition position) {
    super(position);
    this.table = Objects.requireNonNull(table, "table");
    this.condition = condition;
  }

  public ObjectName table() {
    return table;
  }

  /** The WHERE condition, or null when every row is deleted. */
  public SqlFragment condition() {
    return condition;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(table, condition);
  }

  @Override
  public String toString() {
    return "DELETE FROM " + table + (condition == null ? "" : " WHERE " + condition.text());
  }
}
