package io.sluice.sql.parser.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code INSERT INTO|OVERWRITE table [PARTITION (k = 'v', ...)] [(col, ...)] query}. */
public final class InsertStatement extends ParsedStatement {

  private final ObjectName table;
  private final boolean overwrite;
  private final Map<String, String> staticPartitions;
  private final List<String> columns;
  private final SqlFragment query;
  private final Map<String, String> hintOptions;

  /** Creates an INSERT; {@code staticPartitions} keeps its iteration order. */
  public InsertStatement(ObjectName table, boolean overwrite, Map<String, String> staticPartitions,
      List<String> columns, SqlFragment query, SqlPosition position) {
    this(table, overwrite, staticPartitions, columns, query, position, Map.of());
  }

  /**
   * Creates an INSERT whose target carries an {@code OPTIONS} hint ({@code INSERT INTO t /*+ OPTIONS('k' = 'v') *}
   * {@code /} ...): {@code hintOptions} override and extend the table's options for this statement.
   */
  public InsertStatement(ObjectName table, boolean overwrite, Map<String, String> staticPartitions,
      List<String> columns, SqlFragment query, SqlPosition position, Map<String, String> hintOptions) {
    super(position);
    this.hintOptions = Collections.unmodifiableMap(new LinkedHashMap<>(hintOptions));
    this.table = Objects.requireNonNull(table, "table");
    this.overwrite = overwrite;
    this.staticPartitions = Collections.unmodifiableMap(new LinkedHashMap<>(staticPartitions));
    this.columns = List.copyOf(columns);
    this.query = Objects.requireNonNull(query, "query");
  }

  /** The target table. */
  public ObjectName table() {
    return table;
  }

  /** True for {@code INSERT OVERWRITE}. */
  public boolean isOverwrite() {
    return overwrite;
  }

  /** Static partition values from {@code PARTITION (...)} (literal text, strings unescaped); may be empty. */
  public Map<String, String> staticPartitions() {
    return staticPartitions;
  }

  /** The explicit target column list; empty when absent. */
  public List<String> columns() {
    return columns;
  }

  /** The options of the target's {@code OPTIONS} hint (in the order written); empty without one. */
  public Map<String, String> hintOptions() {
    return hintOptions;
  }

  /** The source query text and position. */
  public SqlFragment query() {
    return query;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(table, overwrite, List.copyOf(staticPartitions.entrySet()), columns, query,
        List.copyOf(hintOptions.entrySet()));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(overwrite ? "INSERT OVERWRITE " : "INSERT INTO ").append(table);
    if (!hintOptions.isEmpty()) {
      sb.append(" /*+ OPTIONS(");
      String sep = "";
      for (Map.Entry<String, String> e : hintOptions.entrySet()) {
        sb.append(sep).append(SqlText.string(e.getKey())).append(" = ").append(SqlText.string(e.getValue()));
        sep = ", ";
      }
      sb.append(") */");
    }
    if (!staticPartitions.isEmpty()) {
      sb.append(" PARTITION (");
      String sep = "";
      for (Map.Entry<String, String> e : staticPartitions.entrySet()) {
        sb.append(sep).append(SqlText.identifier(e.getKey())).append(" = ").append(SqlText.string(e.getValue()));
        sep = ", ";
      }
      sb.append(')');
    }
    if (!columns.isEmpty()) {
      sb.append(' ').append(SqlText.identifierList(columns));
    }
    return sb.append('\n').append(query.text()).toString();
  }
}
