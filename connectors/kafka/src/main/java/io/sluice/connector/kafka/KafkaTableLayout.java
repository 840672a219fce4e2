package io.sluice.connector.kafka;

import io.sluice.connector.kafka.KafkaOptions.ValueFieldsInclude;
import io.sluice.connector.kafka.format.MessageFormats;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which physical columns of a Kafka table live in the record key and which in the value, with the formats of
 * both and their options. Checks the {@code key.*} and {@code value.*} options. Immutable.
 */
final class KafkaTableLayout {
    private final String tableName;
    private final RowType physical;
    private final int[] keyFields;
    private final int[] valueFields;
    private final String keyFormat;
    private final String valueFormat;
    private final TableContext keyContext;
    private final TableContext valueContext;

    private KafkaTableLayout(TableContext context, int[] keyFields, int[] valueFields, String keyFormat,
            String valueFormat, TableContext keyContext, TableContext valueContext) {
        this.tableName = context.tableName();
        this.physical = context.physicalRowType();
        this.keyFields = keyFields;
        this.valueFields = valueFields;
        this.keyFormat = keyFormat;
        this.valueFormat = valueFormat;
        this.keyContext = keyContext;
        this.valueContext = valueContext;
    }

    /**
     * Reads the layout of a table.
     *
     * @param primaryKey the key columns when the connector derives them from the primary key (upsert-kafka),
     *     null to read {@code key.fields}
     */
    static KafkaTableLayout of(TableContext context, List<String> primaryKey, ClassLoader classLoader) {
        RowType physical = context.physicalRowType();
        String valueFormat = valueFormat(context);
        String keyFormat = context.get(KafkaOptions.KEY_FORMAT);
        String prefix = context.get(KafkaOptions.KEY_FIELDS_PREFIX);
        prefix = prefix == null ? "" : prefix;
        List<String> keyNames = primaryKey;
        if (keyNames == null) {
            String keyFieldsText = context.get(KafkaOptions.KEY_FIELDS);
            keyNames = keyFieldsText == null ? List.of() : List.of(keyFieldsText.split(";"));
        }
        if (!keyNames.isEmpty() && keyFormat == null) {
            throw new ValidationException("Table " + context.tableName() + " declares key fields " + keyNames
                    + " but no 'key.format'.");
        }
        if (keyNames.isEmpty() && keyFormat != null) {
            throw new ValidationException("A key format 'key.format' requires the declaration of one or more of key"
                    + " fields using 'key.fields' (table " + context.tableName() + ").");
        }
        int[] keyFields = new int[keyNames.size()];
        List<String> keyFormatNames = new ArrayList<>();
        List<LogicalType> keyTypes = new ArrayList<>();
        for (int i = 0; i < keyFields.length; i++) {
            String name = keyNames.get(i).trim();
            keyFields[i] = physical.indexOf(name);
            if (keyFields[i] < 0) {
                throw new ValidationException("Could not find the field '" + name + "' in the table schema of "
                        + context.tableName() + " for 'key.fields'." + NameSuggestions.didYouMean(name,
                        physical.names()));
            }
            if (!name.startsWith(prefix)) {
                throw new ValidationException("All fields in 'key.fields' must be prefixed with '" + prefix
                        + "' when option 'key.fields-prefix' is set but field '" + name + "' is not prefixed.");
            }
            keyFormatNames.add(name.substring(prefix.length()));
            keyTypes.add(physical.type(keyFields[i]));
        }
        ValueFieldsInclude include = context.get(KafkaOptions.VALUE_FIELDS_INCLUDE);
        if (!prefix.isEmpty() && include == ValueFieldsInclude.ALL) {
            throw new ValidationException("A key prefix is not allowed when option 'value.fields-include' is set to"
                    + " 'ALL'. Set it to 'EXCEPT_KEY' instead to avoid field overlaps (table " + context.tableName()
                    + ").");
        }
        List<Integer> values = new ArrayList<>();
        List<String> valueNames = new ArrayList<>();
        List<LogicalType> valueTypes = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            if (include == ValueFieldsInclude.EXCEPT_KEY && contains(keyFields, i)) {
                continue;
            }
            values.add(i);
            valueNames.add(physical.name(i));
            valueTypes.add(physical.type(i));
        }
        checkFormatOptions(context, keyFormat, valueFormat, classLoader);
        String valuePrefix = context.options().containsKey(KafkaOptions.VALUE_FORMAT.key()) ? "value." : "";
        TableContext valueContext = formatContext(context, valuePrefix, valueFormat,
                new RowType(valueNames, valueTypes));
        TableContext keyContext = keyFormat == null ? null
                : formatContext(context, "key.", keyFormat, new RowType(keyFormatNames, keyTypes));
        if (keyContext != null && MessageFormats.decodingMode(keyFormat, keyContext, classLoader).hasUpdates()) {
            throw new ValidationException("A key format should only deal with INSERT-only records, but '" + keyFormat
                    + "' (option 'key.format' of table " + context.tableName() + ") produces a changelog.");
        }
        return new KafkaTableLayout(context, keyFields, values.stream().mapToInt(Integer::intValue).toArray(),
                keyFormat, valueFormat, keyContext, valueContext);
    }

    private static String valueFormat(TableContext context) {
        String format = context.get(KafkaOptions.FORMAT);
        String valueFormat = context.get(KafkaOptions.VALUE_FORMAT);
        if (format != null && valueFormat != null) {
            throw new ValidationException("Table " + context.tableName() + " sets both 'format' and 'value.format';"
                    + " use one of them.");
        }
        if (format == null && valueFormat == null) {
            throw new ValidationException("Table " + context.tableName() + " needs 'value.format' (or 'format').");
        }
        return format != null ? format : valueFormat;
    }

    /**
     * Rejects {@code key.*} and {@code value.*} options that neither the connector nor the key or value format
     * knows, naming the nearest valid keys.
     */
    private static void checkFormatOptions(TableContext context, String keyFormat, String valueFormat,
            ClassLoader classLoader) {
        Set<String> allowed = new TreeSet<>();
        for (ConfigOption<?> o : List.of(KafkaOptions.KEY_FORMAT, KafkaOptions.KEY_FIELDS,
                KafkaOptions.KEY_FIELDS_PREFIX, KafkaOptions.VALUE_FORMAT, KafkaOptions.VALUE_FIELDS_INCLUDE)) {
            allowed.add(o.key());
        }
        if (keyFormat != null) {
            addFormatKeys(MessageFormats.factory(keyFormat, classLoader), "key." + keyFormat + ".", allowed);
        }
        if (context.options().containsKey(KafkaOptions.VALUE_FORMAT.key())) {
            addFormatKeys(MessageFormats.factory(valueFormat, classLoader), "value." + valueFormat + ".", allowed);
        }
        for (String key : context.options().keySet()) {
            if ((key.startsWith("key.") || key.startsWith("value.")) && !allowed.contains(key)) {
                throw new ValidationException("Unsupported option '" + key + "' for table " + context.tableName()
                        + "." + NameSuggestions.didYouMean(key, allowed) + " Supported key and value options: "
                        + String.join(", ", allowed) + ".");
            }
        }
    }

    private static void addFormatKeys(FormatFactory f, String prefix, Set<String> allowed) {
        Set<ConfigOption<?>> all = new LinkedHashSet<>(f.requiredOptions());
        all.addAll(f.optionalOptions());
        for (ConfigOption<?> o : all) {
            allowed.add(prefix + o.key());
        }
    }

    /** The context a format sees: its columns, and its options as {@code <format>.<key>}. */
    private static TableContext formatContext(TableContext context, String prefix, String format, RowType type) {
        Map<String, String> options = new HashMap<>();
        String from = prefix + format + ".";
        for (Map.Entry<String, String> e : context.options().entrySet()) {
            if (e.getKey().startsWith(from)) {
                options.put(format + "." + e.getKey().substring(from.length()), e.getValue());
            }
        }
        return new TableContext(context.tableName(), type, options, context.sessionConfig());
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    String tableName() {
        return tableName;
    }

    /** The row kinds the value format decodes (every kind for a changelog format such as debezium-json). */
    ChangelogMode valueChangelogMode(ClassLoader classLoader) {
        return MessageFormats.decodingMode(valueFormat, valueContext, classLoader);
    }

    /** The metadata the value format reads from each message, by key without the {@code value.} prefix. */
    Map<String, LogicalType> valueMetadata(ClassLoader classLoader) {
        return MessageFormats.readableMetadata(valueFormat, valueContext, classLoader);
    }

    /** The row kinds the value format encodes into messages (insert-only unless a changelog format). */
    ChangelogMode valueEncodingMode(ClassLoader classLoader) {
        return MessageFormats.encodingMode(valueFormat, valueContext, classLoader);
    }

    RowType physical() {
        return physical;
    }

    /** Indexes into the physical columns of the key columns, in key-format order. */
    int[] keyFields() {
        return keyFields.clone();
    }

    /** Indexes into the physical columns of the value columns, in value-format order. */
    int[] valueFields() {
        return valueFields.clone();
    }

    /** The key format id, or null when records have no key columns. */
    String keyFormat() {
        return keyFormat;
    }

    String valueFormat() {
        return valueFormat;
    }

    /** The key format's context (its row type and options), or null. */
    TableContext keyContext() {
        return keyContext;
    }

    TableContext valueContext() {
        return valueContext;
    }
}
