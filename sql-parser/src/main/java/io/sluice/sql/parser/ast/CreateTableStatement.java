package io.sluice.sql.parser.ast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (columns, [WATERMARK ...], [PRIMARY KEY ...])
 * [COMMENT '..'] [PARTITIONED BY (..)] [WITH (..)] [LIKE source (..)]}.
 */
public final class CreateTableStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean temporary;
  private final boolean ifNotExists;
  private final List<ColumnDefinition> columns;
  private final WatermarkSpec watermark;
  private final PrimaryKeySpec primaryKey;
  private final String comment;
  private final List<String> partitionKeys;
  private final Map<String, String> options;
  private final LikeClause like;

  /** Creates the statement; {@code watermark}, {@code primaryKey}, {@code comment}, {@code like} may be null. */
  public CreateTableStatement(ObjectName name, boolean temporary, boolean ifNotExists,
      List<ColumnDefinition> columns, WatermarkSpec watermark, PrimaryKeySpec primaryKey, String comment,
      List<String> partitionKeys, Map<String, String> options, LikeClause like, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.temporary = temporary;
    this.ifNotExists = ifNotExists;
    this.columns = List.copyOf(columns);
    this.watermark = watermark;
    this.primaryKey = primaryKey;
    this.comment = comment;
    this.partitionKeys = List.copyOf(partitionKeys);
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.like = like;
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

  /** Columns in declared order (may be empty with a LIKE clause). */
  public List<ColumnDefinition> columns() {
    return columns;
  }

  /** The watermark definition, or null. */
  public WatermarkSpec watermark() {
    return watermark;
  }

  /** The primary key (table-level or moved from a column), or null. */
  public PrimaryKeySpec primaryKey() {
    return primaryKey;
  }

  /** The table comment, or null. */
  public String comment() {
    return comment;
  }

  /** {@code PARTITIONED BY} columns; empty when absent. */
  public List<String> partitionKeys() {
    return partitionKeys;
  }

  /** {@code WITH} options in written order, values unescaped. */
  public Map<String, String> options() {
    return options;
  }

  /** The LIKE clause, or null. */
  public LikeClause like() {
    return like;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, temporary, ifNotExists, columns, watermark, primaryKey, comment,
        partitionKeys, List.copyOf(options.entrySet()), like);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (temporary) {
      sb.append("TEMPORARY ");
    }
    sb.append("TABLE ");
    if (ifNotExists) {
      sb.append("IF NOT EXISTS ");
    }
    sb.append(name);
    List<String> elements = new ArrayList<>();
    columns.forEach(c -> elements.add(c.toString()));
    if (watermark != null) {
      elements.add(watermark.toString());
    }
    if (primaryKey != null) {
      elements.add(primaryKey.toString());
    }
    if (!elements.isEmpty()) {
      sb.append(" (\n  ").append(String.join(",\n  ", elements)).append("\n)");
    }
    appendTail(sb, comment, partitionKeys, options);
    if (like != null) {
      sb.append('\n').append(like);
    }
    return sb.toString();
  }

  static void appendTail(StringBuilder sb, String comment, List<String> partitionKeys,
      Map<String, String> options) {
    if (comment != null) {
      sb.append("\nCOMMENT ").append(SqlText.string(comment));
    }
    if (!partitionKeys.isEmpty()) {
      sb.append("\nPARTITIONED BY ").append(SqlText.identifierList(partitionKeys));
    }
    if (!options.isEmpty()) {
      sb.append("\nWITH ").append(SqlText.optionList(options));
    }
  }
}
