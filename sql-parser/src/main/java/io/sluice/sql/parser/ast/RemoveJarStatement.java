package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code REMOVE JAR 'path'}. Removes a jar added with {@code ADD JAR}. */
public final class RemoveJarStatement extends ParsedStatement {

  private final String path;

  /** Creates the statement. */
  public RemoveJarStatement(String path, SqlPosition position) {
    super(position);
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The unescaped jar path. */
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
    return "REMOVE JAR " + SqlText.string(path);
  }
}
