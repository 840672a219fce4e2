package io.sluice.connector.filesystem.partition;

import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The time of a partition, from its values ({@code partition.time-extractor.*}, the {@code default} kind): the
 * {@code timestamp-pattern} with {@code $key} replaced by each partition key's value (without a pattern, the value
 * of the first key), parsed with the {@code timestamp-formatter} (by default {@code yyyy-[M]M-[d]d} with an optional
 * {@code [H]H:[m]m:[s]s} time). Used by the {@code partition-time} commit trigger, which commits a partition once
 * the watermark passes this time plus the commit delay. Immutable.
 */
public final class PartitionTimeExtractor implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DEFAULT_FORMAT = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.EXCEEDS_PAD).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .optionalStart().appendLiteral(' ')
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 1, 2, SignStyle.NOT_NEGATIVE)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd().toFormatter(Locale.ROOT);

    private final List<String> keys;
    private final String pattern;
    private final String formatter;
    private transient DateTimeFormatter format;

    private PartitionTimeExtractor(List<String> keys, String pattern, String formatter) {
        this.keys = List.copyOf(keys);
        this.pattern = pattern;
        this.formatter = formatter;
    }

    /**
     * The extractor of a table's options.
     *
     * @param kind {@code partition.time-extractor.kind}: {@code default} ({@code custom} is not supported)
     * @param pattern {@code partition.time-extractor.timestamp-pattern}, or null
     * @param formatter {@code partition.time-extractor.timestamp-formatter}, or null for the default format
     */
    public static PartitionTimeExtractor of(String table, List<String> keys, String kind, String pattern,
            String formatter) {
        String k = kind.trim().toLowerCase(Locale.ROOT);
        if (k.equals("custom")) {
            throw new UnsupportedFeatureException("'partition.time-extractor.kind' = 'custom'");
        }
        if (!k.equals("default")) {
            throw new ValidationException("Invalid value for option 'partition.time-extractor.kind' of table " + table
                    + ": '" + kind + "'. Supported values: default, custom.");
        }
        if (formatter != null) {
            try {
                DateTimeFormatter.ofPattern(formatter, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("Invalid value for option 'partition.time-extractor.timestamp-formatter'"
                        + " of table " + table + ": '" + formatter + "': " + e.getMessage(), e);
            }
        }
        return new PartitionTimeExtractor(keys, pattern, formatter);
    }

    /** The partition's time as epoch milliseconds, reading its local date-time in {@code zone}. */
    public long epochMillis(List<String> values, ZoneId zone) {
        String text = text(values);
        try {
            TemporalAccessor parsed = format().parse(text);
            LocalDateTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDateTime.from(parsed)
                    : LocalDate.from(parsed).atStartOfDay();
            return time.atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new TableException("Cannot extract the time of partition " + describe(values) + ": '" + text
                    + "' does not match " + (formatter == null ? "yyyy-[M]M-[d]d [[H]H:[m]m:[s]s]" : "'" + formatter
                    + "'") + (pattern == null ? "" : " (timestamp-pattern '" + pattern + "')") + ".", e);
        }
    }

    private String text(List<String> values) {
        if (pattern == null) {
            return String.valueOf(values.get(0));
        }
        // longest keys first, so that $hour is not taken for $h followed by "our"
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> keys.get(i).length()).reversed());
        String text = pattern;
        for (int i : order) {
            text = text.replace("$" + keys.get(i), String.valueOf(values.get(i)));
        }
        return text;
    }

    private String describe(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : "/").append(keys.get(i)).append('=').append(values.get(i));
        }
        return sb.toString();
    }

    private DateTimeFormatter format() {
        if (format == null) {
            format = formatter == null ? DEFAULT_FORMAT : DateTimeFormatter.ofPattern(formatter, Locale.ROOT);
        }
        return format;
    }
}
