package io.sluice.table.api.internal;

import io.sluice.table.api.GroupWindow;
import io.sluice.table.api.SessionWithGapOnTimeWithAlias;
import io.sluice.table.api.SlideWithSizeAndSlideOnTimeWithAlias;
import io.sluice.table.api.TumbleWithSizeOnTimeWithAlias;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates {@code window(Tumble|Slide|Session ...).groupBy($("w"), keys).select(...)} into the window table
 * function aggregation Flink SQL writes for it: {@code SELECT ... FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size))
 * GROUP BY window_start, window_end, keys}. A session window is partitioned by the group keys, as Flink's session
 * group windows are per key. {@code $("w").start()}, {@code .end()} and {@code .rowtime()} become
 * {@code window_start}, {@code window_end} and {@code window_time}.
 */
final class GroupWindowTranslator {
    private GroupWindowTranslator() {
    }

    static TableImpl select(TableImpl input, GroupWindow window, List<ExprNode> groupKeys, List<ExprNode> selected) {
        Grouping g = group(input, window, groupKeys, usesRowtime(selected));
        g.block.select = new ExprRenderer(input.env(), input.columns(), g.alias, java.util.Map.of())
                .renderList(selected);
        return TableImpl.ofBlock(input.env(), g.block);
    }

    /** The window alias, the group keys without it, and the block grouping the window function's rows. */
    static final class Grouping {
        final String alias;
        final List<ExprNode> keys;
        final QueryBlock block;

        Grouping(String alias, List<ExprNode> keys, QueryBlock block) {
            this.alias = alias;
            this.keys = keys;
            this.block = block;
        }
    }

    /**
     * The window function over {@code input} grouped by window_start, window_end (and window_time when
     * {@code rowtime}) and the keys; its select list is left to the caller.
     */
    static Grouping group(TableImpl input, GroupWindow window, List<ExprNode> groupKeys, boolean rowtime) {
        ExprNode aliasNode = TableImpl.node(window.getAlias());
        ExprNode timeNode = TableImpl.node(window.getTimeField());
        if (aliasNode.kind != Kind.FIELD) {
            throw new ValidationException("A group window alias must be a name such as \"w\", not " + aliasNode);
        }
        String alias = aliasNode.text;
        if (input.columns().contains(alias)) {
            throw new ValidationException("The group window alias '" + alias + "' is also a column name; choose another");
        }
        if (timeNode.kind != Kind.FIELD) {
            throw new ValidationException("A group window is defined on a time attribute column such as $(\"ts\"), not "
                    + timeNode);
        }
        ExprRenderer plain = input.renderer();
        String time = plain.render(timeNode);
        List<ExprNode> keys = new ArrayList<>();
        boolean groupedOnWindow = false;
        for (ExprNode k : groupKeys) {
            if (k.kind == Kind.FIELD && k.text.equals(alias)) {
                groupedOnWindow = true;
            } else {
                keys.add(k);
            }
        }
        if (!groupedOnWindow) {
            throw new ValidationException("A windowed table must be grouped on its window alias: groupBy($(\"" + alias
                    + "\"), ...)");
        }
        List<String> keyTexts = plain.renderList(keys);
        String table = input.fromItemForTableArgument();
        String tvf;
        if (window instanceof TumbleWithSizeOnTimeWithAlias) {
            tvf = "TUMBLE(" + table + ", DESCRIPTOR(" + time + "), "
                    + interval(plain, ((TumbleWithSizeOnTimeWithAlias) window).getSize()) + ")";
        } else if (window instanceof SlideWithSizeAndSlideOnTimeWithAlias) {
            SlideWithSizeAndSlideOnTimeWithAlias s = (SlideWithSizeAndSlideOnTimeWithAlias) window;
            tvf = "HOP(" + table + ", DESCRIPTOR(" + time + "), " + interval(plain, s.getSlide()) + ", "
                    + interval(plain, s.getSize()) + ")";
        } else if (window instanceof SessionWithGapOnTimeWithAlias) {
            for (ExprNode k : keys) {
                if (k.kind != Kind.FIELD) {
                    throw new UnsupportedFeatureException("session windows grouped by an expression (" + k
                            + "); group by columns");
                }
            }
            tvf = "SESSION(" + table + (keyTexts.isEmpty() ? "" : " PARTITION BY " + String.join(", ", keyTexts))
                    + ", DESCRIPTOR(" + time + "), "
                    + interval(plain, ((SessionWithGapOnTimeWithAlias) window).getGap()) + ")";
        } else {
            throw new UnsupportedFeatureException("group windows of class " + window.getClass().getName());
        }
        QueryBlock b = new QueryBlock("TABLE(" + tvf + ")", false, false);
        b.groupBy = new ArrayList<>(List.of("window_start", "window_end"));
        if (rowtime) {
            b.groupBy.add("window_time");
        }
        b.groupBy.addAll(keyTexts);
        return new Grouping(alias, keys, b);
    }

    static boolean usesRowtime(List<ExprNode> nodes) {
        for (ExprNode n : nodes) {
            if (n.kind == Kind.WINDOW_PROPERTY && "rowtime".equals(n.text) || usesRowtime(n.args)) {
                return true;
            }
        }
        return false;
    }

    private static String interval(ExprRenderer r, io.sluice.table.expressions.Expression e) {
        ExprNode n = TableImpl.node(e);
        if (n.kind == Kind.ROW_INTERVAL) {
            throw new UnsupportedFeatureException("row-count group windows (" + n + "); use a time interval such as "
                    + "lit(10).minutes()");
        }
        if (n.kind != Kind.INTERVAL) {
            throw new ValidationException("A group window size, slide or gap is a time interval such as "
                    + "lit(10).minutes(), not " + n);
        }
        return r.render(n);
    }
}
