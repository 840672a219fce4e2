package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code EXECUTE PLAN 'file'}: runs a plan written by {@code COMPILE PLAN}. */
public final class ExecutePlanStatement extends ParsedStatement {
  private final String path;

  /** Creates the statement. */
  public ExecutePlanStatement(String path, SqlPosition position) {
    super(position);
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The plan file. */
  public String path() {
    return path;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(path);
  }

  @Override
  public String toString() {
    return "EXECUTE PLAN '" + path + "'";
  }
}
