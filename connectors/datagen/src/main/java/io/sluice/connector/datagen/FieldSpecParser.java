package io.sluice.connector.datagen;

import static io.sluice.connector.datagen.DataGenOptions.END;
import static io.sluice.connector.datagen.DataGenOptions.KIND;
import static io.sluice.connector.datagen.DataGenOptions.LENGTH;
import static io.sluice.connector.datagen.DataGenOptions.MAX;
import static io.sluice.connector.datagen.DataGenOptions.MAX_PAST;
import static io.sluice.connector.datagen.DataGenOptions.MIN;
import static io.sluice.connector.datagen.DataGenOptions.NULL_RATE;
import static io.sluice.connector.datagen.DataGenOptions.START;
import static io.sluice.connector.datagen.DataGenOptions.VAR_LEN;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates the {@code WITH} options of a datagen table against its physical columns and turns them
 * into one {@link FieldSpec} per column. Errors are {@link ValidationException}s naming the table, the
 * key and (for an unknown key) the nearest valid keys; a type Flink's datagen supports but Sluice does
 * not yet raises {@link UnsupportedFeatureException}.
 */
final class FieldSpecParser {
    private final TableContext context;
    private final String table;

    FieldSpecParser(TableContext context) {
        this.context = context;
        this.table = context.tableName();
    }

