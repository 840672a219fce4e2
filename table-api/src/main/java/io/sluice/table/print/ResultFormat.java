package io.sluice.table.print;

import java.util.Locale;

/** The output formats of query results, by the names the shell's {@code --format} option accepts. */
public enum ResultFormat {
    /** Flink's boxed table; {@code table} is accepted as another name for it. */
    TABLEAU("tableau"),
    /** RFC 4180 comma-separated values with a header line. */
    CSV("csv"),
    /** Tab-separated values with a header line; tabs, newlines and backslashes are escaped. */
    TSV("tsv"),
    /** One JSON object per row and line. */
    JSON("json");

    /** The names {@link #parse} accepts, for help and error texts. */
    public static final String VALID_NAMES = "table, tableau, csv, tsv, json";

    private final String formatName;

    ResultFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The canonical lower-case name. */
    public String formatName() {
        return formatName;
    }

    /**
     * The format with this name (case-insensitive; {@code table} means {@link #TABLEAU}).
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static ResultFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("table")) {
            return TABLEAU;
        }
        for (ResultFormat f : values()) {
            if (f.formatName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown result format '" + name + "'. Valid formats are: " + VALID_NAMES + ".");
    }
}
