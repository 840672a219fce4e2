package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP CATALOG [IF EXISTS] name}. */
public final class DropCatalogStatement extends ParsedStatement {

  private final String name;
  private final boolean ifExists;

  /** Creates the statement. */
  public DropCatalogStatement(String name, boolean ifExists, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.ifExists = ifExists;
  }

  /** The catalog name. */
  public String name() {
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
    return "DROP CATALOG " + (ifExists ? "IF EXISTS " : "") + SqlText.identifier(name);
  }
}
