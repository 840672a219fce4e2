package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [TEMPORARY | TEMPORARY SYSTEM] FUNCTION [IF NOT EXISTS] name AS 'class'
 * [LANGUAGE JAVA|SCALA|PYTHON] [USING JAR '..', JAR '..']}.
 */
public final class CreateFunctionStatement extends ParsedStatement {

  private final ObjectName name;
  private final boolean temporary;
  private final boolean system;
  private final boolean ifNotExists;
  private final String className;
  private final String language;
  private final List<String> jars;

  /** Creates the statement; {@code language} (upper-case) may be null, {@code jars} empty. */
  public CreateFunctionStatement(ObjectName name, boolean temporary, boolean system, boolean ifNotExists,
      String className, String language, List<String> jars, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.temporary = temporary;
    this.system = system;
    this.ifNotExists = ifNotExists;
    this.className = Objects.requireNonNull(className, "className");
    this.language = language;
    this.jars = List.copyOf(jars);
  }

  /** The function name. */
  public ObjectName name() {
    return name;
  }

  /** {@code TEMPORARY} (also true for temporary system functions). */
  public boolean isTemporary() {
    return temporary;
  }

  /** {@code TEMPORARY SYSTEM}: a function without catalog/database namespace. */
  public boolean isSystem() {
    return system;
  }

  /** {@code IF NOT EXISTS}. */
  public boolean isIfNotExists() {
    return ifNotExists;
  }

  /** The implementing class name. */
  public String className() {
    return className;
  }

  /** {@code JAVA}, {@code SCALA} or {@code PYTHON}, or null when not written (Java). */
  public String language() {
    return language;
  }

  /** Jar paths from {@code USING JAR}; empty when absent. */
  public List<String> jars() {
    return jars;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, temporary, system, ifNotExists, className, language, jars);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CREATE ");
    if (temporary) {
      sb.append("TEMPORARY ");
    }
    if (system) {
      sb.append("SYSTEM ");
    }
    sb.append("FUNCTION ");
    if (ifNotExists) {
      sb.append("IF NOT EXISTS ");
    }
    sb.append(name).append(" AS ").append(SqlText.string(className));
    if (language != null) {
      sb.append(" LANGUAGE ").append(language);
    }
    for (int i = 0; i < jars.size(); i++) {
      sb.append(i == 0 ? " USING JAR " : ", JAR ").append(SqlText.string(jars.get(i)));
    }
    return sb.toString();
  }
}
