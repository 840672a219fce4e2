package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code EXECUTE <insert or query>}: the same as running the inner statement. */
public final class ExecuteStatement extends ParsedStatement {

  private final ParsedStatement statement;

  /** Wraps an {@link InsertStatement} or a {@link QueryStatement}. */
  public ExecuteStatement(ParsedStatement statement, SqlPosition position) {
    super(position);
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** The statement to execute. */
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
    return "EXECUTE " + statement;
  }
}
