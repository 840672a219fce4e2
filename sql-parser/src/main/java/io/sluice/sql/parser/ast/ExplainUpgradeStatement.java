package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code EXPLAIN UPGRADE FROM 'checkpoint' <statement>} or {@code EXPLAIN UPGRADE FROM JOB 'job id' <statement>} (a
 * Sluice addition): reports, operator by operator, whether the state in a checkpoint or savepoint, or of a running
 * job, can be restored into the job the statement would run.
 */
public final class ExplainUpgradeStatement extends ParsedStatement {
  private final String checkpoint;
  private final boolean job;
  private final ParsedStatement statement;

  /** Creates the statement for a checkpoint or savepoint directory. */
  public ExplainUpgradeStatement(String checkpoint, ParsedStatement statement, SqlPosition position) {
    this(checkpoint, false, statement, position);
  }

  /** Creates the statement; with {@code job} the first argument is the id of a running job. */
  public ExplainUpgradeStatement(String checkpointOrJob, boolean job, ParsedStatement statement,
      SqlPosition position) {
    super(position);
    this.checkpoint = Objects.requireNonNull(checkpointOrJob, "checkpoint");
    this.job = job;
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** Whether the state is a running job's ({@link #checkpoint()} is then its id). */
  public boolean fromJob() {
    return job;
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
    return List.of(checkpoint, job, statement);
  }

  @Override
  public String toString() {
    return "EXPLAIN UPGRADE FROM " + (job ? "JOB " : "") + "'" + checkpoint + "' " + statement;
  }
}
