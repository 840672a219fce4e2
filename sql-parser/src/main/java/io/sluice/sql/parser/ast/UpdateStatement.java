package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@code UPDATE name SET column = expression, ... [WHERE condition]}; expressions are kept as text. */
public final class UpdateStatement extends ParsedStatement {
  /** One {@code column = expression} of the SET list. */
  public record Assignment(String column, SqlFragment value) {
    public Assignment {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(value, "value");
    }
  }

  private final ObjectName table;
  private final List<Assignment> assignments;
  private final SqlFragment condition;

  public UpdateStatement(ObjectName table, List<Assignment> assignments, SqlFragment condition,
      SqlPosition position) {
    super(position);
    this.table = Objects.requireNonNull(table, "table");
    this.assignments = List.copyOf(assignments);
    this.condition = condition;
  }

  public ObjectName table() {
    return table;
  }

  public List<Assignment> assignments() {
    return assignments;
  }

  /** The WHERE condition, or null when every row is updated. */
  public SqlFragment condition() {
    return condition;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(table, assignments, condition);
  }

  @Override
  public String toString() {
    return "UPDATE " + table + " SET " + assignments + (condition == null ? "" : " WHERE " + condition.text());
  }
}
