package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One column of a {@code CREATE TABLE}: physical ({@code name type}), computed ({@code name AS expr}) or
 * metadata ({@code name type METADATA [FROM 'key'] [VIRTUAL]}). An inline {@code PRIMARY KEY} is moved to the
 * table's {@link PrimaryKeySpec} by the parser.
 */
public final class ColumnDefinition extends AstNode {

  /** The three kinds of columns Flink knows. */
  public enum Kind { PHYSICAL, COMPUTED, METADATA }

  private final Kind kind;
  private final String name;
  private final DataTypeSpec type;
  private final SqlFragment expression;
  private final String metadataKey;
  private final boolean virtual;
  private final String comment;

  private ColumnDefinition(Kind kind, String name, DataTypeSpec type, SqlFragment expression,
      String metadataKey, boolean virtual, String comment, SqlPosition position) {
    super(position);
    this.kind = kind;
    this.name = Objects.requireNonNull(name, "name");
    this.type = type;
    this.expression = expression;
    this.metadataKey = metadataKey;
    this.virtual = virtual;
    this.comment = comment;
  }

  /** {@code name type [COMMENT '..']}; {@code comment} may be null. */
  public static ColumnDefinition physical(String name, DataTypeSpec type, String comment, SqlPosition pos) {
    return new ColumnDefinition(Kind.PHYSICAL, name, Objects.requireNonNull(type), null, null, false,
        comment, pos);
  }

  /** {@code name AS expression [COMMENT '..']}. */
  public static ColumnDefinition computed(
      String name, SqlFragment expression, String comment, SqlPosition pos) {
    return new ColumnDefinition(Kind.COMPUTED, name, null, Objects.requireNonNull(expression), null, false,
        comment, pos);
  }

  /** {@code name type METADATA [FROM 'key'] [VIRTUAL] [COMMENT '..']}; {@code metadataKey} may be null. */
  public static ColumnDefinition metadata(String name, DataTypeSpec type, String metadataKey,
      boolean virtual, String comment, SqlPosition pos) {
    return new ColumnDefinition(Kind.METADATA, name, Objects.requireNonNull(type), null, metadataKey,
        virtual, comment, pos);
  }

  /** The column kind. */
  public Kind kind() {
    return kind;
  }

  /** The unquoted column name. */
  public String name() {
    return name;
  }

  /** The declared type (null for computed columns). */
  public DataTypeSpec type() {
    return type;
  }

  /** The computed column expression (null unless {@link Kind#COMPUTED}). */
  public SqlFragment expression() {
    return expression;
  }

  /** The metadata key after {@code FROM}, or null (then the column name is the key). */
  public String metadataKey() {
    return metadataKey;
  }

  /** Whether a metadata column is {@code VIRTUAL} (read-only). */
  public boolean isVirtual() {
    return virtual;
  }

  /** The column comment, or null. */
  public String comment() {
    return comment;
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(kind, name, type, expression, metadataKey, virtual, comment);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(SqlText.identifier(name));
    switch (kind) {
      case PHYSICAL -> sb.append(' ').append(type);
      case COMPUTED -> sb.append(" AS ").append(expression.text());
      case METADATA -> {
        sb.append(' ').append(type).append(" METADATA");
        if (metadataKey != null) {
          sb.append(" FROM ").append(SqlText.string(metadataKey));
        }
        if (virtual) {
          sb.append(" VIRTUAL");
        }
      }
    }
    if (comment != null) {
      sb.append(" COMMENT ").append(SqlText.string(comment));
    }
    return sb.toString();
  }
}
