package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * Base class of every statement-layer AST node.
 *
 * <p>Nodes are immutable. {@link #toString()} unparses the node to valid Flink SQL. Equality is structural and
 * deliberately ignores source positions, so that a statement equals the result of parsing its own unparsed
 * text ({@code parse(x.toString()).equals(x)}).
 */
public abstract class AstNode {

  private final SqlPosition position;

  /** Creates a node that starts at {@code position} of the text it was parsed from. */
  protected AstNode(SqlPosition position) {
    this.position = Objects.requireNonNull(position, "position");
  }

  /** The 1-based position of the node's first character in the text it was parsed from. */
  public SqlPosition position() {
    return position;
  }

  /**
   * The values that define this node's identity for {@link #equals} and {@link #hashCode}, in a fixed order.
   * Positions are not included. Entries may be {@code null}.
   */
  protected abstract List<Object> identity();

  /** Unparses the node to Flink SQL text. */
  @Override
  public abstract String toString();

  @Override
  public final boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other != null
        && other.getClass() == getClass()
        && identity().equals(((AstNode) other).identity());
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode() * 31 + identity().hashCode();
  }
}
