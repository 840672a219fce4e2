package io.sluice.sql.parser.ast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ALTER TABLE [IF EXISTS] name <action>} with Flink's actions: {@code RENAME TO new_name},
 * {@code RENAME col TO new_col}, {@code SET ('k' = 'v', ..)}, {@code RESET ('k', ..)},
 * {@code ADD|MODIFY <component> | (<component>, ..)} where a component is a column (optionally {@code FIRST} or
 * {@code AFTER col}), a {@code WATERMARK FOR ..} or a {@code PRIMARY KEY (..) NOT ENFORCED}, and
 * {@code DROP col | (col, ..) | PRIMARY KEY | CONSTRAINT name | WATERMARK}.
 */
public final class AlterTableStatement extends ParsedStatement {

  /** What the statement changes. */
  public enum Action {
    RENAME_TABLE, RENAME_COLUMN, SET_OPTIONS, RESET_OPTIONS, ADD, MODIFY, DROP_COLUMNS, DROP_PRIMARY_KEY,
    DROP_CONSTRAINT, DROP_WATERMARK
  }

  /**
   * A column of ADD / MODIFY and where it goes: {@code first}, after the column {@code after}, or (neither)
   * at the end for ADD and in place for MODIFY.
   */
  public record ColumnChange(ColumnDefinition column, boolean first, String after) {
    @Override
    public String toString() {
      if (first) {
        return column + " FIRST";
      }
      return after == null ? column.toString() : column + " AFTER " + SqlText.identifier(after);
    }
  }

  private final ObjectName name;
  private final boolean ifExists;
  private final Action action;
  private final ObjectName newName;
  private final String renameFrom;
  private final String renameTo;
  private final Map<String, String> options;
  private final List<String> resetKeys;
  private final List<ColumnChange> columns;
  private final WatermarkSpec watermark;
  private final PrimaryKeySpec primaryKey;
  private final List<String> dropColumns;
  private final String constraintName;
  private final boolean parenthesized;

  private AlterTableStatement(ObjectName name, boolean ifExists, Action action, ObjectName newName,
      String renameFrom, String renameTo, Map<String, String> options, List<String> resetKeys,
      List<ColumnChange> columns, WatermarkSpec watermark, PrimaryKeySpec primaryKey, List<String> dropColumns,
      String constraintName, boolean parenthesized, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.ifExists = ifExists;
    this.action = Objects.requireNonNull(action, "action");
    this.newName = newName;
    this.renameFrom = renameFrom;
    this.renameTo = renameTo;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.resetKeys = List.copyOf(resetKeys);
    this.columns = List.copyOf(columns);
    this.watermark = watermark;
    this.primaryKey = primaryKey;
    this.dropColumns = List.copyOf(dropColumns);
    this.constraintName = constraintName;
    this.parenthesized = parenthesized;
  }

  /** {@code ALTER TABLE name RENAME TO newName}. */
  public static AlterTableStatement renameTable(ObjectName name, boolean ifExists, ObjectName newName,
      SqlPosition pos) {
    return new AlterTableStatement(name, ifExists, Action.RENAME_TABLE, Objects.requireNonNull(newName), null,
        null, Map.of(), List.of(), List.of(), null, null, List.of(), null, false, pos);
  }

  /** {@code ALTER TABLE name RENAME from TO to}. */
  public static AlterTableStatement renameColumn(ObjectName name, boolean ifExists, String from, String to,
      SqlPosition pos) {
    return new AlterTableStatement(name, ifExists, Action.RENAME_COLUMN, null, Objects.requireNonNull(from),
        Objects.requireNonNull(to), Map.of(), List.of(), List.of(), null, null, List.of(), null, false, pos);
  }

  /** {@code ALTER TABLE name SET (..)}. */
  public static AlterTableStatement setOptions(ObjectName name, boolean ifExists, Map<String, String> options,
      SqlPosition pos) {
    return new AlterTableStatement(name, ifExists, Action.SET_OPTIONS, null, null, null, options, List.of(),
        List.of(), null, null, List.of(), null, true, pos);
  }

  /** {@code ALTER TABLE name RESET (..)}. */
  public static AlterTableStatement resetOptions(ObjectName name, boolean ifExists, List<String> keys,
      SqlPosition pos) {
    return new AlterTableStatement(name, ifExists, Action.RESET_OPTIONS, null, null, null, Map.of(), keys,
        List.of(), null, null, List.of(), null, true, pos);
  }

  /**
   * {@code ALTER TABLE name ADD|MODIFY ..}; {@code action} is {@link Action#ADD} or {@link Action#MODIFY};
   * {@code watermark} and {@code primaryKey} may be null; {@code parenthesized} keeps the written form.
   */
  public static AlterTableStatement addOrModify(ObjectName name, boolean ifExists, Action action,
      List<ColumnChange> columns, WatermarkSpec watermark, PrimaryKeySpec primaryKey, boolean parenthesized,
      SqlPosition pos) {
    if (action != Action.ADD && action != Action.MODIFY) {
      throw new IllegalArgumentException(action.toString());
    }
    return new AlterTableStatement(name, ifExists, action, null, null, null, Map.of(), List.of(), columns,
        watermark, primaryKey, List.of(), null, parenthesized, pos);
  }

