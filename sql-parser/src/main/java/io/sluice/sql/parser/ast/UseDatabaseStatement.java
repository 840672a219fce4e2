package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code USE db} or {@code USE catalog.db}. */
public final class UseDatabaseStatement extends ParsedStatement {

  private final ObjectName name;

  /** Creates the statement. */
  public UseDatabaseStatement(ObjectName name, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The database to make current, optionally qualified by its catalog. */
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
    return "USE " + name;
  }
}
