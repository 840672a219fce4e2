package io.sluice.connector.kafka;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.SupportsReadingMetadata;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source of a {@code kafka} table: one {@link KafkaSourceReader} per parallel instance. Bounded when
 * {@code scan.bounded.mode} is set. Reads the metadata of {@link KafkaMetadata}.
 */
final class KafkaTableSource implements ScanTableSource, SupportsReadingMetadata,
        io.sluice.runtime.connector.SupportsWatermarkPushDown,
        io.sluice.runtime.connector.SupportsBadRecordRouting {
    private final KafkaSourceSpec spec;
    private final KafkaTableLayout layout;
    private final ClassLoader classLoader;
    /** Set by {@link #applyBadRecordRouting}. */
    private boolean routeBadRecords;
    private static final String VALUE_PREFIX = "value.";
    private final boolean upsert;
    /** The requested metadata in column order: a Kafka record's metadata, or null for value-format metadata. */
    private List<KafkaMetadata> metadata = List.of();
    /** For each requested metadata column, the value format's key (without {@code value.}), or null. */
    private List<String> formatMetadata = List.of();

    /** The pushed-down watermark expression (one watermark per partition), or null. */
    private io.sluice.runtime.connector.WatermarkSpec watermark;

    KafkaTableSource(KafkaSourceSpec spec, KafkaTableLayout layout, ClassLoader classLoader) {
        this(spec, layout, classLoader, false);
    }

    /** With {@code upsert}, the source reads its topic as a changelog ({@link UpsertNormalizer}). */
    KafkaTableSource(KafkaSourceSpec spec, KafkaTableLayout layout, ClassLoader classLoader, boolean upsert) {
        this.upsert = upsert;
        this.spec = spec;
        this.layout = layout;
        this.classLoader = classLoader;
    }

    /** Records the formats cannot decode go to the bad-records table (every Kafka record is decoded on its own). */
    @Override
    public void applyBadRecordRouting() {
        routeBadRecords = true;
    }

    @Override
    public boolean isBounded() {
        return spec.isBounded();
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        RecordBatchBuilder builder = new RecordBatchBuilder(layout, metadata, formatMetadata,
                context.projectedFields(), context.producedType(), context.allocator(), classLoader);
        if (routeBadRecords) {
            builder.routeBadRecords(io.sluice.runtime.connector.BadRecordCollector.open(context));
        }
        return new KafkaSourceReader(spec, context, builder, upsert ? new UpsertNormalizer(spec.tableName) : null,
                watermark);
    }

    @Override
    public void applyWatermark(io.sluice.runtime.connector.WatermarkSpec watermark) {
        this.watermark = watermark;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        // a changelog value format (debezium-json, ...) makes a kafka table a changelog source
        return upsert ? ChangelogMode.all() : layout.valueChangelogMode(classLoader);
    }

    @Override
    public Map<String, LogicalType> listReadableMetadata() {
        // the value format's metadata first, as in Flink, e.g. debezium-json's value.source.timestamp
        Map<String, LogicalType> all = new LinkedHashMap<>();
        layout.valueMetadata(classLoader).forEach((k, t) -> all.put(VALUE_PREFIX + k, t));
        all.putAll(KafkaMetadata.readable());
        return all;
    }

    @Override
    public void applyReadableMetadata(List<String> keys, List<LogicalType> types) {
        List<KafkaMetadata> m = new ArrayList<>();
        List<String> f = new ArrayList<>();
        Map<String, LogicalType> fromFormat = layout.valueMetadata(classLoader);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key.startsWith(VALUE_PREFIX) && fromFormat.containsKey(key.substring(VALUE_PREFIX.length()))) {
                LogicalType produced = fromFormat.get(key.substring(VALUE_PREFIX.length()));
                boolean text = produced.root().isCharacterString();
                if (text ? !types.get(i).root().isCharacterString() : types.get(i).root() != produced.root()) {
                    throw new ValidationException("Metadata column '" + key + "' of table " + spec.tableName
                            + " must have type " + produced + ", but is declared " + types.get(i) + ".");
                }
                m.add(null);
                f.add(key.substring(VALUE_PREFIX.length()));
                continue;
            }
            f.add(null);
            KafkaMetadata k = KafkaMetadata.of(keys.get(i));
            if (!k.fits(types.get(i))) {
                throw new ValidationException("Metadata column '" + keys.get(i) + "' of table " + spec.tableName
                        + " must have type " + KafkaMetadata.readable().get(keys.get(i))
                        + (k == KafkaMetadata.HEADERS ? " (or STRING for JSON text)" : "") + ", but is declared "
                        + types.get(i) + ".");
            }
            m.add(k);
        }
        metadata = java.util.Collections.unmodifiableList(m);
        formatMetadata = java.util.Collections.unmodifiableList(f);
    }

    @Override
    public String describe() {
        return (upsert ? "upsert-kafka(" : "kafka(") + spec.describeTopics() + ", format=" + layout.valueFormat()
                + (layout.keyFormat() == null ? "" : ", key.format=" + layout.keyFormat())
                + (spec.isBounded() ? ", bounded" : "")
                + (watermark == null ? "" : ", watermark per partition=" + watermark.description()) + ")";
    }
}
