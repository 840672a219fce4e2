package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code STOP JOB 'id' [WITH SAVEPOINT] [WITH DRAIN]}. */
public final class StopJobStatement extends ParsedStatement {

  private final String jobId;
  private final boolean withSavepoint;
  private final boolean withDrain;

  /** Creates the statement. */
  public StopJobStatement(String jobId, boolean withSavepoint, boolean withDrain, SqlPosition position) {
    super(position);
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.withSavepoint = withSavepoint;
    this.withDrain = withDrain;
  }

  /** The job id. */
  public String jobId() {
    return jobId;
  }

  /** Take a savepoint before stopping. */
  public boolean isWithSavepoint() {
    return withSavepoint;
  }

  /** Emit a final MAX_WATERMARK (flush windows) before stopping. */
  public boolean isWithDrain() {
    return withDrain;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(jobId, withSavepoint, withDrain);
  }

  @Override
  public String toString() {
    return "STOP JOB " + SqlText.string(jobId) + (withSavepoint ? " WITH SAVEPOINT" : "")
        + (withDrain ? " WITH DRAIN" : "");
  }
}
