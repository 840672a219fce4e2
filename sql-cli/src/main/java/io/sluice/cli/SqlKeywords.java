package io.sluice.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The words the shell highlights and completes: SQL keywords and the beginnings of statements. */
final class SqlKeywords {
    /** Keywords of Flink SQL's statements and queries (upper case). */
    static final Set<String> KEYWORDS = new TreeSet<>(List.of(
            "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "AT", "BEGIN", "BETWEEN", "BIGINT",
            "BINARY", "BOOLEAN", "BOTH", "BY", "BYTES", "CASCADE", "CASE", "CAST", "CATALOG", "CATALOGS", "CHAR",
            "CHARACTER", "CLEAR", "COLUMN", "COLUMNS", "COMMENT", "COMPILE", "COMPUTED", "CONSTRAINT", "CREATE",
            "CROSS", "CUBE", "CUMULATE", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE",
            "DATABASES", "DATE", "DAY", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DESCRIBE", "DESCRIPTOR", "DISTINCT",
            "DOUBLE", "DRAIN", "DROP", "ELSE", "END", "ENFORCED", "ESCAPE", "EXCEPT", "EXCLUDING", "EXECUTE", "EXISTS",
            "EXIT", "EXPLAIN", "EXTENDED", "FALSE", "FETCH", "FIRST", "FLOAT", "FOLLOWING", "FOR", "FROM", "FULL",
            "FUNCTION", "FUNCTIONS", "GROUP", "GROUPING", "HAVING", "HELP", "HOP", "HOUR", "IF", "ILIKE", "IN",
            "INCLUDING", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "JAR", "JARS",
            "JOB", "JOBS", "JOIN", "KEY", "LAST", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOCALTIMESTAMP", "MAP",
            "MATCH_RECOGNIZE", "METADATA", "MINUTE", "MODULES", "MONTH", "MULTISET", "NATURAL", "NOT", "NULL",
            "NULLS", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "OVERWRITE", "PARTITION", "PARTITIONED",
            "PRECEDING", "PRIMARY", "PROCTIME", "QUIT", "RANGE", "RAW", "RENAME", "REPLACE", "RESET", "RIGHT",
            "ROLLUP", "ROW", "ROWS", "ROW_NUMBER", "SAVEPOINT", "SECOND", "SELECT", "SESSION", "SET", "SETS", "SHOW",
            "SMALLINT", "STATEMENT", "STOP", "STRING", "SYSTEM", "SYSTEM_TIME", "TABLE", "TABLES", "TEMPORARY",
            "THEN", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ", "TINYINT", "TO", "TRUE", "TUMBLE", "UNBOUNDED", "UNION",
            "UNNEST", "USE", "USER", "USING", "VALUES", "VARBINARY", "VARCHAR", "VIEW", "VIEWS", "WATERMARK",
            "WATERMARKS", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT", "YEAR"));

    /** How statements begin; completion offers these at the start of a statement. */
    static final List<String> STATEMENT_STARTS = List.of(
            "ALTER TABLE", "ALTER VIEW", "BEGIN STATEMENT SET;", "CLEAR;", "CREATE CATALOG", "CREATE DATABASE",
            "CREATE FUNCTION", "CREATE TABLE", "CREATE TEMPORARY FUNCTION", "CREATE TEMPORARY TABLE",
            "CREATE TEMPORARY VIEW", "CREATE TEMPORARY SYSTEM FUNCTION", "CREATE VIEW", "DESCRIBE", "DROP CATALOG",
            "DROP DATABASE", "DROP FUNCTION", "DROP TABLE", "DROP TEMPORARY FUNCTION", "DROP TEMPORARY VIEW",
            "DROP VIEW", "END;", "EXECUTE STATEMENT SET", "EXIT;", "EXPLAIN", "HELP;", "INSERT INTO", "QUIT;", "RESET",
            "SELECT", "SET", "SHOW CATALOGS;", "SHOW COLUMNS FROM", "SHOW CREATE TABLE", "SHOW CREATE VIEW",
            "SHOW CURRENT CATALOG;", "SHOW CURRENT DATABASE;", "SHOW DATABASES;", "SHOW FUNCTIONS;", "SHOW JOBS;",
            "SHOW TABLES;", "SHOW USER FUNCTIONS;", "SHOW VIEWS;", "STOP JOB", "USE", "USE CATALOG", "WITH");

    private SqlKeywords() {
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }
}
