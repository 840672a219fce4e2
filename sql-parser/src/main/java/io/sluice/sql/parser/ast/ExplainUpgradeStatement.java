package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code EXPLAIN UPGRADE FROM 'checkpoint' <statement>} (a Sluice addition): reports, operator by operator, whether
 * the state in a checkpoint or savepoint can be restored into the job the statement would run.
 */
public final class ExplainUpgradeStatement extends ParsedStatement {
  private final String checkpoint;
  private final ParsedStatement statement;

  /** Creates the statement. */
  public ExplainUpgradeStatement(String checkpoint, ParsedStatement statement, SqlPosition position) {
    super(position);
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** The checkpoint or savepoint directory (or a job's checkpoint directory: its newest checkpoint). */
  public String checkpoint() {
    return checkpoint;
  }

  /** The INSERT, statement set or query whose job would restore it. */
  public ParsedStatement statement() {
    return statement;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(checkpoint, statement);
  }

  @Override
  public String toString() {
    return "EXPLAIN UPGRADE FROM '" + checkpoint + "' " + statement;
  }
}
