package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code TRUNCATE TABLE name}: removes every row of a table (batch mode, a sink that supports it). */
public final class TruncateTableStatement extends ParsedStatement {
  private final ObjectName table;

  public TruncateTableStatement(ObjectName table, SqlPosition position) {
    super(position);
    this.table = Objects.requireNonNull(table, "table");
  }

  public ObjectName table() {
    return table;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(table);
  }

  @Override
  public String toString() {
    return "TRUNCATE TABLE " + table;
  }
}
