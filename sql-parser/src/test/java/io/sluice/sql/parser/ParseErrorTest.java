package io.sluice.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Statements that must be rejected, with the exact message and position. */
class ParseErrorTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("CREATE TABEL t (a INT)", 1, 8,
            "Encountered \"TABEL\" at line 1, column 8. Was expecting one of: \"CATALOG\", \"DATABASE\", \"FUNCTION\", \"MATERIALIZED\", \"OR\", \"SYSTEM\", \"TABLE\", \"TEMPORARY\", ..."),
        Arguments.of("CREATE TABLE t (a INT, b FOO)", 1, 26,
            "Unknown data type \"FOO\" at line 1, column 26."),
        Arguments.of("CREATE TABLE t (a INT,)", 1, 23,
            "Encountered \")\" at line 1, column 23. Was expecting one of: \"CONSTRAINT\", \"PRIMARY\", <QUOTED_IDENTIFIER>, <IDENTIFIER>"),
        Arguments.of("CREATE TABLE t (a INT b INT)", 1, 23,
            "Encountered \"b\" at line 1, column 23. Was expecting one of: \")\", \",\""),
        Arguments.of("SELECT 1; SELECT 2", 1, 11,
            "Encountered \"SELECT\" at line 1, column 11. Was expecting one of: <EOF>"),
        Arguments.of("DROP TABLE", 1, 11,
            "Encountered \"<EOF>\" at line 1, column 11. Was expecting one of: <QUOTED_IDENTIFIER>, <IDENTIFIER>"),
        Arguments.of("SHOW TABLEZ", 1, 6,
            "Encountered \"TABLEZ\" at line 1, column 6. Was expecting one of: \"CREATE\", \"CATALOGS\", \"COLUMNS\", \"CURRENT\", \"DATABASES\", \"FULL\", \"FUNCTIONS\", \"JARS\", ..."),
        Arguments.of("ALTER TABLEZ t RENAME TO u", 1, 7,
            "Encountered \"TABLEZ\" at line 1, column 7. Was expecting one of: \"CATALOG\", \"DATABASE\", \"FUNCTION\", \"MATERIALIZED\", \"SYSTEM\", \"TABLE\", \"TEMPORARY\", \"VIEW\""),
        Arguments.of("ALTER TABLE t DROP (a, b, a)", 1, 27,
            "Duplicate column `a` at line 1, column 27."),
        Arguments.of("ALTER TABLE t RESET ('k', 'k')", 1, 27,
            "Duplicate option key 'k' at line 1, column 27."),
        Arguments.of("ALTER TABLE t ADD (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)", 1, 52,
            "Duplicate primary key definition at line 1, column 52."),
        Arguments.of("ALTER TABLE t ADD (WATERMARK FOR a AS a, WATERMARK FOR a AS a)", 1, 42,
            "Multiple WATERMARK statements are not supported at line 1, column 42."),
        Arguments.of("ALTER TABLE t SET ()", 1, 20,
            "Encountered \")\" at line 1, column 20. Was expecting one of: <QUOTED_STRING>"),
        Arguments.of("ALTER TABLE t MODIFY a INT AFTER", 1, 33,
            "Encountered \"<EOF>\" at line 1, column 33. Was expecting one of: <QUOTED_IDENTIFIER>, <IDENTIFIER>"),
        Arguments.of("CREATE TABLE t (a AS ) WITH ()", 1, 22,
            "Encountered \")\" at line 1, column 22. Was expecting one of: <EXPRESSION>"),
        Arguments.of("SET 'a' 'b'", 1, 9,
            "Encountered \"'b'\" at line 1, column 9. Was expecting one of: \"=\""),
        Arguments.of("CREATE TABLE t (a INT PRIMARY KEY)", 1, 23,
            "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint, only NOT ENFORCED at line 1, column 23."),
        Arguments.of("CREATE TABLE t (a INT, PRIMARY KEY (a) ENFORCED)", 1, 40,
            "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint, only NOT ENFORCED at line 1, column 40."),
        Arguments.of("INSERT INTO t", 1, 14,
            "Encountered \"<EOF>\" at line 1, column 14. Was expecting one of: \"SELECT\", \"PARTITION\", \"TABLE\", \"VALUES\", \"WITH\", \"(\""),
        Arguments.of("CREATE TABLE t (a INT) WITH ('a' = 'b' 'c' = 'd')", 1, 40,
            "Encountered \"'c'\" at line 1, column 40. Was expecting one of: \")\", \",\""),
        Arguments.of("CREATE TABLE t (a INT) WITH ('a' = 'b', 'a' = 'c')", 1, 41,
            "Duplicate option key 'a' at line 1, column 41."),
        Arguments.of("CREATE TABLE t (a INT) WITH (a = 'b')", 1, 30,
            "Encountered \"a\" at line 1, column 30. Was expecting one of: \")\", <QUOTED_STRING>"),
        Arguments.of("CREATE TABLE t (\n  a INT,\n  b VARCHAR(10,\n)", 4, 1,
            "Encountered \")\" at line 4, column 1. Was expecting one of: <UNSIGNED_INTEGER_LITERAL>"),
        Arguments.of("CREATE TABLE t (\n  ts TIMESTAMP(3),\n  WATERMARK FOR ts AS ts,\n  WATERMARK FOR ts AS ts\n)", 4, 3,
            "Multiple WATERMARK statements are not supported at line 4, column 3."),
        Arguments.of("CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)", 1, 49,
            "Duplicate primary key definition at line 1, column 49."),
        Arguments.of("CREATE TABLE t (a INT(3))", 1, 22,
            "Data type INT does not take parameters at line 1, column 22."),
        Arguments.of("CREATE TABLE t (a DECIMAL(10, 2, 1))", 1, 32,
            "Encountered \",\" at line 1, column 32. Was expecting one of: \")\""),
        Arguments.of("CREATE TABLE t (a ARRAY<INT)", 1, 28,
            "Encountered \")\" at line 1, column 28. Was expecting one of: \"NOT\", \"NULL\", \"PRECISION\", \"(\", \">\""),
        Arguments.of("CREATE TABLE t (a MAP<INT>)", 1, 26,
            "Encountered \">\" at line 1, column 26. Was expecting one of: \"NOT\", \"NULL\", \"PRECISION\", \"(\", \",\""),
        Arguments.of("CREATE TABLE t (a INT NOT)", 1, 26,
            "Encountered \")\" at line 1, column 26. Was expecting one of: \"NULL\""),
        Arguments.of("CREATE TABLE t WITH ('connector' = 'x')", 1, 14,
            "CREATE TABLE needs a column list, a LIKE clause or AS <query> at line 1, column 14."),
        Arguments.of("CREATE TABLE t (a, b) WITH ('connector' = 'x')", 1, 16,
            "A column list without types is only allowed with AS <query>: CREATE TABLE t (a, b) WITH (...) AS SELECT"
                + " ... at line 1, column 16."),
        Arguments.of("CREATE TEMPORARY DATABASE d", 1, 8,
            "TEMPORARY is not allowed for DATABASE at line 1, column 8."),
        Arguments.of("CREATE SYSTEM FUNCTION f AS 'x'", 1, 8,
            "SYSTEM is only allowed in TEMPORARY SYSTEM FUNCTION at line 1, column 8."),
        Arguments.of("CREATE TEMPORARY SYSTEM TABLE t (a INT)", 1, 18,
            "SYSTEM is only allowed in TEMPORARY SYSTEM FUNCTION at line 1, column 18."),
        Arguments.of("DROP TEMPORARY CATALOG c", 1, 6,
            "TEMPORARY is not allowed for CATALOG at line 1, column 6."),
        Arguments.of("CREATE FUNCTION f AS 'x' LANGUAGE COBOL", 1, 35,
            "Unsupported function language \"COBOL\", expected JAVA, SCALA or PYTHON at line 1, column 35."),
        Arguments.of("CREATE FUNCTION f AS x", 1, 22,
            "Encountered \"x\" at line 1, column 22. Was expecting one of: \"AS\", \".\""),
        Arguments.of("CREATE VIEW v SELECT 1", 1, 15,
            "Encountered \"SELECT\" at line 1, column 15. Was expecting one of: \"AS\", \"COMMENT\", \"(\""),
        Arguments.of("CREATE VIEW v AS", 1, 17,
            "Encountered \"<EOF>\" at line 1, column 17. Was expecting one of: \"SELECT\", \"TABLE\", \"VALUES\", \"WITH\", \"(\""),
        Arguments.of("SET 'a' = b", 1, 11,
            "Encountered \"b\" at line 1, column 11. Was expecting one of: <QUOTED_STRING>"),
        Arguments.of("RESET 'a' b", 1, 11,
            "Encountered \"b\" at line 1, column 11. Was expecting one of: \";\", <EOF>"),
        Arguments.of("SHOW CREATE DATABASE d", 1, 13,
            "Encountered \"DATABASE\" at line 1, column 13. Was expecting one of: \"CATALOG\", \"MATERIALIZED\", \"TABLE\", \"VIEW\""),
        Arguments.of("SHOW COLUMNS orders", 1, 14,
            "Encountered \"orders\" at line 1, column 14. Was expecting one of: \"FROM\", \"IN\""),
        Arguments.of("USE", 1, 4,
            "Encountered \"<EOF>\" at line 1, column 4. Was expecting one of: <QUOTED_IDENTIFIER>, <IDENTIFIER>"),
        Arguments.of("DESCRIBE", 1, 9,
            "Encountered \"<EOF>\" at line 1, column 9. Was expecting one of: <QUOTED_IDENTIFIER>, <IDENTIFIER>"),
        Arguments.of("EXPLAIN", 1, 8,
            "Encountered \"<EOF>\" at line 1, column 8. Was expecting one of: \"SELECT\", \"INSERT\", \"EXECUTE\", \"ANALYZE\", \"CHANGELOG_MODE\", \"ESTIMATED_COST\", \"JSON_EXECUTION_PLAN\", \"PLAN\", ..."),
        Arguments.of("EXPLAIN ESTIMATED_COST, SELECT 1", 1, 25,
            "Encountered \"SELECT\" at line 1, column 25. Was expecting one of: \"CHANGELOG_MODE\", \"ESTIMATED_COST\", \"JSON_EXECUTION_PLAN\", \"PLAN_ADVICE\""),
        Arguments.of("EXPLAIN CHANGELOG_MODE, CHANGELOG_MODE SELECT 1", 1, 25,
            "Duplicate EXPLAIN detail CHANGELOG_MODE at line 1, column 25."),
        Arguments.of("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1 END", 1, 55,
            "Encountered \"<EOF>\" at line 1, column 55. Was expecting one of: \";\""),
        Arguments.of("EXECUTE STATEMENT SET BEGIN END", 1, 29,
            "Encountered \"END\" at line 1, column 29. Was expecting one of: \"INSERT\""),
        Arguments.of("EXECUTE STATEMENT SET BEGIN SELECT 1; END", 1, 29,
            "Encountered \"SELECT\" at line 1, column 29. Was expecting one of: \"INSERT\""),
        Arguments.of("STOP JOB abc", 1, 10,
            "Encountered \"abc\" at line 1, column 10. Was expecting one of: <QUOTED_STRING>"),
        Arguments.of("STOP JOB 'abc' WITH", 1, 20,
            "Encountered \"<EOF>\" at line 1, column 20. Was expecting one of: \"DRAIN\", \"SAVEPOINT\""),
        Arguments.of("ADD JAR", 1, 8,
            "Encountered \"<EOF>\" at line 1, column 8. Was expecting one of: <QUOTED_STRING>"),
        Arguments.of("INSERT INTO t PARTITION (a = 1, a = 2) SELECT 1", 1, 33,
            "Duplicate partition column 'a' at line 1, column 33."),
        Arguments.of("INSERT t SELECT 1", 1, 8,
            "Encountered \"t\" at line 1, column 8. Was expecting one of: \"INTO\", \"OVERWRITE\""),
        Arguments.of("CREATE TABLE t (`` INT)", 1, 17,
            "Zero-length delimited identifier at line 1, column 17."),
        Arguments.of("CREATE TABLE t (a INT) WITH ('k' = 'unterminated)", 1, 36,
            "Lexical error: unterminated string literal at line 1, column 36."),
        Arguments.of("CREATE TABLE `t (a INT)", 1, 14,
            "Lexical error: unterminated quoted identifier at line 1, column 14."),
        Arguments.of("CREATE TABLE t /* never closed", 1, 16,
            "Lexical error: unterminated comment at line 1, column 16."),
        Arguments.of("CREATE TABLE t (a INT) LIKE s (INCLUDING EVERYTHING)", 1, 42,
            "Encountered \"EVERYTHING\" at line 1, column 42. Was expecting one of: \"ALL\", \"CONSTRAINTS\", \"GENERATED\", \"METADATA\", \"OPTIONS\", \"PARTITIONS\", \"WATERMARKS\""),
        Arguments.of("CREATE TABLE t (a ROW<b>)", 1, 24,
            "Encountered \">\" at line 1, column 24. Was expecting one of: <IDENTIFIER>"),
        Arguments.of("CREATE TABLE t (a INTERVAL WEEK)", 1, 28,
            "Encountered \"WEEK\" at line 1, column 28. Was expecting one of: \"DAY\", \"HOUR\", \"MINUTE\", \"MONTH\", \"SECOND\", \"YEAR\""),
        Arguments.of("CREATE TABLE t (a INT PRECISION)", 1, 23,
            "Encountered \"PRECISION\" at line 1, column 23."),
        Arguments.of("DROP DATABASE d FORCE", 1, 17,
            "Encountered \"FORCE\" at line 1, column 17. Was expecting one of: \";\", <EOF>"),
        Arguments.of("CREATE TABLE t (a INT)\nWITH ('x' = 'y')\nLIKE", 3, 5,
            "Encountered \"<EOF>\" at line 3, column 5. Was expecting one of: <QUOTED_IDENTIFIER>, <IDENTIFIER>"),
        Arguments.of("HELP ME", 1, 6,
            "Encountered \"ME\" at line 1, column 6. Was expecting one of: \";\", <EOF>"),
        Arguments.of("SHOW USER FUNCTIONS USER", 1, 6,
            "USER may only be written once at line 1, column 6."),
        Arguments.of("CREATE TABLE t (a VARCHAR(99999999999))", 1, 27,
            "Numeric literal '99999999999' out of range at line 1, column 27.")
    );
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void rejects(String sql, int line, int column, String message) {
    SqlParseException e = assertThrows(SqlParseException.class, () -> StatementParser.parse(sql));
    assertEquals(message, e.getMessage());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
  }

  @Test
  void atLeastFortyCases() {
    assertTrue(cases().count() >= 40);
  }

  @Test
  void expectedListIsShort() {
    SqlParseException e = assertThrows(SqlParseException.class, () -> StatementParser.parse("GRANT ALL"));
    String expected = e.getMessage().substring(e.getMessage().indexOf("one of: ") + 8);
    assertTrue(expected.split(", ").length <= SyntaxErrors.MAX_EXPECTED + 1, expected);
    assertTrue(expected.endsWith("..."), expected);
  }

  @Test
  void formatsCaretUnderColumn() {
    String sql = "CREATE TABLE t (\n\ta INT,\n\tb FOO\n)";
    SqlParseException e = assertThrows(SqlParseException.class, () -> StatementParser.parse(sql));
    assertEquals("Unknown data type \"FOO\" at line 3, column 4.\n\tb FOO\n\t  ^", e.formatWithCaret(sql));
  }

  @Test
  void relocatesIntoScript() {
    String script = "SET 'a' = 'b';\n\n  DROP TABLE t extra;";
    ScriptStatement second = ScriptSplitter.split(script).get(1);
    SqlParseException e = assertThrows(SqlParseException.class, () -> StatementParser.parse(second));
    assertEquals(3, e.line());
    assertEquals(16, e.column());
    assertEquals("Encountered \"extra\" at line 3, column 16. Was expecting one of: \";\", <EOF>",
        e.getMessage());
    assertTrue(e.formatWithCaret(script).endsWith("  DROP TABLE t extra;\n               ^"));
  }

  @Test
  void lexerNeverPrintsInsteadOfThrowing() {
    // Characters the grammar has no token for still end in a parse exception, not a printed warning.
    SqlParseException e = assertThrows(SqlParseException.class, () -> StatementParser.parse("DROP TABLE #t"));
    assertEquals(1, e.line());
    assertEquals(12, e.column());
  }
}
