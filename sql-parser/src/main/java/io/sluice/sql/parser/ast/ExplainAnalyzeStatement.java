package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code EXPLAIN ANALYZE <statement>} (a Sluice addition): runs the statement and prints its physical plan with
 * what each operator did (rows in and out, busy time, state size, watermark lag, late rows).
 */
public final class ExplainAnalyzeStatement extends ParsedStatement {
  private final ParsedStatement statement;

  /** Creates the statement. */
  public ExplainAnalyzeStatement(ParsedStatement statement, SqlPosition position) {
    super(position);
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** The query, INSERT or statement set that is run. */
  public ParsedStatement statement() {
    return statement;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(statement);
  }

  @Override
  public String toString() {
    return "EXPLAIN ANALYZE " + statement;
  }
}
