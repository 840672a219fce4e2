package io.sluice.runtime.connector;

import io.sluice.runtime.config.ConfigOption;
import java.util.Set;

/**
 * Base of everything discovered by {@code ServiceLoader} from a {@code WITH (...)} clause: connectors
 * by {@code 'connector' = 'id'}, formats by {@code 'format' = 'id'}. Register implementations in
 * {@code META-INF/services/io.sluice.runtime.connector.Factory}.
 */
public interface Factory {
    /** The id users write, e.g. {@code filesystem} or {@code csv}. */
    String factoryIdentifier();

    /** Options that must be present (for formats, without the {@code <format>.} prefix). */
    Set<ConfigOption<?>> requiredOptions();

    /** Options that may be present. */
    Set<ConfigOption<?>> optionalOptions();

    /**
     * Key prefixes of options whose keys depend on the table (e.g. datagen's {@code fields.<column>.kind});
     * {@link FactoryUtil#validateOptions} skips keys starting with one of them, and the factory checks them
     * itself when it creates the source or sink. Empty by default.
     */
    default Set<String> tableDependentOptionPrefixes() {
        return Set.of();
    }

    /**
     * The keys under {@link #tableDependentOptionPrefixes()} that a table of these columns and options takes (e.g.
     * datagen's {@code fields.<column>.min} for each numeric column); {@link FactoryUtil#validateOptions} lists them
     * with the supported options when a table has an unsupported one, as Flink does. Empty by default.
     */
    default Set<String> tableDependentOptionKeys(io.sluice.runtime.types.RowType physicalRowType,
            java.util.Map<String, String> options) {
        return Set.of();
    }
}
