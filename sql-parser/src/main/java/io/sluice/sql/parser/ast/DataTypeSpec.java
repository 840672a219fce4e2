package io.sluice.sql.parser.ast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A data type as written in DDL, before the planner maps it to its own types.
 *
 * <p>{@link #name()} is the canonical upper-case root name. Synonyms are normalised: {@code INTEGER -> INT},
 * {@code DEC, NUMERIC -> DECIMAL}, {@code DOUBLE PRECISION -> DOUBLE}, {@code CHARACTER -> CHAR},
 * {@code TIMESTAMP WITHOUT TIME ZONE -> TIMESTAMP}, {@code TIME WITHOUT TIME ZONE -> TIME},
 * {@code TIMESTAMP WITH LOCAL TIME ZONE -> TIMESTAMP_LTZ}. {@code STRING} and {@code BYTES} are kept as
 * written. Other roots: BOOLEAN, TINYINT, SMALLINT, BIGINT, FLOAT, REAL, VARCHAR, BINARY, VARBINARY, DATE, INTERVAL,
 * ARRAY, MULTISET, MAP, ROW.
 *
 * <p>{@link #precision()} and {@link #scale()} are {@link #UNSPECIFIED} when not written. For INTERVAL,
 * precision is the leading unit's precision and scale the precision written after the {@code TO} unit.
 * Children: the element type of ARRAY/MULTISET, key and value of MAP, the field types of ROW (with
 * {@link #fieldNames()} and {@link #fieldDescriptions()}, whose entries are {@code null} when absent).
 */
public final class DataTypeSpec extends AstNode {

  /** Marker for a precision or scale that was not written. */
  public static final int UNSPECIFIED = -1;

  private final String name;
  private final int precision;
  private final int scale;
  private final boolean nullable;
  private final List<DataTypeSpec> children;
  private final List<String> fieldNames;
  private final List<String> fieldDescriptions;
  private final String intervalFrom;
  private final String intervalTo;

  /** Full constructor; prefer the static factories. */
  public DataTypeSpec(
      String name,
      int precision,
      int scale,
      boolean nullable,
      List<DataTypeSpec> children,
      List<String> fieldNames,
      List<String> fieldDescriptions,
      String intervalFrom,
      String intervalTo,
      SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.precision = precision;
    this.scale = scale;
    this.nullable = nullable;
    this.children = List.copyOf(children);
    this.fieldNames = List.copyOf(fieldNames);
    this.fieldDescriptions = Collections.unmodifiableList(new ArrayList<>(fieldDescriptions));
    this.intervalFrom = intervalFrom;
    this.intervalTo = intervalTo;
    if (name.equals("ROW")
        && (fieldNames.size() != children.size() || fieldDescriptions.size() != children.size())) {
      throw new IllegalArgumentException("ROW needs one name and description slot per field");
    }
  }

  /** A nullable scalar type such as {@code DECIMAL(10, 2)}; use {@link #UNSPECIFIED} for missing values. */
  public static DataTypeSpec scalar(String name, int precision, int scale, SqlPosition position) {
    return new DataTypeSpec(name, precision, scale, true, List.of(), List.of(), List.of(), null, null,
        position);
  }

  /** A nullable ARRAY, MULTISET (one child) or MAP (two children). */
  public static DataTypeSpec collection(String name, List<DataTypeSpec> children, SqlPosition position) {
    return new DataTypeSpec(name, UNSPECIFIED, UNSPECIFIED, true, children, List.of(), List.of(), null,
        null, position);
  }

  /** A nullable ROW; {@code descriptions} entries may be null. */
  public static DataTypeSpec row(
      List<String> names, List<DataTypeSpec> types, List<String> descriptions, SqlPosition position) {
    return new DataTypeSpec("ROW", UNSPECIFIED, UNSPECIFIED, true, types, names, descriptions, null, null,
        position);
  }

  /** A nullable INTERVAL; {@code to} may be null. */
  public static DataTypeSpec interval(
      String from, int fromPrecision, String to, int toPrecision, SqlPosition position) {
    return new DataTypeSpec("INTERVAL", fromPrecision, toPrecision, true, List.of(), List.of(), List.of(),
        from, to, position);
  }

  /** A copy with a different nullability. */
  public DataTypeSpec withNullable(boolean newNullable) {
    return new DataTypeSpec(name, precision, scale, newNullable, children, fieldNames, fieldDescriptions,
        intervalFrom, intervalTo, position());
  }

  /** Canonical upper-case root name, e.g. {@code INT}, {@code TIMESTAMP_LTZ}, {@code ROW}. */
  public String name() {
    return name;
  }

  /** Precision or length, or {@link #UNSPECIFIED}. */
  public int precision() {
    return precision;
  }

  /** Scale (or INTERVAL fractional precision), or {@link #UNSPECIFIED}. */
  public int scale() {
    return scale;
  }

  /** False when written with {@code NOT NULL}. */
  public boolean nullable() {
    return nullable;
  }

  /** Element, key/value or field types. */
  public List<DataTypeSpec> children() {
    return children;
  }

  /** ROW field names (empty for other types). */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /** ROW field descriptions, {@code null} where absent (empty for other types). */
  public List<String> fieldDescriptions() {
    return fieldDescriptions;
  }

  /** INTERVAL leading unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND), else null. */
  public String intervalFrom() {
    return intervalFrom;
  }

  /** INTERVAL trailing unit after {@code TO}, or null. */
  public String intervalTo() {
    return intervalTo;
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, precision, scale, nullable, children, fieldNames, fieldDescriptions,
        intervalFrom, intervalTo);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    switch (name) {
      case "ARRAY", "MULTISET" -> sb.append(name).append('<').append(children.get(0)).append('>');
      case "MAP" -> sb.append("MAP<").append(children.get(0)).append(", ").append(children.get(1))
          .append('>');
      case "ROW" -> {
        sb.append("ROW<");
        for (int i = 0; i < children.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          sb.append(SqlText.identifier(fieldNames.get(i))).append(' ').append(children.get(i));
          if (fieldDescriptions.get(i) != null) {
            sb.append(' ').append(SqlText.string(fieldDescriptions.get(i)));
          }
        }
        sb.append('>');
      }
      case "INTERVAL" -> {
        sb.append("INTERVAL ").append(intervalFrom);
        appendPrecision(sb, precision);
        if (intervalTo != null) {
          sb.append(" TO ").append(intervalTo);
          appendPrecision(sb, scale);
        }
      }
      default -> {
        sb.append(name);
        if (precision != UNSPECIFIED) {
          sb.append('(').append(precision);
          if (scale != UNSPECIFIED) {
            sb.append(", ").append(scale);
          }
          sb.append(')');
        }
      }
    }
    if (!nullable) {
      sb.append(" NOT NULL");
    }
    return sb.toString();
  }

  private static void appendPrecision(StringBuilder sb, int value) {
    if (value != UNSPECIFIED) {
      sb.append('(').append(value).append(')');
    }
  }
}
