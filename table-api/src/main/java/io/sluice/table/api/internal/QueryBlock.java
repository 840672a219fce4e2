package io.sluice.table.api.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code SELECT} block under construction by Table API operations. Consecutive operations that fit one block
 * ({@code from -> filter -> select}, {@code groupBy -> select}, {@code orderBy -> offset -> fetch}) share it, so a
 * Table API query produces the SQL a person would write and therefore the same plan; an operation that does not fit
 * wraps the block as a sub-query.
 */
final class QueryBlock {
    /** The FROM clause. */
    String from;
    /** True when {@link #from} is a table name (usable anywhere a table is). */
    boolean namedFrom;
    /** True when {@link #from} is a join (usable as the left side of another join). */
    boolean joinFrom;
    /** The select list; null means {@code *}. */
    List<String> select;
    boolean distinct;
    List<String> where = new ArrayList<>();
    List<String> groupBy;
    List<String> orderBy;
    Integer offset;
    Integer fetch;

    QueryBlock(String from, boolean namedFrom, boolean joinFrom) {
        this.from = from;
        this.namedFrom = namedFrom;
        this.joinFrom = joinFrom;
    }

    QueryBlock copy() {
        QueryBlock b = new QueryBlock(from, namedFrom, joinFrom);
        b.select = select == null ? null : new ArrayList<>(select);
        b.distinct = distinct;
        b.where = new ArrayList<>(where);
        b.groupBy = groupBy == null ? null : new ArrayList<>(groupBy);
        b.orderBy = orderBy == null ? null : new ArrayList<>(orderBy);
        b.offset = offset;
        b.fetch = fetch;
        return b;
    }

    /** Only a FROM clause: {@code SELECT * FROM x}. */
    boolean onlyFrom() {
        return where.isEmpty() && canFilter();
    }

    /** True when a WHERE condition or a select list can still be added (the input columns are the FROM's). */
    boolean canFilter() {
        return select == null && groupBy == null && orderBy == null && offset == null && fetch == null && !distinct;
    }

    /** True when a WHERE condition can be added to a sorted block (rows are filtered before they are sorted). */
    boolean canFilterSorted() {
        return select == null && groupBy == null && offset == null && fetch == null && !distinct;
    }

    /** True when a select list can be added to a possibly sorted and limited block (it does not change the rows). */
    boolean canProjectSorted() {
        return select == null && groupBy == null && !distinct;
    }

    String toSql() {
        StringBuilder sb = new StringBuilder("SELECT ");
        if (distinct) {
            sb.append("DISTINCT ");
        }
        sb.append(select == null ? "*" : String.join(", ", select)).append(" FROM ").append(from);
        if (!where.isEmpty()) {
            sb.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (groupBy != null && !groupBy.isEmpty()) {
            sb.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        if (orderBy != null) {
            sb.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        if (fetch != null) {
            sb.append(" LIMIT ").append(fetch);
        }
        if (offset != null) {
            sb.append(" OFFSET ").append(offset).append(" ROWS");
        }
        return sb.toString();
    }
}
