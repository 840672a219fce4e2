package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code ADD JAR 'path'}. Adds a jar to the session class path. */
public final class AddJarStatement extends ParsedStatement {

  private final String path;

  /** Creates the statement. */
  public AddJarStatement(String path, SqlPosition position) {
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
    return "ADD JAR " + SqlText.string(path);
  }
}
