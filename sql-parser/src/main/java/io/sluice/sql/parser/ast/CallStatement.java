package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code CALL [catalog.][database.]procedure(argument, ...)}; arguments are positional or named. */
public final class CallStatement extends ParsedStatement {
  /** One argument: its expression text, and its name when written as {@code name => value} (else null). */
  public record Argument(String name, SqlFragment value) {
    public Argument {
      Objects.requireNonNull(value, "value");
    }
  }

  private final ObjectName procedure;
  private final List<Argument> arguments;

  public CallStatement(ObjectName procedure, List<Argument> arguments, SqlPosition position) {
    super(position);
    this.procedure = Objects.requireNonNull(procedure, "procedure");
    this.arguments = List.copyOf(arguments);
  }

  public ObjectName procedure() {
    return procedure;
  }

  public List<Argument> arguments() {
    return arguments;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(procedure, arguments);
  }

  @Override
  public String toString() {
    return "CALL " + procedure + arguments;
  }
}
