package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@code ALTER [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name AS 'class' [LANGUAGE lang]}. */
public final class AlterFunctionStatement extends ParsedStatement {
  private final ObjectName name;
  private final boolean temporary;
  private final boolean system;
  private final boolean ifExists;
  private final String className;
  private final String language;

  /** Creates the statement; {@code language} is null when not written. */
  public AlterFunctionStatement(ObjectName name, boolean temporary, boolean system, boolean ifExists,
      String className, String language, SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.temporary = temporary;
    this.system = system;
    this.ifExists = ifExists;
    this.className = Objects.requireNonNull(className, "className");
    this.language = language;
  }

  /** The function. */
  public ObjectName name() {
    return name;
  }

  /** {@code TEMPORARY} was written. */
  public boolean isTemporary() {
    return temporary;
  }

  /** {@code TEMPORARY SYSTEM} was written. */
  public boolean isSystem() {
    return system;
  }

  /** {@code IF EXISTS} was written. */
  public boolean isIfExists() {
    return ifExists;
  }

  /** The new implementing class. */
  public String className() {
    return className;
  }

  /** The language, or null. */
  public String language() {
    return language;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, temporary, system, ifExists, className, language);
  }

  @Override
  public String toString() {
    return "ALTER FUNCTION " + name + " AS '" + className + "'";
  }
}
