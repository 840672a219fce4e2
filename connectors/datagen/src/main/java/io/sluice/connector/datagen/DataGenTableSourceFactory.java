package io.sluice.connector.datagen;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.util.List;
import java.util.Set;

/**
 * The {@code 'connector' = 'datagen'} factory. Every option is optional: {@code rows-per-second}
 * (default 10000, for the whole source), {@code number-of-rows} (bounded when set), and per column
 * {@code fields.<column>.kind} ({@code random} or {@code sequence}) with the options of that generator.
 * The per-column keys depend on the table's columns: {@link #tableDependentOptionPrefixes()} tells
 * {@link io.sluice.runtime.connector.FactoryUtil#validateOptions} to leave keys under {@code fields.} alone,
 * and {@link #createDynamicTableSource} validates them against the columns (an unknown key is reported
 * with the nearest valid keys).
 */
public final class DataGenTableSourceFactory implements DynamicTableSourceFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "datagen";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    /** The table-level options; column options ({@code fields.<column>.*}) are checked per table. */
    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(DataGenOptions.ROWS_PER_SECOND, DataGenOptions.NUMBER_OF_ROWS, DataGenOptions.SCAN_PARALLELISM);
    }

    /**
     * The column options each column takes with its generator ({@code fields.<column>.kind}, default
     * {@code random}): {@code kind} and {@code null-rate}, then {@code min}/{@code max} (numbers),
     * {@code length}/{@code var-len} (strings, bytes), {@code max-past} (timestamps), or {@code start}/{@code end}
     * for a sequence.
     */
    @Override
    public Set<String> tableDependentOptionKeys(io.sluice.runtime.types.RowType physicalRowType,
            java.util.Map<String, String> options) {
        Set<String> keys = new java.util.TreeSet<>();
        for (int i = 0; i < physicalRowType.size(); i++) {
            String name = physicalRowType.name(i);
            String kind = options.get(DataGenOptions.key(name, DataGenOptions.KIND));
            GeneratorKind generator = "sequence".equalsIgnoreCase(kind == null ? "" : kind.strip())
                    ? GeneratorKind.SEQUENCE : GeneratorKind.RANDOM;
            for (String suffix : FieldSpecParser.suffixes(physicalRowType.type(i), generator)) {
                keys.add(DataGenOptions.key(name, suffix));
            }
        }
        return keys;
    }

    /** {@code fields.}: the column options, checked by {@link #createDynamicTableSource}. */
    @Override
    public Set<String> tableDependentOptionPrefixes() {
        return Set.of(DataGenOptions.FIELDS + ".");
    }

    @Override
    public DataGenTableSource createDynamicTableSource(TableContext context) {
        long rowsPerSecond = context.get(DataGenOptions.ROWS_PER_SECOND);
        if (rowsPerSecond <= 0) {
            throw new ValidationException("'" + DataGenOptions.ROWS_PER_SECOND.key() + "' of table "
                    + context.tableName() + " must be positive, but is " + rowsPerSecond + ".");
        }
        Long numberOfRows = context.get(DataGenOptions.NUMBER_OF_ROWS);
        if (numberOfRows != null && numberOfRows < 0) {
            throw new ValidationException("'" + DataGenOptions.NUMBER_OF_ROWS.key() + "' of table "
                    + context.tableName() + " must not be negative, but is " + numberOfRows + ".");
        }
        Integer parallelism = context.get(DataGenOptions.SCAN_PARALLELISM);
        if (parallelism != null && parallelism <= 0) {
            throw new ValidationException("'" + DataGenOptions.SCAN_PARALLELISM.key() + "' of table "
                    + context.tableName() + " must be positive, but is " + parallelism + ".");
        }
        List<FieldSpec> fields = new FieldSpecParser(context).parse();
        return new DataGenTableSource(fields, rowsPerSecond, numberOfRows, parallelism);
    }

}
