package io.sluice.connector.filesystem.format.changelog;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.util.Set;

/** The {@code 'format' = 'debezium-json'} factory: Debezium's json change events ({@link DebeziumProtocol}). */
public final class DebeziumJsonFormatFactory extends ChangelogJsonFormatFactory {
    /** The format id. */
    public static final String IDENTIFIER = "debezium-json";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    protected Set<ConfigOption<?>> ownOptions() {
        return Set.of(ChangelogJsonOptions.SCHEMA_INCLUDE);
    }

    @Override
    protected ChangelogProtocol protocol(TableContext context, boolean encoding) {
        boolean schemaInclude = context.get(ChangelogJsonOptions.SCHEMA_INCLUDE, IDENTIFIER + ".");
        if (encoding && schemaInclude) {
            throw new ValidationException("Debezium JSON serialization doesn't support '" + IDENTIFIER + "."
                    + ChangelogJsonOptions.SCHEMA_INCLUDE.key() + "' option been set to true (table "
                    + context.tableName() + ").");
        }
        return new DebeziumProtocol(schemaInclude);
    }
}
