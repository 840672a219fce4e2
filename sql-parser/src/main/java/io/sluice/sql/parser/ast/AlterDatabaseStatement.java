package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code ALTER DATABASE [catalog.]name SET ('k' = 'v', ...)}: sets properties of a database. */
public final class AlterDatabaseStatement extends ParsedStatement {
  private final ObjectName name;
  private final Map<String, String> options;

  /** Creates the statement. */
  public AlterDatabaseStatement(ObjectName name, Map<String, String> options, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.options = Map.copyOf(options);
  }

  /** The database, optionally with its catalog. */
  public ObjectName name() {
    return name;
  }

  /** The properties to set. */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(name, options);
  }

  @Override
  public String toString() {
    return "ALTER DATABASE " + name + " SET " + options;
  }
}
