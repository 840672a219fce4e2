package io.sluice.sql.parser.ast;

import java.util.List;

/** {@code END}. Ends a script-form statement set started by {@code BEGIN STATEMENT SET}. */
public final class EndStatementSetStatement extends ParsedStatement {

  /** Creates the statement. */
  public EndStatementSetStatement(SqlPosition position) {
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
    return "END";
  }
}
