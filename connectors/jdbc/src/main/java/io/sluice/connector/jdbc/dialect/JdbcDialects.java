package io.sluice.connector.jdbc.dialect;

import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.List;

/** The dialects Sluice knows, found by JDBC URL. */
public final class JdbcDialects {
    private static final List<JdbcDialect> DIALECTS = List.of(new PostgresDialect());

    private JdbcDialects() {
    }

    /**
     * The dialect serving {@code url}.
     *
     * @throws ValidationException when the text is not a JDBC URL
     * @throws UnsupportedFeatureException for a database without a dialect yet
     */
    public static JdbcDialect forUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new ValidationException("'url' must be a JDBC URL starting with 'jdbc:', e.g."
                    + " 'jdbc:postgresql://localhost:5432/db', but is '" + url + "'.");
        }
        for (JdbcDialect d : DIALECTS) {
            if (d.canHandle(url)) {
                return d;
            }
        }
        int end = url.indexOf(':', 5);
        String kind = end < 0 ? url : url.substring(0, end);
        throw new UnsupportedFeatureException("the jdbc connector for '" + kind + "' URLs (supported: jdbc:postgresql)");
    }
}
