package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;

/** {@code SET 'key' = 'value'}, or a bare {@code SET} that lists the session configuration. */
public final class SetStatement extends ParsedStatement {

  private final String key;
  private final String value;

  /** Creates the statement; both {@code key} and {@code value} are null for the listing form. */
  public SetStatement(String key, String value, SqlPosition position) {
    super(position);
    if ((key == null) != (value == null)) {
      throw new IllegalArgumentException("SET needs both a key and a value, or neither");
    }
    this.key = key;
    this.value = value;
  }

  /** The unescaped key, or null for the listing form. */
  public String key() {
    return key;
  }

  /** The unescaped value, or null for the listing form. */
  public String value() {
    return value;
  }

  /** True for a bare {@code SET}. */
  public boolean isList() {
    return key == null;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(key, value);
  }

  @Override
  public String toString() {
    return key == null ? "SET" : "SET " + SqlText.string(key) + " = " + SqlText.string(value);
  }
}
