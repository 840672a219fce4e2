package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name [(columns, watermark, primary key) | (column names)]
 * [COMMENT '..'] [PARTITIONED BY (..)] [WITH (..)] AS query}: creates the table with the query's schema (merged with
 * the declared columns, or reordered by the column names) and inserts the query's rows. Also
 * {@code [CREATE OR] REPLACE TABLE name ... AS query} (RTAS, {@link #replaceMode()}), which replaces the table's
 * definition with the query's and fills it from the query.
 */
public final class CreateTableAsStatement extends ParsedStatement {

  /** Whether the statement replaces a table: plain CTAS, {@code REPLACE TABLE ... AS} or {@code CREATE OR REPLACE}. */
  public enum ReplaceMode {
    /** {@code CREATE TABLE ... AS}. */
    NONE,
    /** {@code REPLACE TABLE ... AS}: the table must exist. */
    REPLACE,
    /** {@code CREATE OR REPLACE TABLE ... AS}: replaces the table, or creates it. */
    CREATE_OR_REPLACE
  }

  private final ReplaceMode replaceMode;

  private final ObjectName name;
  private final boolean temporary;
  private final boolean ifNotExists;
  private final String comment;
  private final List<String> partitionKeys;
  private final Map<String, String> options;
  private final SqlFragment query;
  private final List<ColumnDefinition> columns;
  private final WatermarkSpec watermark;
  private final PrimaryKeySpec primaryKey;
  private final List<String> columnNames;

  /** Creates the statement; {@code comment} may be null. */
  public CreateTableAsStatement(ObjectName name, boolean temporary, boolean ifNotExists, String comment,
      List<String> partitionKeys, Map<String, String> options, SqlFragment query, SqlPosition position) {
    this(name, temporary, ifNotExists, comment, partitionKeys, options, query, position, List.of(), null, null,
        List.of());
  }

  /**
   * Creates the statement with a schema part: declared {@code columns}, {@code watermark} and {@code primaryKey}
   * (Flink 2.x: merged with the query's columns), or only {@code columnNames} (the query's columns reordered);
   * {@code watermark} and {@code primaryKey} may be null.
   */
  public CreateTableAsStatement(ObjectName name, boolean temporary, boolean ifNotExists, String comment,
      List<String> partitionKeys, Map<String, String> options, SqlFragment query, SqlPosition position,
      List<ColumnDefinition> columns, WatermarkSpec watermark, PrimaryKeySpec primaryKey, List<String> columnNames) {
    this(name, temporary, ifNotExists, comment, partitionKeys, options, query, position, columns, watermark,
        primaryKey, columnNames, ReplaceMode.NONE);
  }

  /** Creates the statement with a schema part and a {@link ReplaceMode} (RTAS). */
  public CreateTableAsStatement(ObjectName name, boolean temporary, boolean ifNotExists, String comment,
      List<String> partitionKeys, Map<String, String> options, SqlFragment query, SqlPosition position,
      List<ColumnDefinition> columns, WatermarkSpec watermark, PrimaryKeySpec primaryKey, List<String> columnNames,
      ReplaceMode replaceMode) {
    super(position);
    this.replaceMode = Objects.requireNonNull(replaceMode, "replaceMode");
    this.columns = List.copyOf(columns);
    this.watermark = watermark;
    this.primaryKey = primaryKey;
    this.columnNames = List.copyOf(columnNames);
    this.name = Objects.requireNonNull(name, "name");
    this.temporary = temporary;
    this.ifNotExists = ifNotExists;
    this.comment = comment;
    this.partitionKeys = List.copyOf(partitionKeys);
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.query = Objects.requireNonNull(query, "query");
  }

  /** The table name. */
  public ObjectName name() {
    return name;
  }

  /** {@code CREATE TEMPORARY TABLE}. */
  public boolean isTemporary() {
    return temporary;
  }

  /** {@code IF NOT EXISTS}. */
  public boolean isIfNotExists() {
    return ifNotExists;
  }

  /** The table comment, or null. */
  public String comment() {
    return comment;
  }

  /** {@code PARTITIONED BY} columns; empty when absent. */
  public List<String> partitionKeys() {
    return partitionKeys;
  }

  /** {@code WITH} options in written order. */
  public Map<String, String> options() {
    return options;
  }

  /** The source query. */
  public SqlFragment query() {
    return query;
  }

  /** Declared columns (physical, computed or metadata); empty when none are declared. */
  public List<ColumnDefinition> columns() {
    return columns;
  }

  /** The declared watermark, or null. */
  public WatermarkSpec watermark() {
    return watermark;
  }

  /** The declared primary key, or null. */
  public PrimaryKeySpec primaryKey() {
    return primaryKey;
  }

  /** Whether this is a CTAS or an RTAS statement. */
  public ReplaceMode replaceMode() {
    return replaceMode;
  }

  /** The column names of {@code CREATE TABLE t (a, b, ...) AS}, which reorder the query's columns; else empty. */
  public List<String> columnNames() {
    return columnNames;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, temporary, ifNotExists, comment, partitionKeys,
        List.copyOf(options.entrySet()), query, columns, watermark, primaryKey, columnNames, replaceMode);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(replaceMode == ReplaceMode.REPLACE ? "REPLACE "
        : replaceMode == ReplaceMode.CREATE_OR_REPLACE ? "CREATE OR REPLACE " : "CREATE ");
    if (temporary) {
      sb.append("TEMPORARY ");
    }
    sb.append("TABLE ");
    if (ifNotExists) {
      sb.append("IF NOT EXISTS ");
    }
    sb.append(name);
    CreateTableStatement.appendTail(sb, comment, partitionKeys, options);
    return sb.append("\nAS\n").append(query.text()).toString();
  }
}
