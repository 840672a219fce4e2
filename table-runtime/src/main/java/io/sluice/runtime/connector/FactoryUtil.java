package io.sluice.runtime.connector;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** Discovers factories with {@link ServiceLoader} and validates {@code WITH} options against them. */
public final class FactoryUtil {
    public static final ConfigOption<String> CONNECTOR = ConfigOptions.key("connector").stringType().noDefaultValue()
            .withDescription("The connector of a table, e.g. 'filesystem'.");
    public static final ConfigOption<String> FORMAT = ConfigOptions.key("format").stringType().noDefaultValue()
            .withDescription("The format of a table's records, e.g. 'csv'.");

    private FactoryUtil() {
    }

    /** Every factory on the class path. */
    public static List<Factory> discoverAll(ClassLoader classLoader) {
        List<Factory> all = new ArrayList<>();
        for (Factory f : ServiceLoader.load(Factory.class, classLoader)) {
            all.add(f);
        }
        return all;
    }

    /**
     * The factory of type {@code kind} with this identifier.
     *
     * @throws ValidationException naming the available identifiers and the nearest ones
     */
    public static <T extends Factory> T discover(Class<T> kind, String identifier, ClassLoader classLoader) {
        Set<String> available = new TreeSet<>();
        for (Factory f : discoverAll(classLoader)) {
            if (kind.isInstance(f)) {
                if (f.factoryIdentifier().equals(identifier)) {
                    return kind.cast(f);
                }
                available.add(f.factoryIdentifier());
            }
        }
        String what = kind == FormatFactory.class ? "format" : "connector";
        throw new ValidationException("Could not find any " + what + " factory for '" + identifier + "'."
                + NameSuggestions.didYouMean(identifier, available) + " Available " + what + "s: "
                + String.join(", ", available) + ".");
    }

    /**
     * Checks that {@code options} has every required key of the connector (and of its format, written
     * with the format prefix) and no unknown key; the errors begin as Flink's (the missing, or the unsupported and
     * the supported keys) and then name the table and the nearest valid keys. As in Flink, this runs when a query
     * reads or writes the table, not when the table is created or altered.
     */
    public static void validateOptions(String tableName, Factory connector, Map<String, String> options,
            ClassLoader classLoader) {
        validateOptions(tableName, connector, options, classLoader, null);
    }

    /**
     * As {@link #validateOptions(String, Factory, Map, ClassLoader)}; with the table's physical columns
     * ({@code physicalRowType} not null) an error also lists the column options the connector takes for them
     * ({@link Factory#tableDependentOptionKeys}).
     */
    public static void validateOptions(String tableName, Factory connector, Map<String, String> options,
            ClassLoader classLoader, io.sluice.runtime.types.RowType physicalRowType) {
        Set<String> allowed = new HashSet<>();
        if (physicalRowType != null) {
            allowed.addAll(connector.tableDependentOptionKeys(physicalRowType, options));
        }
        allowed.add(CONNECTOR.key());
        if (connector instanceof DynamicTableSourceFactory) {
            allowed.add(BadRecords.TABLE_OPTION.key()); // a Sluice addition every source table may carry
        }
        List<String> required = new ArrayList<>();
        addKeys(connector, "", allowed, required);
        String format = options.get(FORMAT.key());
        if (format != null && (connector.requiredOptions().contains(FORMAT) || connector.optionalOptions().contains(FORMAT))) {
            FormatFactory formatFactory = discover(FormatFactory.class, format, classLoader);
            addKeys(formatFactory, format + ".", allowed, required);
        }
        TreeSet<String> missing = new TreeSet<>();
        for (String key : required) {
            if (!options.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            String first = missing.first();
            throw new ValidationException("One or more required options are missing.\n\nMissing required options are:"
                    + "\n\n" + String.join("\n", missing) + "\n\nTable " + tableName + " is missing required option '"
                    + first + "' of connector '" + connector.factoryIdentifier() + "'.");
        }
        TreeSet<String> unsupported = new TreeSet<>();
        for (String key : options.keySet()) {
            if (!allowed.contains(key) && !hasPrefix(key, connector.tableDependentOptionPrefixes())
                    && !isMaterializedTableOption(key)) {
                unsupported.add(key);
            }
        }
        if (!unsupported.isEmpty()) {
            throw unsupportedOptions(tableName, connector.factoryIdentifier(), unsupported, allowed);
        }
    }

    /**
     * The error for keys a connector does not take: as Flink words it (the connector, the unsupported keys, the
     * supported keys, one a line), then a sentence naming the table and the nearest valid keys of each one.
     */
    public static ValidationException unsupportedOptions(String tableName, String connector, Set<String> unsupported,
            Set<String> allowed) {
        TreeSet<String> listed = connectorOptions(allowed);
        StringBuilder sb = new StringBuilder("Unsupported options found for '").append(connector)
                .append("'.\n\nUnsupported options:\n\n").append(String.join("\n", new TreeSet<>(unsupported)))
                .append("\n\nSupported options:\n\n").append(String.join("\n", listed)).append("\n");
        for (String key : new TreeSet<>(unsupported)) {
            sb.append("\nUnsupported option '").append(key).append("' for connector '").append(connector)
                    .append("' of table ").append(tableName).append('.')
                    .append(NameSuggestions.didYouMean(key, allowed)).append(" Supported options: ")
                    .append(String.join(", ", listed)).append('.');
        }
        return new ValidationException(sb.toString());
    }

    /**
     * Whether a key is an option of a materialized table rather than of its connector: Flink's
     * {@code partition.fields.<column>.date-formatter}, which every connector of such a table takes.
     */
    private static boolean isMaterializedTableOption(String key) {
        return key.startsWith("partition.fields.") && key.endsWith(".date-formatter")
                && key.length() > "partition.fields.".length() + ".date-formatter".length();
    }

    private static boolean hasPrefix(String key, Set<String> prefixes) {
        for (String p : prefixes) {
            if (key.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The options to list in an error: the connector's and its format's (not the Sluice additions every table takes). */
    private static TreeSet<String> connectorOptions(Set<String> allowed) {
        TreeSet<String> listed = new TreeSet<>(allowed);
        listed.remove(BadRecords.TABLE_OPTION.key());
        return listed;
    }

    private static void addKeys(Factory f, String prefix, Set<String> allowed, List<String> required) {
        for (ConfigOption<?> o : f.requiredOptions()) {
            allowed.add(prefix + o.key());
            required.add(prefix + o.key());
        }
        for (ConfigOption<?> o : f.optionalOptions()) {
            allowed.add(prefix + o.key());
        }
    }
}
