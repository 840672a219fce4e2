package io.sluice.sql.parser.ast;

import java.util.List;

/** {@code BEGIN STATEMENT SET}. Script form of a statement set: the INSERTs up to {@code END} are collected and run as one job. */
public final class BeginStatementSetStatement extends ParsedStatement {

  /** Creates the statement. */
  public BeginStatementSetStatement(SqlPosition position) {
    super(position);
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of();
  }

  @Override
  public String toString() {
    return "BEGIN STATEMENT SET";
  }
}
