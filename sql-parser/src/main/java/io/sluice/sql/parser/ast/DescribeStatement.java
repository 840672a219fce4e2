package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DESCRIBE name} or {@code DESC name}: shows a table's or view's schema. */
public final class DescribeStatement extends ParsedStatement {

  private final ObjectName name;

  /** Creates the statement. */
  public DescribeStatement(ObjectName name, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The described table or view. */
  public ObjectName name() {
    return name;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(name);
  }

  @Override
  public String toString() {
    return "DESCRIBE " + name;
  }
}
