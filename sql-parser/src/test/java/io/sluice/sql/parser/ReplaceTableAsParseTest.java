package io.sluice.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.sql.parser.ast.CreateTableAsStatement;
import io.sluice.sql.parser.ast.CreateTableAsStatement.ReplaceMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REPLACE TABLE ... AS and CREATE OR REPLACE TABLE ... AS (RTAS). */
class ReplaceTableAsParseTest {

  @Test
  void replaceAndCreateOrReplace() {
    CreateTableAsStatement r = (CreateTableAsStatement) StatementParser.parse(
        "REPLACE TABLE db.t COMMENT 'c' WITH ('connector' = 'blackhole') AS SELECT 1 AS x");
    assertEquals(ReplaceMode.REPLACE, r.replaceMode());
    assertEquals(List.of("db", "t"), r.name().parts());
    assertEquals("c", r.comment());
    assertEquals(Map.of("connector", "blackhole"), r.options());
    assertEquals("SELECT 1 AS x", r.query().text());

    CreateTableAsStatement c = (CreateTableAsStatement) StatementParser.parse(
        "create or replace table t (a INT, b STRING) PARTITIONED BY (a) WITH ('connector' = 'blackhole')"
            + " AS SELECT 1 AS a, 'x' AS b");
    assertEquals(ReplaceMode.CREATE_OR_REPLACE, c.replaceMode());
    assertEquals(2, c.columns().size());
    assertEquals(List.of("a"), c.partitionKeys());
  }

  @Test
  void plainCtasIsNotAReplace() {
    CreateTableAsStatement s = (CreateTableAsStatement) StatementParser.parse(
        "CREATE TABLE t WITH ('connector' = 'blackhole') AS SELECT 1 AS x");
    assertEquals(ReplaceMode.NONE, s.replaceMode());
  }

  @Test
  void replaceNeedsAQuery() {
    assertThrows(SqlParseException.class, () -> StatementParser.parse("REPLACE TABLE t (a INT) WITH ('k' = 'v')"));
  }
}
