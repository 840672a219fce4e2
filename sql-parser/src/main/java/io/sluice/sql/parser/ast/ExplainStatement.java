package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code EXPLAIN [PLAN FOR] [detail, ...] <query | INSERT | statement set>}. An {@code EXECUTE} written before
 * the explained statement is dropped.
 */
public final class ExplainStatement extends ParsedStatement {

  /** Extra information requested in the plan output. */
  public enum ExplainDetail { ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN, PLAN_ADVICE }

  private final boolean planFor;
  private final List<ExplainDetail> details;
  private final ParsedStatement statement;

  /** Creates an EXPLAIN of a {@link QueryStatement}, {@link InsertStatement} or {@link StatementSetStatement}. */
  public ExplainStatement(boolean planFor, List<ExplainDetail> details, ParsedStatement statement,
      SqlPosition position) {
    super(position);
    this.planFor = planFor;
    this.details = List.copyOf(details);
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** Whether {@code PLAN FOR} was written (no effect on the output). */
  public boolean isPlanFor() {
    return planFor;
  }

  /** Requested details, in written order; may be empty. */
  public List<ExplainDetail> details() {
    return details;
  }

  /** The explained statement. */
  public ParsedStatement statement() {
    return statement;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(planFor, details, statement);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("EXPLAIN ");
    if (planFor) {
      sb.append("PLAN FOR ");
    }
    if (!details.isEmpty()) {
      sb.append(details.stream().map(Enum::name).collect(Collectors.joining(", "))).append(' ');
    }
    String inner = statement.toString();
    if (statement instanceof StatementSetStatement) {
      inner = inner.substring("EXECUTE ".length());
    }
    return sb.append(inner).toString();
  }
}
