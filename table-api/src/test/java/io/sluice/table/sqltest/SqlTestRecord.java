package io.sluice.table.sqltest;

import java.util.List;

/**
 * One record of a {@code .sql.test} file: a statement expected to succeed, a statement expected to fail with a
 * message containing a substring, or a query with its expected rows.
 *
 * @param kind what the record checks
 * @param line the 1-based line of the record's header ({@code statement ...} or {@code query ...})
 * @param sql the SQL text (possibly several lines), with placeholders not yet substituted
 * @param errorSubstring for {@link Kind#STATEMENT_ERROR}: the text the error message must contain (may be empty)
 * @param rowSort for queries: compare rows ignoring their order
 * @param finalTable for queries ({@code query final}): fold the changelog into the final table, compare it sorted
 * @param expected for queries: the expected rows, each rendered as fields joined by {@code |}
 * @param expectedFrom for queries: the 0-based index of the first line of the expected block
 *                     (the line after {@code ----})
 * @param expectedTo for queries: the 0-based index one past the last line of the expected block
 */
record SqlTestRecord(Kind kind, int line, String sql, String errorSubstring, boolean rowSort, boolean finalTable,
        List<String> expected, int expectedFrom, int expectedTo) {

    /** The kinds of records. */
    enum Kind {
        STATEMENT_OK,
        STATEMENT_ERROR,
        QUERY
    }
}
