package io.sluice.planner.catalog;

import java.util.Map;

/**
 * Creates a full {@link Catalog} (databases, tables, views, functions, procedures) for
 * {@code CREATE CATALOG name WITH ('type' = '<factoryIdentifier>', ...)}, as Flink's {@code CatalogFactory}.
 * Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.sluice.planner.catalog.PluggableCatalogFactory}); they check their options
 * themselves. Read-only catalogs of external systems can implement the simpler
 * {@link io.sluice.runtime.connector.ExternalCatalogFactory} instead.
 */
public interface PluggableCatalogFactory {
    /** The value of the {@code 'type'} option that selects this factory. */
    String factoryIdentifier();

    /** The catalog {@code name} with the statement's options (including {@code 'type'}). */
    Catalog createCatalog(String name, Map<String, String> options);
}
