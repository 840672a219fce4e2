package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ALTER MATERIALIZED TABLE name SUSPEND | RESUME [WITH (..)] | REFRESH [PARTITION (k = 'v', ..)] | AS query}.
 */
public final class AlterMaterializedTableStatement extends ParsedStatement {

  /** What the statement does. */
  public enum Action { SUSPEND, RESUME, REFRESH, AS_QUERY }

  private final ObjectName name;
  private final Action action;
  private final Map<String, String> options;
  private final SqlFragment query;

  /**
   * Creates the statement: {@code options} are RESUME's dynamic options or REFRESH's partition spec (in written
   * order, may be empty); {@code query} is the new query of {@code AS query}, else null.
   */
  public AlterMaterializedTableStatement(ObjectName name, Action action, Map<String, String> options,
      SqlFragment query, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.action = Objects.requireNonNull(action, "action");
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.query = query;
  }

  /** The table name. */
  public ObjectName name() {
    return name;
  }

  /** What the statement does. */
  public Action action() {
    return action;
  }

  /** RESUME's options or REFRESH's partition values (empty for the other actions). */
  public Map<String, String> options() {
    return options;
  }

  /** The new query of {@code AS query}, or null. */
  public SqlFragment query() {
    return query;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, action, options, query);
  }

  @Override
  public String toString() {
    return "ALTER MATERIALIZED TABLE " + name + " " + (action == Action.AS_QUERY ? "AS " + query.text() : action);
  }
}
