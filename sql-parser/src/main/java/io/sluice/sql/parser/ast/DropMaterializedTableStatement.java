package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP MATERIALIZED TABLE [IF EXISTS] name}. */
public final class DropMaterializedTableStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean ifExists;

  /** Creates the statement. */
  public DropMaterializedTableStatement(ObjectName name, boolean ifExists, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.ifExists = ifExists;
  }

  /** The table name. */
  public ObjectName name() {
    return name;
  }

  /** {@code IF EXISTS}. */
  public boolean isIfExists() {
    return ifExists;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(name, ifExists);
  }

  @Override
  public String toString() {
    return "DROP MATERIALIZED TABLE " + (ifExists ? "IF EXISTS " : "") + name;
  }
}
