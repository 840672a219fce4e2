package io.sluice.sql.parser.ast;

import java.util.List;

/** {@code EXECUTE STATEMENT SET BEGIN insert; insert; END}: several INSERTs planned and run as one job. */
public final class StatementSetStatement extends ParsedStatement {

  private final List<InsertStatement> inserts;

  /** Creates a statement set from one or more INSERTs. */
  public StatementSetStatement(List<InsertStatement> inserts, SqlPosition position) {
    super(position);
    if (inserts.isEmpty()) {
      throw new IllegalArgumentException("a statement set needs at least one INSERT");
    }
    this.inserts = List.copyOf(inserts);
  }

  /** The INSERT statements in written order. */
  public List<InsertStatement> inserts() {
    return inserts;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(inserts);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("EXECUTE STATEMENT SET\nBEGIN\n");
    for (InsertStatement insert : inserts) {
      sb.append(insert).append(";\n");
    }
    return sb.append("END").toString();
  }
}
