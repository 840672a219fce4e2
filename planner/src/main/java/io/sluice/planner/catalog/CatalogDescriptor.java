package io.sluice.planner.catalog;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a catalog was created: the {@code WITH} options of its {@code CREATE CATALOG} (the {@code type} among them)
 * and its comment, as {@code DESCRIBE CATALOG}, {@code SHOW CREATE CATALOG} and {@code ALTER CATALOG} see them.
 *
 * @param options the options, sorted by key
 * @param comment the comment, or null
 */
public record CatalogDescriptor(Map<String, String> options, String comment) {
    /** Copies the options into key order. */
    public CatalogDescriptor {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The catalog's type ({@code generic_in_memory}, {@code sluice}, ...). */
    public String type() {
        return options.get(CatalogFactory.TYPE);
    }

    /** The same catalog with other options. */
    public CatalogDescriptor withOptions(Map<String, String> newOptions) {
        return new CatalogDescriptor(newOptions, comment);
    }

    /** The same catalog with another comment. */
    public CatalogDescriptor withComment(String newComment) {
        return new CatalogDescriptor(options, newComment);
    }
}
