package io.sluice.cli;

import io.sluice.runtime.config.Configuration;
import io.sluice.table.api.ValidationException;
import java.util.Locale;

/**
 * How the interactive shell shows query results, chosen with Flink's option
 * {@code SET 'sql-client.execution.result-mode' = 'table' | 'changelog' | 'tableau'} (default {@code tableau}).
 * Scripts ({@code -f}/{@code -e}/stdin) ignore it and use {@code --format}.
 */
enum ResultMode {
    /** A boxed table printed as rows arrive (with the {@code op} column in streaming mode). */
    TABLEAU,
    /** A full-screen view of the materialized result, updated in place as changes arrive. */
    TABLE,
    /** Every change as one line, scrolling, with its {@code op}. */
    CHANGELOG;

    /** Flink's option key. */
    static final String KEY = "sql-client.execution.result-mode";

    /**
     * The mode the session's configuration asks for.
     *
     * @throws ValidationException for a value that is not one of the three modes
     */
    static ResultMode of(Configuration config) {
        String raw = config.getString(KEY);
        if (raw == null || raw.isBlank()) {
            return TABLEAU;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Option '" + KEY + "' must be 'table', 'changelog' or 'tableau', was '"
                    + raw + "'");
        }
    }
}
