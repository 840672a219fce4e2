package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code COMPILE [AND EXECUTE] PLAN 'file' [IF NOT EXISTS] FOR <INSERT or STATEMENT SET>}: writes the plan of a
 * statement that writes to tables into a file (and runs it with {@code AND EXECUTE}).
 */
public final class CompilePlanStatement extends ParsedStatement {
  private final String path;
  private final boolean ifNotExists;
  private final boolean execute;
  private final ParsedStatement target;
  private final String targetSql;

  /** Creates the statement; {@code targetSql} is the text of {@code target} as written. */
  public CompilePlanStatement(String path, boolean ifNotExists, boolean execute, ParsedStatement target,
      String targetSql, SqlPosition position) {
    super(position);
    this.path = Objects.requireNonNull(path, "path");
    this.ifNotExists = ifNotExists;
    this.execute = execute;
    this.target = Objects.requireNonNull(target, "target");
    this.targetSql = Objects.requireNonNull(targetSql, "targetSql");
  }

  /** The plan file. */
  public String path() {
    return path;
  }

  /** {@code IF NOT EXISTS}: an existing file is kept. */
  public boolean isIfNotExists() {
    return ifNotExists;
  }

  /** {@code COMPILE AND EXECUTE}. */
  public boolean isExecute() {
    return execute;
  }

  /** The INSERT or statement set whose plan is compiled. */
  public ParsedStatement target() {
    return target;
  }

  /** The target's text as written. */
  public String targetSql() {
    return targetSql;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(path, ifNotExists, execute, target);
  }

  @Override
  public String toString() {
    return "COMPILE " + (execute ? "AND EXECUTE " : "") + "PLAN '" + path + "' FOR " + target;
  }
}
