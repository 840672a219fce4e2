package io.sluice.sql.parser.ast;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code CREATE [OR ALTER] MATERIALIZED TABLE [IF NOT EXISTS] name [( [CONSTRAINT c] PRIMARY KEY (..) NOT ENFORCED )]
 * [COMMENT '..'] [PARTITIONED BY (..)] [WITH (..)] [FRESHNESS = INTERVAL '<n>' <unit>]
 * [REFRESH_MODE = CONTINUOUS|FULL] AS query}. The table's columns come from the query.
 */
public final class CreateMaterializedTableStatement extends ParsedStatement {

  /** The refresh mode written in the statement. */
  public enum RefreshMode { CONTINUOUS, FULL }

  private final ObjectName name;
  private final boolean orAlter;
  private final boolean ifNotExists;
  private final PrimaryKeySpec primaryKey;
  private final String comment;
  private final List<String> partitionKeys;
  private final Map<String, String> options;
  private final String freshnessValue;
  private final String freshnessUnit;
  private final RefreshMode refreshMode;
  private final SqlFragment query;

  /**
   * Creates the statement; {@code primaryKey}, {@code comment}, {@code freshnessValue}/{@code freshnessUnit}
   * (the interval's quoted number, a leading minus kept, and its unit as written) and {@code refreshMode} may be
   * null.
   */
  public CreateMaterializedTableStatement(ObjectName name, boolean orAlter, boolean ifNotExists,
      PrimaryKeySpec primaryKey, String comment, List<String> partitionKeys, Map<String, String> options,
      String freshnessValue, String freshnessUnit, RefreshMode refreshMode, SqlFragment query,
      SqlPosition position) {
    super(position);
    this.name = Objects.requireNonNull(name, "name");
    this.orAlter = orAlter;
    this.ifNotExists = ifNotExists;
    this.primaryKey = primaryKey;
    this.comment = comment;
    this.partitionKeys = List.copyOf(partitionKeys);
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.freshnessValue = freshnessValue;
    this.freshnessUnit = freshnessUnit;
    this.refreshMode = refreshMode;
    this.query = Objects.requireNonNull(query, "query");
  }

  /** The table name. */
  public ObjectName name() {
    return name;
  }

  /** {@code CREATE OR ALTER}: an existing table gets the new query (as {@code ALTER ... AS query}). */
  public boolean isOrAlter() {
    return orAlter;
  }

  /** {@code IF NOT EXISTS}. */
  public boolean isIfNotExists() {
    return ifNotExists;
  }

  /** The declared primary key, or null. */
  public PrimaryKeySpec primaryKey() {
    return primaryKey;
  }

  /** The comment, or null. */
  public String comment() {
    return comment;
  }

  /** {@code PARTITIONED BY} columns (empty when absent). */
  public List<String> partitionKeys() {
    return partitionKeys;
  }

  /** The {@code WITH} options in written order. */
  public Map<String, String> options() {
    return options;
  }

  /** The number of the FRESHNESS interval as written between the quotes (a minus before the quote prepended), or null. */
  public String freshnessValue() {
    return freshnessValue;
  }

  /** The unit of the FRESHNESS interval as written, or null. */
  public String freshnessUnit() {
    return freshnessUnit;
  }

  /** The written REFRESH_MODE, or null (derived from the freshness). */
  public RefreshMode refreshMode() {
    return refreshMode;
  }

  /** The defining query. */
  public SqlFragment query() {
    return query;
  }

  @Override
  public <R> R accept(StatementVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  protected List<Object> identity() {
    return Arrays.asList(name, orAlter, ifNotExists, primaryKey, comment, partitionKeys, options, freshnessValue,
        freshnessUnit, refreshMode, query);
  }

  @Override
  public String toString() {
    return "CREATE " + (orAlter ? "OR ALTER " : "") + "MATERIALIZED TABLE " + (ifNotExists ? "IF NOT EXISTS " : "")
        + name + " AS " + query.text();
  }
}
