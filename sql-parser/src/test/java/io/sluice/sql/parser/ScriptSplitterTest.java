package io.sluice.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting scripts into statements, with exact texts and positions. */
class ScriptSplitterTest {

  private static void assertStatement(ScriptStatement s, String text, int line, int column) {
    assertEquals(text, s.text());
    assertEquals(line, s.line(), "line of " + text);
    assertEquals(column, s.column(), "column of " + text);
  }

  @Test
  void splitsAtTopLevelSemicolons() {
    List<ScriptStatement> parts = ScriptSplitter.split("SET 'a' = 'b'; SELECT 1;\nSELECT 2");
    assertEquals(3, parts.size());
    assertStatement(parts.get(0), "SET 'a' = 'b'", 1, 1);
    assertStatement(parts.get(1), "SELECT 1", 1, 16);
    assertStatement(parts.get(2), "SELECT 2", 2, 1);
    assertEquals(15, parts.get(1).offset());
    assertEquals(25, parts.get(2).offset());
  }

  @Test
  void ignoresSemicolonsInStringsIdentifiersAndComments() {
    String script = "SELECT 'a;b', 'it''s;', `x;y`, \"q;\" FROM t; -- c;omment\n"
        + "/* block ; comment */ SELECT 2 /* inner ; */ FROM u;";
    List<ScriptStatement> parts = ScriptSplitter.split(script);
    assertEquals(2, parts.size());
    assertStatement(parts.get(0), "SELECT 'a;b', 'it''s;', `x;y`, \"q;\" FROM t", 1, 1);
    assertStatement(parts.get(1), "SELECT 2 /* inner ; */ FROM u", 2, 23);
  }

  @Test
  void dropsCommentOnlyAndEmptyStatements() {
    String script = "-- header\n;;\n/* nothing */ ;\n  \n SELECT 1 ; -- trailing\n-- only a comment\n";
    List<ScriptStatement> parts = ScriptSplitter.split(script);
    assertEquals(1, parts.size());
    assertStatement(parts.get(0), "SELECT 1", 5, 2);
  }

  @Test
  void multiLineStatementsKeepInnerTextAndPositions() {
    String script = "\n\n  CREATE TABLE t (\n    a INT, -- the a; column\n    s STRING\n  ) WITH (\n"
        + "    'connector' = 'datagen'\n  );\n\tINSERT INTO t\n\tSELECT 1, 'x;y'";
    List<ScriptStatement> parts = ScriptSplitter.split(script);
    assertEquals(2, parts.size());
    assertStatement(parts.get(0), "CREATE TABLE t (\n    a INT, -- the a; column\n    s STRING\n  ) WITH (\n"
        + "    'connector' = 'datagen'\n  )", 3, 3);
    assertStatement(parts.get(1), "INSERT INTO t\n\tSELECT 1, 'x;y'", 9, 2);
  }

  @Test
  void statementSetIsOneStatement() {
    String script = "EXECUTE STATEMENT SET\nBEGIN\n  INSERT INTO a SELECT CASE WHEN x THEN 1 ELSE 2 END FROM s;\n"
        + "  INSERT INTO b SELECT 'END;' FROM s;\nEND;\nSELECT 3;";
    List<ScriptStatement> parts = ScriptSplitter.split(script);
    assertEquals(2, parts.size());
    assertStatement(parts.get(0), script.substring(0, script.indexOf("END;\nSELECT") + 3), 1, 1);
    assertStatement(parts.get(1), "SELECT 3", 6, 1);
    assertEquals(2, ((io.sluice.sql.parser.ast.StatementSetStatement)
        StatementParser.parse(parts.get(0))).inserts().size());
  }

  @Test
  void explainStatementSetAndFinalEndWithoutSemicolon() {
    String script = "explain statement set begin insert into a select 1; end";
    List<ScriptStatement> parts = ScriptSplitter.split(script);
    assertEquals(1, parts.size());
    assertStatement(parts.get(0), script, 1, 1);
  }

  @Test
  void scriptFormStatementSetIsSplit() {
    String script = "BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;";
    List<ScriptStatement> parts = ScriptSplitter.split(script);
    assertEquals(4, parts.size());
    assertStatement(parts.get(0), "BEGIN STATEMENT SET", 1, 1);
    assertStatement(parts.get(3), "END", 4, 1);
  }

  @Test
  void unterminatedStringSwallowsTheRest() {
    List<ScriptStatement> parts = ScriptSplitter.split("SELECT 1;\nSELECT 'abc;\nSELECT 2;");
    assertEquals(2, parts.size());
    assertStatement(parts.get(1), "SELECT 'abc;\nSELECT 2;", 2, 1);
  }

  @Test
  void columnsCountCodePointsAndCrLf() {
    List<ScriptStatement> parts = ScriptSplitter.split("SELECT '\uD83D\uDE00'; SELECT 1;\r\n  SELECT 2;");
    assertStatement(parts.get(1), "SELECT 1", 1, 13);
    assertStatement(parts.get(2), "SELECT 2", 2, 3);
  }

  @Test
  void positionsMapBackIntoTheScript() {
    String script = "SET 'a' = 'b';\n  INSERT INTO t\n  SELECT 1";
    ScriptStatement insert = ScriptSplitter.split(script).get(1);
    io.sluice.sql.parser.ast.InsertStatement parsed =
        (io.sluice.sql.parser.ast.InsertStatement) StatementParser.parse(insert);
    assertEquals(new io.sluice.sql.parser.ast.SqlPosition(2, 3), parsed.query().position());
    assertEquals(new io.sluice.sql.parser.ast.SqlPosition(3, 3),
        insert.toScriptPosition(parsed.query().position()));
    assertEquals(new io.sluice.sql.parser.ast.SqlPosition(2, 3), insert.toScriptPosition(parsed.position()));
  }
}
