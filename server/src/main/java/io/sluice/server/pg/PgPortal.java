package io.sluice.server.pg;

/**
 * A bound statement (Bind): the statement text with its parameters in place and the result formats the client
 * asked for. It runs on the first Describe or Execute; its result then stays open across Execute calls with a row
 * limit (PortalSuspended) until it is exhausted, closed (Close), or replaced.
 */
final class PgPortal implements AutoCloseable {
    private final String sql;
    private final short[] resultFormats;
    private PgResult result;
    private boolean describedRows;

    PgPortal(String sql, short[] resultFormats) {
        this.sql = sql;
        this.resultFormats = resultFormats;
    }

    String sql() {
        return sql;
    }

    short[] resultFormats() {
        return resultFormats;
    }

    PgResult result() {
        return result;
    }

    void setResult(PgResult result) {
        this.result = result;
    }

    boolean describedRows() {
        return describedRows;
    }

    void markDescribed() {
        describedRows = true;
    }

    @Override
    public void close() {
        if (result != null) {
            result.close();
        }
    }
}
