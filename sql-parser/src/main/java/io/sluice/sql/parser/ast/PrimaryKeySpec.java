package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;

/**
 * {@code [CONSTRAINT name] PRIMARY KEY (a, b) NOT ENFORCED}, written either after the columns or inline on
 * one column. Flink only supports the {@code NOT ENFORCED} mode, so that is implied.
 */
public final class PrimaryKeySpec extends AstNode {

  private final String constraintName;
  private final List<String> columns;

  /** Creates a key over {@code columns}; {@code constraintName} may be null. */
  public PrimaryKeySpec(String constraintName, List<String> columns, SqlPosition position) {
    super(position);
    this.constraintName = constraintName;
    this.columns = List.copyOf(columns);
  }

  /** The constraint name, or null when none was written. */
  public String constraintName() {
    return constraintName;
  }

  /** The unquoted key column names, in key order. */
  public List<String> columns() {
    return columns;
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(constraintName, columns);
  }

  @Override
  public String toString() {
    String prefix = constraintName == null ? "" : "CONSTRAINT " + SqlText.identifier(constraintName) + " ";
    return prefix + "PRIMARY KEY " + SqlText.identifierList(columns) + " NOT ENFORCED";
  }
}
