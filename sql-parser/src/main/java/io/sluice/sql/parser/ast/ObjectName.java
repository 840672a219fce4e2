package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A possibly qualified object name such as {@code t}, {@code db.t} or {@code cat.db.t}. Parts are unquoted and
 * keep their case.
 */
public final class ObjectName extends AstNode {

  private final List<String> parts;

  /** Creates a name from one or more unquoted parts. */
  public ObjectName(List<String> parts, SqlPosition position) {
    super(position);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("an object name needs at least one part");
    }
    this.parts = List.copyOf(parts);
  }

  /** The unquoted parts, outermost first ({@code [cat, db, t]}). */
  public List<String> parts() {
    return parts;
  }

  /** The last (unqualified) part. */
  public String last() {
    return parts.get(parts.size() - 1);
  }

  /** Whether the name has more than one part. */
  public boolean isQualified() {
    return parts.size() > 1;
  }

  @Override
  protected List<Object> identity() {
    return List.of(parts);
  }

  /** Unparses with back-ticks where a part needs them, e.g. {@code cat.`my db`.t}. */
  @Override
  public String toString() {
    return parts.stream().map(SqlText::identifier).collect(Collectors.joining("."));
  }
}
