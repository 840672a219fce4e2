package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@code ALTER VIEW name RENAME TO new_name} or {@code ALTER VIEW name AS query}. */
public final class AlterViewStatement extends ParsedStatement {

  private final ObjectName name;
  private final ObjectName newName;
  private final SqlFragment query;

  /** Creates the statement; exactly one of {@code newName} and {@code query} is non-null. */
  public AlterViewStatement(ObjectName name, ObjectName newName, SqlFragment query, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    if ((newName == null) == (query == null)) {
      throw new IllegalArgumentException("either a new name or a query");
    }
    this.newName = newName;
    this.query = query;
  }

  /** The altered view. */
  public ObjectName name() {
    return name;
  }

  /** The new name ({@code RENAME TO}), or null. */
  public ObjectName newName() {
    return newName;
  }

  /** The new query ({@code AS}), or null. */
  public SqlFragment query() {
    return query;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, newName, query);
  }

  @Override
  public String toString() {
    return "ALTER VIEW " + name + (newName != null ? " RENAME TO " + newName : " AS\n" + query.text());
  }
}
