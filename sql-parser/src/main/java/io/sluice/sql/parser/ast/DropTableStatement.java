package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP [TEMPORARY] TABLE [IF EXISTS] name}. */
public final class DropTableStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean temporary;
  private final boolean ifExists;

  /** Creates the statement. */
  public DropTableStatement(ObjectName name, boolean temporary, boolean ifExists, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.temporary = temporary;
    this.ifExists = ifExists;
  }

  /** The table name. */
  public ObjectName name() {
    return name;
  }

  /** {@code DROP TEMPORARY TABLE}. */
  public boolean isTemporary() {
    return temporary;
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
    return List.of(name, temporary, ifExists);
  }

  @Override
  public String toString() {
    return "DROP " + (temporary ? "TEMPORARY " : "") + "TABLE " + (ifExists ? "IF EXISTS " : "") + name;
  }
}
