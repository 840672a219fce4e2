package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ALTER CATALOG name SET ('k' = 'v', ...)}, {@code ALTER CATALOG name RESET ('k', ...)} or
 * {@code ALTER CATALOG name COMMENT 'text'}.
 */
public final class AlterCatalogStatement extends ParsedStatement {
  /** What the statement changes. */
  public enum Action {
    SET,
    RESET,
    COMMENT
  }

  private final String catalog;
  private final Action action;
  private final Map<String, String> options;
  private final List<String> resetKeys;
  private final String comment;

  private AlterCatalogStatement(String catalog, Action action, Map<String, String> options, List<String> resetKeys,
      String comment, SqlPosition position) {
    super(position);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.action = action;
    this.options = Map.copyOf(options);
    this.resetKeys = List.copyOf(resetKeys);
    this.comment = comment;
  }

  /** {@code SET (options)}. */
  public static AlterCatalogStatement set(String catalog, Map<String, String> options, SqlPosition position) {
    return new AlterCatalogStatement(catalog, Action.SET, options, List.of(), null, position);
  }

  /** {@code RESET (keys)}. */
  public static AlterCatalogStatement reset(String catalog, List<String> keys, SqlPosition position) {
    return new AlterCatalogStatement(catalog, Action.RESET, Map.of(), keys, null, position);
  }

  /** {@code COMMENT 'text'}. */
  public static AlterCatalogStatement comment(String catalog, String comment, SqlPosition position) {
    return new AlterCatalogStatement(catalog, Action.COMMENT, Map.of(), List.of(), comment, position);
  }

  /** The altered catalog. */
  public String catalog() {
    return catalog;
  }

  /** What is changed. */
  public Action action() {
    return action;
  }

  /** The options of SET. */
  public Map<String, String> options() {
    return options;
  }

  /** The keys of RESET. */
  public List<String> resetKeys() {
    return resetKeys;
  }

  /** The new comment of COMMENT. */
  public String comment() {
    return comment;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return java.util.Arrays.asList(catalog, action, options, resetKeys, comment);
  }

  @Override
  public String toString() {
    return "ALTER CATALOG " + catalog + " " + action;
  }
}
