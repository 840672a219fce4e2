package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** Shell commands without arguments: {@code HELP}, {@code QUIT} / {@code EXIT}, {@code CLEAR}. */
public final class ClientCommandStatement extends ParsedStatement {

  /** The command; {@code EXIT} is parsed as {@link #QUIT}. */
  public enum Command { HELP, QUIT, CLEAR }

  private final Command command;

  /** Creates the statement. */
  public ClientCommandStatement(Command command, SqlPosition position) {
    super(position);
    this.command = Objects.requireNonNull(command, "command");
  }

  /** The command. */
  public Command command() {
    return command;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return List.of(command);
  }

  @Override
  public String toString() {
    return command.name();
  }
}
