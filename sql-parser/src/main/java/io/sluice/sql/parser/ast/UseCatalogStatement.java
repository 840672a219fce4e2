package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code USE CATALOG name}. */
public final class UseCatalogStatement extends ParsedStatement {

  private final String catalog;

  /** Creates the statement. */
  public UseCatalogStatement(String catalog, SqlPosition position) {
    super(position);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** The catalog to make current. */
  public String catalog() {
    return catalog;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(catalog);
  }

  @Override
  public String toString() {
    return "USE CATALOG " + SqlText.identifier(catalog);
  }
}
