package io.sluice.sql.parser.ast;

/**
 * A parsed SQL statement. {@link #position()} is where the statement starts in the parsed text, and every
 * nested position is relative to the same text. Use {@link #accept} to dispatch on the statement kind.
 */
public abstract class ParsedStatement extends AstNode {

  /** Creates a statement that starts at {@code position}. */
  protected ParsedStatement(SqlPosition position) {
    super(position);
  }

  /** Calls the visitor method for this statement's class. */
  public abstract <R> R accept(StatementVisitor<R> visitor);
}
