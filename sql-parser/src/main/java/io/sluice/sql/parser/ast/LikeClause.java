package io.sluice.sql.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code LIKE source [(INCLUDING ALL EXCLUDING OPTIONS ...)]} at the end of a {@code CREATE TABLE}. */
public final class LikeClause extends AstNode {

  /** How a feature of the source table is merged. */
  public enum Strategy { INCLUDING, EXCLUDING, OVERWRITING }

  /** Which feature of the source table an option is about. */
  public enum Feature { ALL, CONSTRAINTS, PARTITIONS, OPTIONS, WATERMARKS, GENERATED, METADATA }

  /** One merging option such as {@code EXCLUDING OPTIONS}. */
  public record LikeOption(Strategy strategy, Feature feature) {
    @Override
    public String toString() {
      return strategy + " " + feature;
    }
  }

  private final ObjectName source;
  private final List<LikeOption> options;

  /** Creates a LIKE clause; {@code options} may be empty. */
  public LikeClause(ObjectName source, List<LikeOption> options, SqlPosition position) {
    super(position);
    this.source = Objects.requireNonNull(source, "source");
    this.options = List.copyOf(options);
  }

  /** The table whose schema and options are copied. */
  public ObjectName source() {
    return source;
  }

  /** The merging options in written order. */
  public List<LikeOption> options() {
    return options;
  }

  @Override
  protected List<Object> identity() {
    return List.of(source, options);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("LIKE ").append(source);
    if (!options.isEmpty()) {
      sb.append(" (");
      for (int i = 0; i < options.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(options.get(i));
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
