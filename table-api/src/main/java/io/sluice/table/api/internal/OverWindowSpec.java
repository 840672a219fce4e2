package io.sluice.table.api.internal;

import io.sluice.table.api.OverWindow;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import io.sluice.table.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/** Renders an {@link OverWindow} as the window specification of SQL's {@code OVER (...)}. */
final class OverWindowSpec {
    private OverWindowSpec() {
    }

    static String render(ExprRenderer r, OverWindow w) {
        List<String> parts = new ArrayList<>();
        if (!w.getPartitioning().isEmpty()) {
            List<ExprNode> keys = new ArrayList<>();
            for (Expression e : w.getPartitioning()) {
                keys.add(TableImpl.node(e));
            }
            parts.add("PARTITION BY " + String.join(", ", r.renderList(keys)));
        }
        parts.add("ORDER BY " + r.render(TableImpl.node(w.getOrder())));
        String following = "CURRENT ROW";
        if (w.getFollowing().isPresent()) {
            ExprNode f = TableImpl.node(w.getFollowing().get());
            if (f.kind != Kind.SYMBOL || !f.text.startsWith("CURRENT_")) {
                throw new UnsupportedFeatureException("over windows ending after the current row (following " + f + ")");
            }
        }
        ExprNode p = TableImpl.node(w.getPreceding());
        String frame;
        switch (p.kind) {
            case SYMBOL:
                switch (p.text) {
                    case "UNBOUNDED_RANGE":
                        frame = "RANGE BETWEEN UNBOUNDED PRECEDING AND " + following;
                        break;
                    case "UNBOUNDED_ROW":
                        frame = "ROWS BETWEEN UNBOUNDED PRECEDING AND " + following;
                        break;
                    case "CURRENT_ROW":
                        frame = "ROWS BETWEEN CURRENT ROW AND CURRENT ROW";
                        break;
                    default:
                        frame = "RANGE BETWEEN CURRENT ROW AND CURRENT ROW";
                        break;
                }
                break;
            case INTERVAL:
                frame = "RANGE BETWEEN " + r.render(p) + " PRECEDING AND " + following;
                break;
            case ROW_INTERVAL: {
                ExprNode count = p.args.get(0);
                if (count.kind != Kind.LITERAL || !(count.value instanceof Number)) {
                    throw new ValidationException("A row interval needs a literal count, not " + count);
                }
                frame = "ROWS BETWEEN " + ((Number) count.value).longValue() + " PRECEDING AND " + following;
                break;
            }
            default:
                throw new ValidationException("An over window starts at a time interval (lit(1).hours()), a row count "
                        + "(rowInterval(10L)), UNBOUNDED_RANGE, UNBOUNDED_ROW, CURRENT_ROW or CURRENT_RANGE, not " + p);
        }
        parts.add(frame);
        return String.join(" ", parts);
    }
}
