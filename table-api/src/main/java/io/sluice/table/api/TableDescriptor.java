package io.sluice.table.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table described in code, the Table API's form of {@code CREATE TABLE ... WITH (...)}:
 * <pre>{@code
 * TableDescriptor.forConnector("datagen")
 *     .schema(Schema.newBuilder().column("f0", DataTypes.STRING()).build())
 *     .option("number-of-rows", "10")
 *     .build();
 * }</pre>
 * Used with {@code TableEnvironment.createTemporaryTable}, {@code createTable} and {@code from}.
 */
public final class TableDescriptor {
    private final Schema schema;
    private final Map<String, String> options;
    private final List<String> partitionKeys;
    private final String comment;

    private TableDescriptor(Schema schema, Map<String, String> options, List<String> partitionKeys, String comment) {
        this.schema = schema;
        this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.partitionKeys = List.copyOf(partitionKeys);
        this.comment = comment;
    }

    /** A descriptor for this connector ({@code 'connector' = ...}). */
    public static Builder forConnector(String connector) {
        return new Builder().option("connector", connector);
    }

    public Optional<Schema> getSchema() {
        return Optional.ofNullable(schema);
    }

    /** The options in the order they were given. */
    public Map<String, String> getOptions() {
        return options;
    }

    public List<String> getPartitionKeys() {
        return partitionKeys;
    }

    public Optional<String> getComment() {
        return Optional.ofNullable(comment);
    }

    /** The equivalent {@code CREATE [TEMPORARY] TABLE} statement for a (quoted) table path. */
    public String toCreateTableStatement(String quotedPath, boolean temporary, boolean ifNotExists) {
        if (schema == null) {
            throw new ValidationException("Table " + quotedPath + " needs a schema: TableDescriptor.forConnector(..)"
                    + ".schema(Schema.newBuilder()...build())");
        }
        StringBuilder sb = new StringBuilder("CREATE ").append(temporary ? "TEMPORARY " : "").append("TABLE ")
                .append(ifNotExists ? "IF NOT EXISTS " : "").append(quotedPath).append(" (\n  ")
                .append(schema.toDdlColumns()).append("\n)");
        if (comment != null) {
            sb.append(" COMMENT ").append(literal(comment));
        }
        if (!partitionKeys.isEmpty()) {
            List<String> keys = new ArrayList<>();
            partitionKeys.forEach(k -> keys.add("`" + k.replace("`", "``") + "`"));
            sb.append(" PARTITIONED BY (").append(String.join(", ", keys)).append(')');
        }
        List<String> opts = new ArrayList<>();
        options.forEach((k, v) -> opts.add("  " + literal(k) + " = " + literal(v)));
        return sb.append(" WITH (\n").append(String.join(",\n", opts)).append("\n)").toString();
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return toCreateTableStatement("`(anonymous)`", false, false);
    }

    /** Builds a {@link TableDescriptor}. */
    /** A builder holding this descriptor's schema, options, partition keys and comment, to derive another one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schema = schema;
        b.options.putAll(options);
        b.partitionKeys.addAll(partitionKeys);
        b.comment = comment;
        return b;
    }

    public static final class Builder {
        private Schema schema;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<String> partitionKeys = new ArrayList<>();
        private String comment;

        private Builder() {
        }

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        /** A connector option, as in {@code WITH ('key' = 'value')}. */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /** The format ({@code 'format' = ...}) without options. */
        public Builder format(String format) {
            return option("format", format);
        }

        /** The format with its options ({@code '<format>.<key>' = ...}). */
        public Builder format(FormatDescriptor formatDescriptor) {
            option("format", formatDescriptor.getFormat());
            formatDescriptor.getOptions().forEach((k, v) -> option(formatDescriptor.getFormat() + "." + k, v));
            return this;
        }

        public Builder partitionedBy(String... partitionKeys) {
            this.partitionKeys.addAll(Arrays.asList(partitionKeys));
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public TableDescriptor build() {
            return new TableDescriptor(schema, options, partitionKeys, comment);
        }
    }
}
