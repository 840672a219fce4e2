package io.sluice.server.pg;

/** Format codes of Bind messages: none means all text, one applies to every column, otherwise one per column. */
final class PgFormats {
    static final short TEXT = 0;
    static final short BINARY = 1;

    private PgFormats() {
    }

    static short formatOf(short[] formats, int column) {
        if (formats == null || formats.length == 0) {
            return TEXT;
        }
        return formats.length == 1 ? formats[0] : formats[column];
    }
}
