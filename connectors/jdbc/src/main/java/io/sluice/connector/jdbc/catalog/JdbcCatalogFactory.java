package io.sluice.connector.jdbc.catalog;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.ExternalCatalog;
import io.sluice.runtime.connector.ExternalCatalogFactory;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.Map;
import java.util.Set;

/**
 * {@code CREATE CATALOG pg WITH ('type' = 'jdbc', 'base-url' = 'jdbc:postgresql://host:5432/',
 * 'default-database' = 'db', 'username' = ..., 'password' = ...)}: a read-only catalog of the tables of a
 * PostgreSQL server (Flink's option keys), see {@link PostgresCatalog}.
 */
public final class JdbcCatalogFactory implements ExternalCatalogFactory {
    public static final ConfigOption<String> BASE_URL = ConfigOptions.key("base-url").stringType().noDefaultValue()
            .withDescription("JDBC URL of the server without a database, e.g. jdbc:postgresql://localhost:5432/.");
    public static final ConfigOption<String> DEFAULT_DATABASE = ConfigOptions.key("default-database").stringType()
            .noDefaultValue().withDescription("The database USE CATALOG switches to.");
    public static final ConfigOption<String> USERNAME = ConfigOptions.key("username").stringType().noDefaultValue()
            .withDescription("User name of the connections.");
    public static final ConfigOption<String> PASSWORD = ConfigOptions.key("password").stringType().noDefaultValue()
            .withDescription("Password of the connections.");

    @Override
    public String catalogType() {
        return "jdbc";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(BASE_URL, DEFAULT_DATABASE);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(USERNAME, PASSWORD);
    }

    @Override
    public ExternalCatalog createCatalog(String name, Map<String, String> options) {
        String baseUrl = options.get(BASE_URL.key());
        if (!baseUrl.startsWith("jdbc:postgresql:")) {
            if (!baseUrl.startsWith("jdbc:")) {
                throw new ValidationException("'base-url' of catalog " + name + " must be a JDBC URL, e.g."
                        + " 'jdbc:postgresql://localhost:5432/', but is '" + baseUrl + "'.");
            }
            throw new UnsupportedFeatureException("jdbc catalogs of databases other than PostgreSQL ('" + baseUrl + "')");
        }
        if (!baseUrl.endsWith("/")) {
            throw new ValidationException("'base-url' of catalog " + name + " must end with '/' and name no database"
                    + " (the database comes from 'default-database' or the table's path), but is '" + baseUrl + "'.");
        }
        return new PostgresCatalog(name, baseUrl, options.get(DEFAULT_DATABASE.key()), options.get(USERNAME.key()),
                options.get(PASSWORD.key()));
    }
}
