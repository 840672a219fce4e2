package io.sluice.table.sqltest;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the sqllogictest-like format of {@code src/test/resources/sqltest/*.sql.test}:
 * <pre>
 * # a comment line (only between records)
 * statement ok
 * CREATE TABLE t (a INT) WITH ('connector' = 'filesystem', 'path' = '${DATA}/t.csv', 'format' = 'csv')
 *
 * statement error Object 'nosuch' not found
 * SELECT * FROM nosuch
 *
 * query rowsort
 * SELECT a, a * 2 FROM t
 * ----
 * 1|2
 * NULL|NULL
 * </pre>
 * Records are separated by blank lines. A record's SQL runs until {@code ----} (queries) or a blank line
 * (statements); a query's expected rows run from {@code ----} to the next blank line or the end of the file.
 * {@code query} keeps the row order (use it when the SQL has an ORDER BY); {@code query rowsort} sorts both
 * sides before comparing. In streaming files ({@code stream_*.sql.test}) each row starts with its row kind
 * ({@code +I|a|1}, {@code -U|...}); {@code query final} instead folds the changelog into the final table
 * (an insert adds a row, a retraction removes one) and compares that, sorted and without row kinds.
 */
final class SqlTestFileParser {
    private SqlTestFileParser() {
    }

    /** Parses the lines of one file; throws {@link IllegalArgumentException} naming the line on a format error. */
    static List<SqlTestRecord> parse(String fileName, List<String> lines) {
        List<SqlTestRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String header = lines.get(i).strip();
            if (header.isEmpty() || header.startsWith("#")) {
                i++;
                continue;
            }
            int headerLine = i + 1;
            SqlTestRecord.Kind kind;
            String error = null;
            boolean rowSort = false;
            boolean finalTable = false;
            if (header.equals("statement ok")) {
                kind = SqlTestRecord.Kind.STATEMENT_OK;
            } else if (header.equals("statement error") || header.startsWith("statement error ")) {
                kind = SqlTestRecord.Kind.STATEMENT_ERROR;
                error = header.substring("statement error".length()).strip();
            } else if (header.equals("query")) {
                kind = SqlTestRecord.Kind.QUERY;
            } else if (header.equals("query rowsort")) {
                kind = SqlTestRecord.Kind.QUERY;
                rowSort = true;
            } else if (header.equals("query final")) {
                kind = SqlTestRecord.Kind.QUERY;
                rowSort = true;
                finalTable = true;
            } else {
                throw new IllegalArgumentException(fileName + ":" + headerLine + ": unknown record header '" + header
                        + "' (expected 'statement ok', 'statement error <message>', 'query', 'query rowsort' or 'query final')");
            }
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).strip().equals("----")) {
                if (sql.length() > 0) {
                    sql.append('\n');
                }
                sql.append(lines.get(i));
                i++;
            }
            if (sql.length() == 0) {
                throw new IllegalArgumentException(fileName + ":" + headerLine + ": record without SQL");
            }
            boolean hasResult = i < lines.size() && lines.get(i).strip().equals("----");
            if (kind != SqlTestRecord.Kind.QUERY) {
                if (hasResult) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": '----' after a statement record");
                }
                records.add(new SqlTestRecord(kind, headerLine, sql.toString(), error, false, false, List.of(), -1, -1));
                continue;
            }
            if (!hasResult) {
                throw new IllegalArgumentException(fileName + ":" + headerLine + ": query without '----' line");
            }
            i++;
            int from = i;
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                expected.add(lines.get(i));
                i++;
            }
            records.add(new SqlTestRecord(kind, headerLine, sql.toString(), null, rowSort, finalTable, expected, from, i));
        }
        return records;
    }
}
