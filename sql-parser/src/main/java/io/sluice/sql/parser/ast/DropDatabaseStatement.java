package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP DATABASE [IF EXISTS] [catalog.]db [RESTRICT | CASCADE]}. */
public final class DropDatabaseStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean ifExists;
  private final boolean cascade;

  /** Creates the statement; {@code cascade} false means RESTRICT (the default). */
  public DropDatabaseStatement(ObjectName name, boolean ifExists, boolean cascade, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.ifExists = ifExists;
    this.cascade = cascade;
  }

  /** The database name. */
  public ObjectName name() {
    return name;
  }

  /** {@code IF EXISTS}. */
  public boolean isIfExists() {
    return ifExists;
  }

  /** {@code CASCADE}: drop the database's tables and functions too. */
  public boolean isCascade() {
    return cascade;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(name, ifExists, cascade);
  }

  @Override
  public String toString() {
    return "DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + name + (cascade ? " CASCADE" : " RESTRICT");
  }
}
