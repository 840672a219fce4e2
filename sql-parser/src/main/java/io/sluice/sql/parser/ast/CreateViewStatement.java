package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@code CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name [(cols)] [COMMENT '..'] AS query}. */
public final class CreateViewStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean temporary;
  private final boolean ifNotExists;
  private final List<String> columnNames;
  private final String comment;
  private final SqlFragment query;

  /** Creates the statement; {@code comment} may be null, {@code columnNames} empty. */
  public CreateViewStatement(ObjectName name, boolean temporary, boolean ifNotExists,
      List<String> columnNames, String comment, SqlFragment query, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.temporary = temporary;
    this.ifNotExists = ifNotExists;
    this.columnNames = List.copyOf(columnNames);
    this.comment = comment;
    this.query = Objects.requireNonNull(query, "query");
  }

  /** The view name. */
  public ObjectName name() {
    return name;
  }

  /** {@code CREATE TEMPORARY VIEW}. */
  public boolean isTemporary() {
    return temporary;
  }

  /** {@code IF NOT EXISTS}. */
  public boolean isIfNotExists() {
    return ifNotExists;
  }

  /** Column aliases; empty when absent. */
  public List<String> columnNames() {
    return columnNames;
  }

  /** The view comment, or null. */
  public String comment() {
    return comment;
  }

  /** The view query. */
  public SqlFragment query() {
    return query;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, temporary, ifNotExists, columnNames, comment, query);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (temporary) {
      sb.append("TEMPORARY ");
    }
    sb.append("VIEW ");
    if (ifNotExists) {
      sb.append("IF NOT EXISTS ");
    }
    sb.append(name);
    if (!columnNames.isEmpty()) {
      sb.append(' ').append(SqlText.identifierList(columnNames));
    }
    if (comment != null) {
      sb.append(" COMMENT ").append(SqlText.string(comment));
    }
    return sb.append(" AS\n").append(query.text()).toString();
  }
}
