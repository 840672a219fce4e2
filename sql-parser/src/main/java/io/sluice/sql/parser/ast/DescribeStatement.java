package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code DESCRIBE [EXTENDED] name} (a table's or view's schema), {@code DESCRIBE CATALOG [EXTENDED] name} or
 * {@code DESCRIBE FUNCTION [EXTENDED] name}; {@code DESC} is the same.
 */
public final class DescribeStatement extends ParsedStatement {
  /** What is described. */
  public enum Kind {
    TABLE,
    CATALOG,
    FUNCTION
  }

  private final ObjectName name;
  private final Kind kind;
  private final boolean extended;

  /** Creates the statement. */
  public DescribeStatement(ObjectName name, SqlPosition position) {
    this(Kind.TABLE, name, false, position);
  }

  /** Creates the statement for {@code kind}, with or without {@code EXTENDED}. */
  public DescribeStatement(Kind kind, ObjectName name, boolean extended, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.extended = extended;
  }

  /** What is described. */
  public Kind kind() {
    return kind;
  }

  /** {@code EXTENDED} was written. */
  public boolean isExtended() {
    return extended;
  }

  /** The described table or view. */
  public ObjectName name() {
    return name;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(kind, name, extended);
  }

  @Override
  public String toString() {
    return "DESCRIBE " + (kind == Kind.TABLE ? "" : kind + " ") + (extended ? "EXTENDED " : "") + name;
  }
}
