package io.sluice.server.pg;

import io.sluice.runtime.data.ValueFormatter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes Sluice's external values (Boolean, Long, BigDecimal, String, byte[], LocalDate, LocalDateTime, Instant, ...)
 * as PostgreSQL text or binary field values of the column's {@link PgType}.
 */
final class PgValueEncoder {
    /** PostgreSQL's epoch for dates and timestamps in binary form. */
    static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();

    private final ZoneId sessionZone;

    PgValueEncoder(ZoneId sessionZone) {
        this.sessionZone = sessionZone;
    }

    byte[] encode(PgColumn column, Object value, short format) {
        if (value == null) {
            return null;
        }
        return format == PgFormats.BINARY ? binary(column.type(), value)
                : text(column, value).getBytes(StandardCharsets.UTF_8);
    }

    /** PostgreSQL's text output for the value. */
    String text(PgColumn column, Object value) {
        switch (column.type()) {
            case BOOL:
                return ((Boolean) value) ? "t" : "f";
            case NUMERIC:
                return ((BigDecimal) value).toPlainString();
            case FLOAT4:
            case FLOAT8:
                return floatText(((Number) value).doubleValue(), value.toString());
            case BYTEA:
                return "\\x" + ValueFormatter.hex((byte[]) value).substring(2).replace("'", "");
            case TIME:
                return ((LocalTime) value).toString();
            case TIMESTAMP: {
                LocalDateTime t = (LocalDateTime) value;
                return ValueFormatter.formatTimestamp(t, fractionDigits(t.getNano()));
            }
            case TIMESTAMPTZ: {
                OffsetDateTime t = ((Instant) value).atZone(sessionZone).toOffsetDateTime();
                return ValueFormatter.formatTimestamp(t.toLocalDateTime(), fractionDigits(t.getNano()))
                        + offsetText(t.getOffset());
            }
            case INTERVAL:
                return intervalText(value);
            default:
                return value.toString();
        }
    }

    private static String floatText(double d, String javaText) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return javaText;
    }

    /** The fewest fraction digits (0, 3 or 6; PostgreSQL keeps microseconds) that show the nanoseconds. */
    private static int fractionDigits(int nanos) {
        if (nanos == 0) {
            return 0;
        }
        return nanos % 1_000_000 == 0 ? 3 : 6;
    }

    private static String offsetText(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        String sign = seconds < 0 ? "-" : "+";
        seconds = Math.abs(seconds);
        String text = sign + String.format("%02d", seconds / 3600);
        if (seconds % 3600 != 0) {
            text += String.format(":%02d", (seconds / 60) % 60);
        }
        return text;
    }

    private static String intervalText(Object value) {
        if (value instanceof Period) {
            long months = ((Period) value).toTotalMonths();
            return (months / 12) + " years " + (months % 12) + " mons";
        }
        Duration d = (Duration) value;
        String sign = d.isNegative() ? "-" : "";
        d = d.abs();
        long days = d.toDays();
        Duration rest = d.minusDays(days);
        return (days != 0 ? sign + days + " days " : "") + sign + String.format("%02d:%02d:%02d",
                rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart())
                + (rest.toNanosPart() != 0 ? String.format(".%06d", rest.toNanosPart() / 1000) : "");
    }

    /** PostgreSQL's binary (send) format for the value. */
    byte[] binary(PgType type, Object value) {
        switch (type) {
            case BOOL:
                return new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
            case INT2:
                return ByteBuffer.allocate(2).putShort(((Number) value).shortValue()).array();
            case INT4:
                return ByteBuffer.allocate(4).putInt(((Number) value).intValue()).array();
            case INT8:
                return ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
            case FLOAT4:
                return ByteBuffer.allocate(4).putFloat(((Number) value).floatValue()).array();
            case FLOAT8:
                return ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array();
            case NUMERIC:
                return numericBinary((BigDecimal) value);
            case BYTEA:
                return (byte[]) value;
            case DATE:
                return ByteBuffer.allocate(4)
                        .putInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, (LocalDate) value)).array();
            case TIME:
                return ByteBuffer.allocate(8).putLong(((LocalTime) value).toNanoOfDay() / 1000).array();
            case TIMESTAMP:
                return ByteBuffer.allocate(8)
                        .putLong(ChronoUnit.MICROS.between(PG_EPOCH, (LocalDateTime) value)).array();
            case TIMESTAMPTZ:
                return ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH.toInstant(ZoneOffset.UTC),
                        (Instant) value)).array();
            case INTERVAL:
                return intervalBinary(value);
            default:
                return value.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] intervalBinary(Object value) {
        ByteBuffer b = ByteBuffer.allocate(16);
        if (value instanceof Period) {
            return b.putLong(0).putInt(0).putInt((int) ((Period) value).toTotalMonths()).array();
        }
        Duration d = (Duration) value;
        long days = d.toDays();
        return b.putLong(d.minusDays(days).toNanos() / 1000).putInt((int) days).putInt(0).array();
    }

    /** numeric's send format: ndigits, weight, sign, dscale, then base-10000 digits. */
    static byte[] numericBinary(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        BigDecimal abs = value.abs().setScale(scale);
        String digits = abs.unscaledValue().toString();
        // split into integer and fraction parts, pad to groups of 4 around the decimal point
        String intPart = digits.length() > scale ? digits.substring(0, digits.length() - scale) : "0";
        String fracPart = scale == 0 ? "" : String.format("%" + scale + "s", digits.length() > scale
                ? digits.substring(digits.length() - scale) : digits).replace(' ', '0');
        intPart = "0".repeat((4 - intPart.length() % 4) % 4) + intPart;
        fracPart = fracPart + "0".repeat((4 - fracPart.length() % 4) % 4);
        List<Short> groups = new ArrayList<>();
        for (int i = 0; i < intPart.length(); i += 4) {
            groups.add(Short.parseShort(intPart.substring(i, i + 4)));
        }
        int weight = groups.size() - 1;
        for (int i = 0; i < fracPart.length(); i += 4) {
            groups.add(Short.parseShort(fracPart.substring(i, i + 4)));
        }
        // strip leading zero groups (adjusting the weight) and trailing zero groups
        int first = 0;
        while (first < groups.size() && groups.get(first) == 0) {
            first++;
            weight--;
        }
        int last = groups.size();
        while (last > first && groups.get(last - 1) == 0) {
            last--;
        }
        int n = last - first;
        ByteBuffer b = ByteBuffer.allocate(8 + 2 * n);
        b.putShort((short) n).putShort((short) (n == 0 ? 0 : weight))
                .putShort((short) (value.signum() < 0 ? 0x4000 : 0)).putShort((short) scale);
        for (int i = first; i < last; i++) {
            b.putShort(groups.get(i));
        }
        return b.array();
    }

    /** Decodes a binary numeric parameter (the inverse of {@link #numericBinary}). */
    static BigDecimal numericFromBinary(ByteBuffer b) {
        int n = b.getShort();
        int weight = b.getShort();
        int sign = b.getShort() & 0xffff;
        int scale = b.getShort();
        if (sign == 0xC000) {
            throw new PgProtocolException("22P03", "numeric NaN is not supported");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            unscaled = unscaled.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(b.getShort()));
        }
        BigDecimal v = new BigDecimal(unscaled).movePointRight(4 * (weight - n + 1)).setScale(scale);
        return sign == 0x4000 ? v.negate() : v;
    }
}
