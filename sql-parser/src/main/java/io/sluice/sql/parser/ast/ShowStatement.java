package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code SHOW ...} family: {@code SHOW TABLES|VIEWS|DATABASES|FUNCTIONS|USER FUNCTIONS [FROM|IN name]
 * [[NOT] LIKE|ILIKE 'pattern']}, {@code SHOW CATALOGS [[NOT] LIKE ..]}, {@code SHOW COLUMNS FROM|IN table
 * [..LIKE..]}, {@code SHOW JOBS|JARS|CURRENT CATALOG|CURRENT DATABASE}, {@code SHOW CREATE TABLE|VIEW|MATERIALIZED TABLE name}, {@code SHOW MATERIALIZED TABLES [FROM|IN db] [..LIKE..]}.
 */
public final class ShowStatement extends ParsedStatement {

  /** What is listed. */
  public enum Kind {
    TABLES("TABLES"),
    VIEWS("VIEWS"),
    DATABASES("DATABASES"),
    CATALOGS("CATALOGS"),
    FUNCTIONS("FUNCTIONS"),
    USER_FUNCTIONS("USER FUNCTIONS"),
    JOBS("JOBS"),
    JARS("JARS"),
    CURRENT_CATALOG("CURRENT CATALOG"),
    CURRENT_DATABASE("CURRENT DATABASE"),
    COLUMNS("COLUMNS"),
    CREATE_TABLE("CREATE TABLE"),
    CREATE_VIEW("CREATE VIEW"),
    CREATE_CATALOG("CREATE CATALOG"),
    CREATE_MATERIALIZED_TABLE("CREATE MATERIALIZED TABLE"),
    MATERIALIZED_TABLES("MATERIALIZED TABLES"),
    MODULES("MODULES"),
    FULL_MODULES("FULL MODULES"),
    PROCEDURES("PROCEDURES");

    private final String sql;

    Kind(String sql) {
      this.sql = sql;
    }

    /** The words written after SHOW. */
    public String sql() {
      return sql;
    }
  }

  private final Kind kind;
  private final ObjectName target;
  private final String likePattern;
  private final boolean notLike;
  private final boolean caseInsensitiveLike;

  /**
   * Creates the statement. {@code target} is the {@code FROM/IN} name (COLUMNS, TABLES, ...) or the object
   * of {@code SHOW CREATE}; null when absent. {@code likePattern} is null when there is no LIKE filter.
   */
  public ShowStatement(Kind kind, ObjectName target, String likePattern, boolean notLike,
      boolean caseInsensitiveLike, SqlPosition position) {
    super(position);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.target = target;
    this.likePattern = likePattern;
    this.notLike = likePattern != null && notLike;
    this.caseInsensitiveLike = likePattern != null && caseInsensitiveLike;
  }

  /** What is listed. */
  public Kind kind() {
    return kind;
  }

  /** The database/table/catalog named by FROM/IN or SHOW CREATE, or null. */
  public ObjectName target() {
    return target;
  }

  /** The LIKE pattern (unescaped), or null. */
  public String likePattern() {
    return likePattern;
  }

  /** {@code NOT LIKE}. */
  public boolean isNotLike() {
    return notLike;
  }

  /** {@code ILIKE} (case-insensitive matching). */
  public boolean isCaseInsensitiveLike() {
    return caseInsensitiveLike;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(kind, target, likePattern, notLike, caseInsensitiveLike);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SHOW ").append(kind.sql());
    if (target != null) {
      boolean create = kind == Kind.CREATE_TABLE || kind == Kind.CREATE_VIEW;
      sb.append(create ? " " : " FROM ").append(target);
    }
    if (likePattern != null) {
      sb.append(notLike ? " NOT" : "").append(caseInsensitiveLike ? " ILIKE " : " LIKE ")
          .append(SqlText.string(likePattern));
    }
    return sb.toString();
  }
}