    /** The spec of every physical column, in column order. */
    List<FieldSpec> parse() {
        RowType row = context.physicalRowType();
        List<GeneratorKind> kinds = new ArrayList<>();
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(FactoryUtil.CONNECTOR.key());
        allowed.add(DataGenOptions.ROWS_PER_SECOND.key());
        allowed.add(DataGenOptions.NUMBER_OF_ROWS.key());
        allowed.add(DataGenOptions.SCAN_PARALLELISM.key());
        for (int i = 0; i < row.size(); i++) {
            String name = row.name(i);
            GeneratorKind kind = context.get(DataGenOptions.kind(name));
            checkSupported(name, row.type(i), kind);
            kinds.add(kind);
            for (String suffix : suffixes(row.type(i), kind)) {
                allowed.add(DataGenOptions.key(name, suffix));
            }
        }
        for (String key : context.options().keySet()) {
            if (!allowed.contains(key)) {
                throw unknownKey(key, row, kinds, allowed);
            }
        }
        List<FieldSpec> specs = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            specs.add(kinds.get(i) == GeneratorKind.SEQUENCE
                    ? sequence(row.name(i), row.type(i)) : random(row.name(i), row.type(i)));
        }
        return specs;
    }

    /** The column option suffixes that apply to a column of this type and generator. */
    static List<String> suffixes(LogicalType type, GeneratorKind kind) {
        List<String> s = new ArrayList<>();
        s.add(KIND);
        if (kind == GeneratorKind.SEQUENCE) {
            s.add(START);
            s.add(END);
            return s;
        }
        s.add(NULL_RATE);
        TypeRoot root = type.root();
        if (root.isNumeric()) {
            s.add(MIN);
            s.add(MAX);
        } else if (root == TypeRoot.VARCHAR || root == TypeRoot.VARBINARY) {
            s.add(LENGTH);
            s.add(VAR_LEN);
        } else if (root == TypeRoot.TIMESTAMP || root == TypeRoot.TIMESTAMP_LTZ) {
            s.add(MAX_PAST);
        }
        return s;
    }

    private void checkSupported(String name, LogicalType type, GeneratorKind kind) {
        TypeRoot root = type.root();
        if (root == TypeRoot.INTERVAL_YEAR_MONTH || root == TypeRoot.INTERVAL_DAY_TIME) {
            throw new UnsupportedFeatureException("datagen connector for column '" + name + "' of type " + type.typeName());
        }
        if (root == TypeRoot.NULL) {
            throw new ValidationException("Unsupported type " + type.typeName() + " of column '" + name
                    + "' for connector 'datagen' of table " + table + ".");
        }
        if (kind == GeneratorKind.SEQUENCE && !(root.isNumeric() || root.isCharacterString() || root.isBinaryString())) {
            throw new ValidationException("Generator 'sequence' is not supported for column '" + name + "' of type "
                    + type.typeName() + " of table " + table
                    + "; sequences need a numeric, character string or binary string column. Use 'random'.");
        }
    }

    private ValidationException unknownKey(String key, RowType row, List<GeneratorKind> kinds, Set<String> allowed) {
        for (int i = 0; i < row.size(); i++) {
            String prefix = DataGenOptions.FIELDS + "." + row.name(i) + ".";
            if (key.startsWith(prefix) && isSuffix(key.substring(prefix.length()))) {
                return new ValidationException("Option '" + key + "' of table " + table + " does not apply to column '"
                        + row.name(i) + "' of type " + row.type(i).typeName() + " with generator '"
                        + kinds.get(i).optionValue() + "'. Options of that column: "
                        + String.join(", ", prefixed(prefix, suffixes(row.type(i), kinds.get(i)))) + ".");
            }
        }
        return new ValidationException("Unsupported option '" + key + "' for connector 'datagen' of table " + table
                + "." + NameSuggestions.didYouMean(key, allowed) + " Supported options: "
                + String.join(", ", new TreeSet<>(allowed)) + ".");
    }

    private static boolean isSuffix(String s) {
        return List.of(KIND, MIN, MAX, MAX_PAST, LENGTH, VAR_LEN, NULL_RATE, START, END).contains(s);
    }

    private static List<String> prefixed(String prefix, List<String> suffixes) {
        List<String> keys = new ArrayList<>();
        for (String s : suffixes) {
            keys.add(prefix + s);
        }
        return keys;
    }

    private FieldSpec sequence(String name, LogicalType type) {
        String startKey = DataGenOptions.key(name, START);
        String endKey = DataGenOptions.key(name, END);
        for (String k : new String[] {startKey, endKey}) {
            if (!context.options().containsKey(k)) {
                throw new ValidationException("Could not find required property '" + k
                        + "' for sequence generator of table " + table + ".");
            }
        }
        long start = context.get(DataGenOptions.field(name, START).longType().noDefaultValue());
        long end = context.get(DataGenOptions.field(name, END).longType().noDefaultValue());
        if (start > end) {
            throw new ValidationException("'" + startKey + "' (" + start + ") is greater than '" + endKey + "' ("
                    + end + ") for table " + table + ".");
        }
        checkFits(type, BigDecimal.valueOf(start), startKey);
        checkFits(type, BigDecimal.valueOf(end), endKey);
        return new FieldSpec(name, type, GeneratorKind.SEQUENCE, 0, 0, 0, 0, null, null, 0, 0, false, 0, start, end);
    }

    private FieldSpec random(String name, LogicalType type) {
        double nullRate = context.get(DataGenOptions.field(name, NULL_RATE).doubleType().defaultValue(0.0));
        if (!(nullRate >= 0 && nullRate <= 1)) {
            throw new ValidationException("'" + DataGenOptions.key(name, NULL_RATE) + "' of table " + table
                    + " must be between 0 and 1, but is " + nullRate + ".");
        }
        if (nullRate > 0 && !type.isNullable()) {
            throw new ValidationException("'" + DataGenOptions.key(name, NULL_RATE) + "' of table " + table
                    + " is " + nullRate + ", but column '" + name + "' is NOT NULL.");
        }
        long minLong = 0;
        long maxLong = 0;
        double minDouble = 0;
        double maxDouble = 0;
        BigDecimal minDecimal = null;
        BigDecimal maxDecimal = null;
        long maxPast = 0;
        int length = 0;
        boolean varLen = false;
        TypeRoot root = type.root();
        if (root.isIntegral()) {
            long[] range = integralRange(root);
            minLong = context.get(DataGenOptions.field(name, MIN).longType().defaultValue(range[0]));
            maxLong = context.get(DataGenOptions.field(name, MAX).longType().defaultValue(range[1]));
            checkFits(type, BigDecimal.valueOf(minLong), DataGenOptions.key(name, MIN));
            checkFits(type, BigDecimal.valueOf(maxLong), DataGenOptions.key(name, MAX));
            checkMinMax(name, minLong > maxLong, minLong, maxLong);
        } else if (root == TypeRoot.FLOAT || root == TypeRoot.DOUBLE) {
            double typeMin = root == TypeRoot.FLOAT ? Float.MIN_VALUE : Double.MIN_VALUE;
            double typeMax = root == TypeRoot.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
            minDouble = context.get(DataGenOptions.field(name, MIN).doubleType().defaultValue(typeMin));
            maxDouble = context.get(DataGenOptions.field(name, MAX).doubleType().defaultValue(typeMax));
            checkFits(type, minDouble, DataGenOptions.key(name, MIN));
            checkFits(type, maxDouble, DataGenOptions.key(name, MAX));
            checkMinMax(name, minDouble > maxDouble, minDouble, maxDouble);
        } else if (root == TypeRoot.DECIMAL) {
            BigDecimal largest = decimalLargest(type);
            minDecimal = decimalOption(name, MIN, type, largest.negate()).setScale(type.scale(), RoundingMode.CEILING);
            maxDecimal = decimalOption(name, MAX, type, largest).setScale(type.scale(), RoundingMode.FLOOR);
            checkMinMax(name, minDecimal.compareTo(maxDecimal) > 0, minDecimal.toPlainString(), maxDecimal.toPlainString());
        } else if (root == TypeRoot.VARCHAR || root == TypeRoot.VARBINARY) {
            int declared = type.precision();
            int deflt = declared == LogicalType.MAX_LENGTH ? DataGenOptions.DEFAULT_LENGTH : declared;
            length = context.get(DataGenOptions.field(name, LENGTH).intType().defaultValue(deflt));
            if (length <= 0 || length > declared) {
                throw new ValidationException("'" + DataGenOptions.key(name, LENGTH) + "' of table " + table + " is "
                        + length + ", but must be between 1 and the length " + declared + " of column '" + name
                        + "' (" + type.typeName() + ").");
            }
            varLen = context.get(DataGenOptions.field(name, VAR_LEN).booleanType().defaultValue(false));
        } else if (root == TypeRoot.CHAR || root == TypeRoot.BINARY) {
            length = type.precision();
        } else if (root == TypeRoot.TIMESTAMP || root == TypeRoot.TIMESTAMP_LTZ) {
            maxPast = context.get(DataGenOptions.maxPast(name)).toMillis();
            if (maxPast < 0) {
                throw new ValidationException("'" + DataGenOptions.key(name, MAX_PAST) + "' of table " + table
                        + " must not be negative.");
            }
        }
        return new FieldSpec(name, type, GeneratorKind.RANDOM, minLong, maxLong, minDouble, maxDouble, minDecimal,
                maxDecimal, maxPast, length, varLen, nullRate, 0, 0);
    }

    private void checkMinMax(String name, boolean minAboveMax, Object min, Object max) {
        if (minAboveMax) {
            throw new ValidationException("'" + DataGenOptions.key(name, MIN) + "' (" + min + ") is greater than '"
                    + DataGenOptions.key(name, MAX) + "' (" + max + ") for table " + table + ".");
        }
    }

    private BigDecimal decimalOption(String name, String suffix, LogicalType type, BigDecimal deflt) {
        ConfigOption<String> option = DataGenOptions.field(name, suffix).stringType().noDefaultValue();
        String raw = context.get(option);
        if (raw == null) {
            return deflt;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Could not parse value '" + raw + "' for key '" + option.key()
                    + "' of table " + table + ": expected a decimal number.");
        }
        checkFits(type, value, option.key());
        return value;
    }

    private void checkFits(LogicalType type, double value, String key) {
        double largest = type.root() == TypeRoot.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
        if (!(Math.abs(value) <= largest)) {
            throw new ValidationException("Value " + value + " of '" + key + "' of table " + table
                    + " is out of the range of " + type.typeName() + ".");
        }
    }

    private void checkFits(LogicalType type, BigDecimal value, String key) {
        TypeRoot root = type.root();
        boolean fits;
        if (root.isIntegral()) {
            long[] range = integralRange(root);
            fits = value.compareTo(BigDecimal.valueOf(range[0])) >= 0 && value.compareTo(BigDecimal.valueOf(range[1])) <= 0;
        } else if (root == TypeRoot.DECIMAL) {
            fits = value.abs().compareTo(decimalLargest(type)) <= 0;
        } else {
            fits = true;
        }
        if (!fits) {
            throw new ValidationException("Value " + value.toPlainString() + " of '" + key + "' of table " + table
                    + " is out of the range of " + type.typeName() + ".");
        }
    }

    /** The largest value of a DECIMAL(p, s): p nines, s of them after the point. */
    static BigDecimal decimalLargest(LogicalType type) {
        return BigDecimal.TEN.pow(type.precision()).subtract(BigDecimal.ONE).movePointLeft(type.scale());
    }

    static long[] integralRange(TypeRoot root) {
        switch (root) {
            case TINYINT:
                return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case SMALLINT:
                return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case INTEGER:
                return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            default:
                return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
    }
}
