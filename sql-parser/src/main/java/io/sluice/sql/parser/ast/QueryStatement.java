package io.sluice.sql.parser.ast;

import java.util.List;

/**
 * A query (anything starting with SELECT, WITH, VALUES, TABLE or a parenthesis), passed through as its
 * original text for the planner to parse with Calcite.
 */
public final class QueryStatement extends ParsedStatement {

  private final SqlFragment query;

  /** Creates a query statement whose text starts at {@code line}:{@code column} (1-based). */
  public QueryStatement(String queryText, int line, int column) {
    this(new SqlFragment(queryText, new SqlPosition(line, column)));
  }

  /** Creates a query statement from a fragment. */
  public QueryStatement(SqlFragment query) {
    super(query.position());
    this.query = query;
  }

  /** The query text exactly as written. */
  public String queryText() {
    return query.text();
  }

  /** 1-based line of the query's first character. */
  public int line() {
    return query.line();
  }

  /** 1-based column of the query's first character. */
  public int column() {
    return query.column();
  }

  /** The query as a fragment. */
  public SqlFragment query() {
    return query;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(query);
  }

  @Override
  public String toString() {
    return query.text();
  }
}
