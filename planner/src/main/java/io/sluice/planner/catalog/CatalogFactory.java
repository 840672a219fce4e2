package io.sluice.planner.catalog;

import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes the catalog of {@code CREATE CATALOG name WITH (...)} from its options:
 * <ul>
 *   <li>{@code 'type' = 'generic_in_memory'}, optional {@code 'default-database'} (default {@code default}):
 *       an {@link InMemoryCatalog};</li>
 *   <li>{@code 'type' = 'sluice'}, {@code 'path'} = a directory, optional {@code 'default-database'} (default
 *       {@code default}): a {@link SluiceCatalog} persisted under that directory.</li>
 * </ul>
 * Other types are looked up among the {@link io.sluice.runtime.connector.ExternalCatalogFactory}s on the class
 * path (e.g. {@code jdbc}, read-only, see {@link ExternalCatalogAdapter}); a type nobody serves fails with "not
 * supported yet" listing the supported ones; unknown options fail naming the options the type takes.
 */
public final class CatalogFactory {
    /** The catalog types {@link #create} understands. */
    public static final List<String> SUPPORTED_TYPES = List.of("generic_in_memory", "sluice");
    /** Option naming the catalog's type. */
    public static final String TYPE = "type";
    /** Option naming the database {@code USE CATALOG} switches to. */
    public static final String DEFAULT_DATABASE = "default-database";
    /** Option naming the directory of a {@code sluice} catalog. */
    public static final String PATH = "path";

    private CatalogFactory() {
    }

    /** A new catalog called {@code name} (used in messages) from the {@code WITH} options. */
    public static Catalog create(String name, Map<String, String> options) {
        String type = options.get(TYPE);
        if (type == null) {
            throw new ValidationException("Catalog " + name + " needs a 'type' option, e.g. WITH ('type' ="
                    + " 'generic_in_memory').");
        }
        String defaultDatabase = options.getOrDefault(DEFAULT_DATABASE, "default");
        if (defaultDatabase.isEmpty()) {
            throw new ValidationException("Option 'default-database' of catalog " + name + " must not be empty.");
        }
        switch (type) {
            case "generic_in_memory":
                checkOptions(type, options, List.of(TYPE, DEFAULT_DATABASE));
                return new InMemoryCatalog(defaultDatabase);
            case "sluice":
                checkOptions(type, options, List.of(TYPE, PATH, DEFAULT_DATABASE));
                String path = options.get(PATH);
                if (path == null || path.isBlank()) {
                    throw new ValidationException("Catalog " + name + " of type 'sluice' needs a 'path' option: the"
                            + " directory that stores its databases, e.g. WITH ('type' = 'sluice', 'path' ="
                            + " '/var/lib/sluice/catalog').");
                }
                try {
                    return new SluiceCatalog(name, Path.of(path), defaultDatabase);
                } catch (InvalidPathException e) {
                    throw new ValidationException("Invalid 'path' of catalog " + name + ": " + e.getMessage(), e);
                }
            default:
                PluggableCatalogFactory pluggable = pluggableFactory(type);
                if (pluggable != null) {
                    return pluggable.createCatalog(name, options);
                }
                io.sluice.runtime.connector.ExternalCatalogFactory external = externalFactory(type);
                if (external == null) {
                    throw new UnsupportedFeatureException("catalog type '" + type + "' (supported: '"
                            + String.join("', '", SUPPORTED_TYPES) + "')");
                }
                return createExternal(name, type, external, options);
        }
    }

    /** The factory of an external catalog type found with {@code ServiceLoader} (e.g. {@code jdbc}), or null. */
    private static PluggableCatalogFactory pluggableFactory(String type) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (PluggableCatalogFactory f : java.util.ServiceLoader.load(PluggableCatalogFactory.class,
                loader != null ? loader : CatalogFactory.class.getClassLoader())) {
            if (f.factoryIdentifier().equals(type)) {
                return f;
            }
        }
        return null;
    }

    private static io.sluice.runtime.connector.ExternalCatalogFactory externalFactory(String type) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (io.sluice.runtime.connector.ExternalCatalogFactory f : java.util.ServiceLoader.load(
                io.sluice.runtime.connector.ExternalCatalogFactory.class,
                loader != null ? loader : CatalogFactory.class.getClassLoader())) {
            if (f.catalogType().equals(type)) {
                return f;
            }
        }
        return null;
    }

    private static Catalog createExternal(String name, String type,
            io.sluice.runtime.connector.ExternalCatalogFactory factory, Map<String, String> options) {
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        allowed.add(TYPE);
        for (io.sluice.runtime.config.ConfigOption<?> o : factory.requiredOptions()) {
            allowed.add(o.key());
            if (!options.containsKey(o.key())) {
                throw new ValidationException("Catalog " + name + " of type '" + type + "' is missing required option '"
                        + o.key() + "'.");
            }
        }
        factory.optionalOptions().forEach(o -> allowed.add(o.key()));
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new ValidationException("Unsupported option '" + key + "' for catalog type '" + type + "'."
                        + io.sluice.runtime.util.NameSuggestions.didYouMean(key, allowed) + " Supported options: "
                        + String.join(", ", allowed) + ".");
            }
        }
        return new ExternalCatalogAdapter(name, type, factory.createCatalog(name, options));
    }

    private static void checkOptions(String type, Map<String, String> options, List<String> allowed) {
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new ValidationException("Unsupported option '" + key + "' for catalog type '" + type
                        + "'; it takes '" + String.join("', '", allowed) + "'.");
            }
        }
    }
}
