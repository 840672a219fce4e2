package io.sluice.connector.jdbc.dialect;

import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;

/**
 * PostgreSQL through pgjdbc: identifiers in double quotes, upserts as
 * {@code INSERT ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c}.
 */
public final class PostgresDialect implements JdbcDialect {
    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean canHandle(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String defaultDriverName() {
        return "org.postgresql.Driver";
    }

    @Override
    public void setConnectTimeout(java.util.Properties properties, int seconds) {
        properties.setProperty("loginTimeout", String.valueOf(seconds));
        properties.setProperty("connectTimeout", String.valueOf(seconds));
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void validateType(String column, LogicalType type) {
        switch (type.root()) {
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_DAY_TIME:
            case NULL:
                throw new UnsupportedFeatureException("column " + column + " of type " + type
                        + " in a jdbc table (PostgreSQL dialect)");
            default:
        }
    }

    @Override
    public String upsertStatement(String table, List<String> columns, List<String> keyColumns) {
        StringBuilder sb = new StringBuilder(insertStatement(table, columns)).append(" ON CONFLICT (");
        for (int i = 0; i < keyColumns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quoteIdentifier(keyColumns.get(i)));
        }
        sb.append(')');
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            if (!keyColumns.contains(c)) {
                String q = quoteIdentifier(c);
                set.append(set.length() == 0 ? "" : ", ").append(q).append(" = EXCLUDED.").append(q);
            }
        }
        return set.length() == 0 ? sb.append(" DO NOTHING").toString()
                : sb.append(" DO UPDATE SET ").append(set).toString();
    }
}
