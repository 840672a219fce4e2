package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP [TEMPORARY | TEMPORARY SYSTEM] FUNCTION [IF EXISTS] name}. */
public final class DropFunctionStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean temporary;
  private final boolean system;
  private final boolean ifExists;

  /** Creates the statement. */
  public DropFunctionStatement(ObjectName name, boolean temporary, boolean system, boolean ifExists,
      SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.temporary = temporary;
    this.system = system;
    this.ifExists = ifExists;
  }

  /** The function name. */
  public ObjectName name() {
    return name;
  }

  /** {@code TEMPORARY}. */
  public boolean isTemporary() {
    return temporary;
  }

  /** {@code TEMPORARY SYSTEM}. */
  public boolean isSystem() {
    return system;
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
    return List.of(name, temporary, system, ifExists);
  }

  @Override
  public String toString() {
    return "DROP " + (temporary ? "TEMPORARY " : "") + (system ? "SYSTEM " : "") + "FUNCTION "
        + (ifExists ? "IF EXISTS " : "") + name;
  }
}
