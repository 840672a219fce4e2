package io.sluice.planner;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Gives every {@code MATCH_RECOGNIZE} without an {@code AFTER MATCH} clause the SQL standard's (and Flink's)
 * default, {@code AFTER MATCH SKIP PAST LAST ROW}; Calcite would otherwise assume {@code SKIP TO NEXT ROW}.
 */
final class MatchRecognizeDefaults {
    private MatchRecognizeDefaults() {
    }

    static SqlNode apply(SqlNode query) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlMatchRecognize match && match.getAfter() == null) {
                    match.setOperand(SqlMatchRecognize.OPERAND_AFTER,
                            SqlMatchRecognize.AfterOption.SKIP_PAST_LAST_ROW.symbol(match.getParserPosition()));
                }
                return super.visit(call);
            }
        });
        return query;
    }
}
