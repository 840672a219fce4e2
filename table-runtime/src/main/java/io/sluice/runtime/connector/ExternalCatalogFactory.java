package io.sluice.runtime.connector;

import io.sluice.runtime.config.ConfigOption;
import java.util.Map;
import java.util.Set;

/**
 * Creates the catalog of {@code CREATE CATALOG name WITH ('type' = 'id', ...)} for catalog types implemented
 * outside the planner (e.g. {@code jdbc}: the tables of a database). Discovered with {@code ServiceLoader};
 * register implementations in {@code META-INF/services/io.sluice.runtime.connector.ExternalCatalogFactory}.
 */
public interface ExternalCatalogFactory {
    /** The value of the {@code 'type'} option this factory serves. */
    String catalogType();

    /** Options that must be present (besides {@code type}). */
    Set<ConfigOption<?>> requiredOptions();

    /** Options that may be present. */
    Set<ConfigOption<?>> optionalOptions();

    /** A catalog called {@code name} (for messages) from its validated {@code WITH} options. */
    ExternalCatalog createCatalog(String name, Map<String, String> options);
}
