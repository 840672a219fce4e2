package io.sluice.sql.parser.ast;

import java.util.Collections;
import java.util.List;

/** {@code RESET 'key'}, or a bare {@code RESET} that restores every session option. */
public final class ResetStatement extends ParsedStatement {

  private final String key;

  /** Creates the statement; {@code key} is null for a bare RESET. */
  public ResetStatement(String key, SqlPosition position) {
    super(position);
    this.key = key;
  }

  /** The unescaped key, or null when every option is reset. */
  public String key() {
    return key;
  }

  /** True for a bare {@code RESET}. */
  public boolean isAll() {
    return key == null;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Collections.singletonList(key);
  }

  @Override
  public String toString() {
    return key == null ? "RESET" : "RESET " + SqlText.string(key);
  }
}
