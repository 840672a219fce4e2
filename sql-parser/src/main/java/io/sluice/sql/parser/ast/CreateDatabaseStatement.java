package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code CREATE DATABASE [IF NOT EXISTS] [catalog.]db [COMMENT '..'] [WITH (..)]}. */
public final class CreateDatabaseStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean ifNotExists;
  private final String comment;
  private final Map<String, String> options;

  /** Creates the statement; {@code comment} may be null. */
  public CreateDatabaseStatement(ObjectName name, boolean ifNotExists, String comment,
      Map<String, String> options, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.ifNotExists = ifNotExists;
    this.comment = comment;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** The database name, optionally qualified by a catalog. */
  public ObjectName name() {
    return name;
  }

  /** {@code IF NOT EXISTS}. */
  public boolean isIfNotExists() {
    return ifNotExists;
  }

  /** The comment, or null. */
  public String comment() {
    return comment;
  }

  /** {@code WITH} options in written order. */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, ifNotExists, comment, List.copyOf(options.entrySet()));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CREATE DATABASE ");
    if (ifNotExists) {
      sb.append("IF NOT EXISTS ");
    }
    sb.append(name);
    if (comment != null) {
      sb.append(" COMMENT ").append(SqlText.string(comment));
    }
    if (!options.isEmpty()) {
      sb.append(" WITH ").append(SqlText.optionList(options));
    }
    return sb.toString();
  }
}
