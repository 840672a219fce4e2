package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Map;

/** {@code LOAD MODULE name [WITH (...)]}, {@code UNLOAD MODULE name} or {@code USE MODULES a, b, ...}. */
public final class ModuleStatement extends ParsedStatement {
  /** Which module statement. */
  public enum Kind {
    LOAD,
    UNLOAD,
    USE
  }

  private final Kind kind;
  private final List<String> modules;
  private final Map<String, String> options;

  /** Creates the statement; {@code modules} holds one name for LOAD and UNLOAD. */
  public ModuleStatement(Kind kind, List<String> modules, Map<String, String> options, SqlPosition position) {
    super(position);
    this.kind = kind;
    this.modules = List.copyOf(modules);
    this.options = Map.copyOf(options);
  }

  /** Which module statement this is. */
  public Kind kind() {
    return kind;
  }

  /** The module names, in the order written. */
  public List<String> modules() {
    return modules;
  }

  /** The WITH options of LOAD MODULE. */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(kind, modules, options);
  }

  @Override
  public String toString() {
    return kind + " MODULE " + String.join(", ", modules);
  }
}
