package io.sluice.planner.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.planner.SluicePlanner;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/** The SQL a legacy group window aggregation is rewritten into. */
class GroupWindowRewriterTest {

    private static String rewritten(String sql) throws Exception {
        SqlNode parsed = SqlParser.create(sql, SluicePlanner.parserConfig()).parseQuery();
        return GroupWindowRewriter.rewrite(parsed).toString().replaceAll("\\s+", " ");
    }

    @Test
    void sessionIsPartitionedByTheOtherKeysAndKeepsTheAlias() throws Exception {
        String sql = rewritten("SELECT B.bidder, COUNT(*) AS c, SESSION_START(B.ts, INTERVAL '10' SECOND) AS s "
                + "FROM bid B GROUP BY B.bidder, SESSION(B.ts, INTERVAL '10' SECOND)");
        assertTrue(sql.contains("FROM TABLE(SESSION(TABLE `bid`, DESCRIPTOR(`ts`), DESCRIPTOR(`bidder`), "
                + "INTERVAL '10' SECOND)) AS `B`"), sql);
        assertTrue(sql.contains("`window_start` AS `s`"), sql);
        assertTrue(sql.endsWith("GROUP BY `B`.`bidder`, `window_start`, `window_end`"), sql);
    }

    @Test
    void unnamedAuxiliariesKeepTheirDerivedColumnNames() throws Exception {
        String sql = rewritten("SELECT COUNT(*), TUMBLE_ROWTIME(ts, INTERVAL '1' MINUTE) FROM t "
                + "GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)");
        assertTrue(sql.contains("`window_time` AS `EXPR$1`"), sql);
        assertTrue(sql.contains("TABLE(TUMBLE(TABLE `t`, DESCRIPTOR(`ts`), INTERVAL '1' MINUTE)) AS `t`"), sql);
        assertTrue(sql.endsWith("GROUP BY `window_start`, `window_end`, `window_time`"), sql);
    }

    @Test
    void queriesWithoutAGroupWindowStayTheSame() throws Exception {
        String sql = "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
                + "GROUP BY window_start, window_end";
        SqlNode parsed = SqlParser.create(sql, SluicePlanner.parserConfig()).parseQuery();
        String before = parsed.toString();
        assertEquals(before, GroupWindowRewriter.rewrite(parsed).toString());
    }
}