  /** {@code ALTER TABLE name DROP col} or {@code DROP (col, ..)}. */
  public static AlterTableStatement dropColumns(ObjectName name, boolean ifExists, List<String> columns,
      boolean parenthesized, SqlPosition pos) {
    return new AlterTableStatement(name, ifExists, Action.DROP_COLUMNS, null, null, null, Map.of(), List.of(),
        List.of(), null, null, columns, null, parenthesized, pos);
  }

  /** {@code DROP PRIMARY KEY}, {@code DROP WATERMARK} or {@code DROP CONSTRAINT constraintName}. */
  public static AlterTableStatement drop(ObjectName name, boolean ifExists, Action action, String constraintName,
      SqlPosition pos) {
    if (action != Action.DROP_PRIMARY_KEY && action != Action.DROP_WATERMARK
        && action != Action.DROP_CONSTRAINT) {
      throw new IllegalArgumentException(action.toString());
    }
    return new AlterTableStatement(name, ifExists, action, null, null, null, Map.of(), List.of(), List.of(),
        null, null, List.of(), constraintName, false, pos);
  }

  /** The altered table. */
  public ObjectName name() {
    return name;
  }

  /** {@code ALTER TABLE IF EXISTS}: a missing table is not an error. */
  public boolean isIfExists() {
    return ifExists;
  }

  /** What the statement changes. */
  public Action action() {
    return action;
  }

  /** The new name of {@link Action#RENAME_TABLE}, else null. */
  public ObjectName newName() {
    return newName;
  }

  /** The renamed column of {@link Action#RENAME_COLUMN}, else null. */
  public String renameFrom() {
    return renameFrom;
  }

  /** The new column name of {@link Action#RENAME_COLUMN}, else null. */
  public String renameTo() {
    return renameTo;
  }

  /** Options of {@link Action#SET_OPTIONS} in written order; empty otherwise. */
  public Map<String, String> options() {
    return options;
  }

  /** Keys of {@link Action#RESET_OPTIONS}; empty otherwise. */
  public List<String> resetKeys() {
    return resetKeys;
  }

  /** Columns of ADD / MODIFY in written order. */
  public List<ColumnChange> columns() {
    return columns;
  }

  /** The watermark of ADD / MODIFY, or null. */
  public WatermarkSpec watermark() {
    return watermark;
  }

  /** The primary key of ADD / MODIFY (table-level or inline on a column), or null. */
  public PrimaryKeySpec primaryKey() {
    return primaryKey;
  }

  /** Columns of {@link Action#DROP_COLUMNS}. */
  public List<String> dropColumns() {
    return dropColumns;
  }

  /** The constraint name of {@link Action#DROP_CONSTRAINT}, else null. */
  public String constraintName() {
    return constraintName;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, ifExists, action, newName, renameFrom, renameTo,
        List.copyOf(options.entrySet()), resetKeys, columns, watermark, primaryKey, dropColumns, constraintName,
        parenthesized);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ALTER TABLE ");
    if (ifExists) {
      sb.append("IF EXISTS ");
    }
    sb.append(name).append(' ');
    switch (action) {
      case RENAME_TABLE -> sb.append("RENAME TO ").append(newName);
      case RENAME_COLUMN -> sb.append("RENAME ").append(SqlText.identifier(renameFrom)).append(" TO ")
          .append(SqlText.identifier(renameTo));
      case SET_OPTIONS -> sb.append("SET ").append(SqlText.optionList(options));
      case RESET_OPTIONS -> {
        List<String> keys = new ArrayList<>();
        resetKeys.forEach(k -> keys.add(SqlText.string(k)));
        sb.append("RESET (").append(String.join(", ", keys)).append(')');
      }
      case ADD, MODIFY -> {
        List<String> elements = new ArrayList<>();
        columns.forEach(c -> elements.add(c.toString()));
        if (watermark != null) {
          elements.add(watermark.toString());
        }
        if (primaryKey != null) {
          elements.add(primaryKey.toString());
        }
        sb.append(action).append(' ');
        sb.append(parenthesized ? "(" + String.join(", ", elements) + ")" : elements.get(0));
      }
      case DROP_COLUMNS -> {
        List<String> names = new ArrayList<>();
        dropColumns.forEach(c -> names.add(SqlText.identifier(c)));
        sb.append("DROP ").append(parenthesized ? "(" + String.join(", ", names) + ")" : names.get(0));
      }
      case DROP_PRIMARY_KEY -> sb.append("DROP PRIMARY KEY");
      case DROP_CONSTRAINT -> sb.append("DROP CONSTRAINT ").append(SqlText.identifier(constraintName));
      case DROP_WATERMARK -> sb.append("DROP WATERMARK");
      default -> throw new IllegalStateException(action.toString());
    }
    return sb.toString();
  }
}
