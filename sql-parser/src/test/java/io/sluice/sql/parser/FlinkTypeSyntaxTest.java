package io.sluice.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlinkTypeSyntaxTest {

    @Test
    void arrayAndMultisetBecomePostfix() {
        assertEquals("SELECT CAST(x AS INT ARRAY ) FROM t WHERE a < b",
                FlinkTypeSyntax.rewrite("SELECT CAST(x AS ARRAY<INT>) FROM t WHERE a < b"));
        assertEquals("TRY_CAST(y AS STRING MULTISET )", FlinkTypeSyntax.rewrite("TRY_CAST(y AS MULTISET<STRING>)"));
        assertEquals("CAST(x AS INT ARRAY          )", FlinkTypeSyntax.rewrite("CAST(x AS ARRAY<INT NOT NULL>)"));
    }

    @Test
    void rowAndNestedTypes() {
        assertEquals("CAST(x AS ROW(a INT, b ROW(c DECIMAL(10, 2), `d e` STRING) ARRAY) )",
                FlinkTypeSyntax.rewrite("CAST(x AS ROW<a INT, b ARRAY<ROW<c DECIMAL(10, 2), `d e` STRING>>>)"));
        assertEquals("CAST(x AS MAP<STRING, INT ARRAY> )",
                FlinkTypeSyntax.rewrite("CAST(x AS MAP<STRING, ARRAY<INT>>)"));
        assertEquals("CAST(x AS ROW(a INT NOT NULL, b INT ARRAY NOT NULL)         )",
                FlinkTypeSyntax.rewrite("CAST(x AS ROW<a INT NOT NULL 'the a', b ARRAY<INT> NOT NULL>)"));
        assertEquals("CAST(x AS TIMESTAMP(3) WITH LOCAL TIME ZONE ARRAY)",
                FlinkTypeSyntax.rewrite("CAST(x AS ARRAY<TIMESTAMP_LTZ(3)>)"));
    }

    @Test
    void constructorsLiteralsIdentifiersAndCommentsStay() {
        String[] unchanged = {
            "SELECT ARRAY[1,2] < ARRAY[3], ROW(1, 2), MAP['a', 1] FROM t WHERE x < 3 AND y > 2",
            "SELECT 'ARRAY<INT>', `ARRAY<x>`, \"ROW<a>\" FROM t",
            "SELECT 1 -- CAST(x AS ARRAY<INT>)\nFROM t /* ROW<a INT> */",
            "SELECT a < b, c <> d, e <= f FROM t",
        };
        for (String sql : unchanged) {
            assertEquals(sql, FlinkTypeSyntax.rewrite(sql));
        }
    }

    @Test
    void positionsAfterTheTypeStay() {
        String sql = "SELECT CAST(x AS ARRAY<BIGINT>), nosuch FROM t";
        String rewritten = FlinkTypeSyntax.rewrite(sql);
        assertEquals(sql.indexOf("nosuch"), rewritten.indexOf("nosuch"));
    }
}
