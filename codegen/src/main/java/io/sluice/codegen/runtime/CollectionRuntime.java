package io.sluice.codegen.runtime;

import io.sluice.runtime.data.ConstructedValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TimestampUnits;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers of generated code for ARRAY, MAP, MULTISET and ROW values, held as their external Java values (see
 * {@link ConstructedValues}): conversion between a scalar's generated-code form and its external form, element
 * access, and the collection functions. Every function takes non-null collections; NULL handling of the call is the
 * generated code's, elements may be null.
 */
public final class CollectionRuntime {
    private CollectionRuntime() {
    }

    // ---------------------------------------------------------------- conversions

    /**
     * The external value of {@code value}, a boxed generated-code value of {@code type} (days for DATE, milliseconds
     * of the day for TIME, units of the precision for TIMESTAMP, months, milliseconds for intervals).
     */
    public static Object toExternal(LogicalType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.root()) {
            case TINYINT:
                return ((Number) value).byteValue();
            case SMALLINT:
                return ((Number) value).shortValue();
            case INTEGER:
                return ((Number) value).intValue();
            case BIGINT:
                return ((Number) value).longValue();
            case FLOAT:
                return ((Number) value).floatValue();
            case DOUBLE:
                return ((Number) value).doubleValue();
            case DATE:
                return LocalDate.ofEpochDay(((Number) value).longValue());
            case TIME:
                return LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L);
            case TIMESTAMP:
                return TimestampUnits.toLocalDateTime(((Number) value).longValue(), type.precision());
            case TIMESTAMP_LTZ:
                return TimestampUnits.toInstant(((Number) value).longValue(), type.precision());
            case INTERVAL_YEAR_MONTH:
                return Period.ofMonths(((Number) value).intValue()).normalized();
            case INTERVAL_DAY_TIME:
                return Duration.ofMillis(((Number) value).longValue());
            default:
                return value;
        }
    }

    /** The boxed generated-code value of an external value of {@code type} (the inverse of {@link #toExternal}). */
    public static Object toInternal(LogicalType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.root()) {
            case TINYINT:
                return ((Number) value).byteValue();
            case SMALLINT:
                return ((Number) value).shortValue();
            case INTEGER:
                return ((Number) value).intValue();
            case BIGINT:
                return ((Number) value).longValue();
            case FLOAT:
                return ((Number) value).floatValue();
            case DOUBLE:
                return ((Number) value).doubleValue();
            case DECIMAL:
                return value instanceof BigDecimal ? value : new BigDecimal(value.toString());
            case DATE:
                return value instanceof LocalDate ? (int) ((LocalDate) value).toEpochDay() : value;
            case TIME:
                return value instanceof LocalTime ? (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L) : value;
            case TIMESTAMP:
                return value instanceof LocalDateTime
                        ? TimestampUnits.fromLocalDateTime((LocalDateTime) value, type.precision()) : value;
            case TIMESTAMP_LTZ:
                return value instanceof Instant ? TimestampUnits.fromInstant((Instant) value, type.precision()) : value;
            case INTERVAL_YEAR_MONTH:
                return value instanceof Period ? (int) ((Period) value).toTotalMonths() : value;
            case INTERVAL_DAY_TIME:
                return value instanceof Duration ? ((Duration) value).toMillis() : value;
            default:
                return value;
        }
    }

    // ---------------------------------------------------------------- construction and access

    /** A new array of the element type's external class holding {@code elements}. */
    public static Object[] array(LogicalType elementType, Object[] elements) {
        Object[] a = ConstructedValues.newArray(elementType, elements.length);
        System.arraycopy(elements, 0, a, 0, elements.length);
        return a;
    }

    /** A map of alternating keys and values; a repeated key keeps its last value. */
    public static Map map(Object[] keysAndValues) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int k = 0; k + 1 < keysAndValues.length; k += 2) {
            put(m, keysAndValues[k], keysAndValues[k + 1]);
        }
        return m;
    }

    /** A ROW of the given field values. */
    public static Row row(Object[] fields) {
        return Row.of(fields.clone());
    }

    /** Element {@code index} (1-based) of an array, or null when out of range. */
    public static Object at(Object[] array, long index) {
        return index >= 1 && index <= array.length ? array[(int) index - 1] : null;
    }

    /** The value of {@code key} in a map, or null. */
    public static Object get(Map map, Object key) {
        for (Object o : map.entrySet()) {
            Map.Entry e = (Map.Entry) o;
            if (same(e.getKey(), key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Field {@code index} (0-based) of a row. */
    public static Object field(Row row, int index) {
        return row.getField(index);
    }

    /** The number of elements of an ARRAY, entries of a MAP, or elements (with repetitions) of a MULTISET. */
    public static int cardinality(Object value, boolean multiset) {
        if (value instanceof Object[]) {
            return ((Object[]) value).length;
        }
        Map<?, ?> m = (Map<?, ?>) value;
        if (!multiset) {
            return m.size();
        }
        int n = 0;
        for (Object count : m.values()) {
            n += ((Number) count).intValue();
        }
        return n;
    }

    /** The only element of an array, null when empty; fails with more than one element. */
    public static Object element(Object[] array) {
        if (array.length > 1) {
            throw new IllegalArgumentException("ELEMENT: the array has more than one element: " + array.length);
        }
        return array.length == 0 ? null : array[0];
    }

    // ---------------------------------------------------------------- ARRAY functions

    public static Object[] append(LogicalType elementType, Object[] array, Object element) {
        Object[] a = ConstructedValues.newArray(elementType, array.length + 1);
        System.arraycopy(array, 0, a, 0, array.length);
        a[array.length] = element;
        return a;
    }

    public static Object[] prepend(LogicalType elementType, Object[] array, Object element) {
        Object[] a = ConstructedValues.newArray(elementType, array.length + 1);
        a[0] = element;
        System.arraycopy(array, 0, a, 1, array.length);
        return a;
    }

    /** Whether the array holds {@code needle} (a NULL needle matches a NULL element). */
    public static boolean contains(Object[] array, Object needle) {
        return indexOf(array, needle) >= 0;
    }

    /** 1-based position of the first element equal to {@code needle}, 0 when there is none. */
    public static int position(Object[] array, Object needle) {
        return indexOf(array, needle) + 1;
    }

    private static int indexOf(Object[] array, Object needle) {
        for (int k = 0; k < array.length; k++) {
            if (same(array[k], needle)) {
                return k;
            }
        }
        return -1;
    }

    /** The distinct elements in order of first appearance. */
    public static Object[] distinct(LogicalType elementType, Object[] array) {
        List<Object> out = new ArrayList<>();
        for (Object e : array) {
            addIfAbsent(out, e);
        }
        return toArray(elementType, out);
    }

    /** The array without the elements equal to {@code needle}. */
    public static Object[] remove(LogicalType elementType, Object[] array, Object needle) {
        List<Object> out = new ArrayList<>();
        for (Object e : array) {
            if (!same(e, needle)) {
                out.add(e);
            }
        }
        return toArray(elementType, out);
    }

    public static Object[] reverse(LogicalType elementType, Object[] array) {
        Object[] a = ConstructedValues.newArray(elementType, array.length);
        for (int k = 0; k < array.length; k++) {
            a[k] = array[array.length - 1 - k];
        }
        return a;
    }

    /**
     * Elements {@code start .. end} (1-based, inclusive; 0 is the first element, negative offsets count from the
     * end); empty when the range is empty or outside the array.
     */
    public static Object[] slice(LogicalType elementType, Object[] array, long start, long end) {
        int n = array.length;
        long s = start < 0 ? n + start + 1 : start == 0 ? 1 : start;
        long e = end < 0 ? n + end + 1 : end;
        s = Math.max(s, 1);
        e = Math.min(e, n);
        if (n == 0 || s > e) {
            return ConstructedValues.newArray(elementType, 0);
        }
        return Arrays.copyOfRange(array, (int) s - 1, (int) e);
    }

    /** The array sorted ascending or descending, NULLs first or last. */
    @SuppressWarnings("unchecked")
    public static Object[] sort(Object[] array, boolean ascending, boolean nullsFirst) {
        Comparator<Object> order = (a, b) -> ((Comparable<Object>) a).compareTo(b);
        if (!ascending) {
            order = order.reversed();
        }
        Object[] a = array.clone();
        Arrays.sort(a, nullsFirst ? Comparator.nullsFirst(order) : Comparator.nullsLast(order));
        return a;
    }

    /** The distinct elements of both arrays, in order of appearance. */
    public static Object[] union(LogicalType elementType, Object[] a, Object[] b) {
        List<Object> out = new ArrayList<>();
        for (Object e : a) {
            addIfAbsent(out, e);
        }
        for (Object e : b) {
            addIfAbsent(out, e);
        }
        return toArray(elementType, out);
    }

    public static Object[] concat(LogicalType elementType, Object[][] arrays) {
        List<Object> out = new ArrayList<>();
        for (Object[] a : arrays) {
            out.addAll(Arrays.asList(a));
        }
        return toArray(elementType, out);
    }

    /** The distinct elements of {@code a} not in {@code b}, in the order of {@code a}. */
    public static Object[] except(LogicalType elementType, Object[] a, Object[] b) {
        List<Object> out = new ArrayList<>();
        for (Object e : a) {
            if (indexOf(b, e) < 0) {
                addIfAbsent(out, e);
            }
        }
        return toArray(elementType, out);
    }

    /** The distinct elements of {@code a} also in {@code b}, in the order of {@code a}. */
    public static Object[] intersect(LogicalType elementType, Object[] a, Object[] b) {
        List<Object> out = new ArrayList<>();
        for (Object e : a) {
            if (indexOf(b, e) >= 0) {
                addIfAbsent(out, e);
            }
        }
        return toArray(elementType, out);
    }

    /** The largest (or smallest) non-null element, null when there is none. */
    @SuppressWarnings("unchecked")
    public static Object extreme(Object[] array, boolean max) {
        Object best = null;
        for (Object e : array) {
            if (e != null && (best == null || ((Comparable<Object>) e).compareTo(best) * (max ? 1 : -1) > 0)) {
                best = e;
            }
        }
        return best;
    }

    /** The elements joined by {@code delimiter}; NULL elements skipped, or replaced when a replacement is given. */
    public static String join(Object[] array, String delimiter, String nullReplacement) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object e : array) {
            if (e == null && nullReplacement == null) {
                continue;
            }
            if (!first) {
                sb.append(delimiter);
            }
            sb.append(e == null ? nullReplacement : e.toString());
            first = false;
        }
        return sb.toString();
    }

    /**
     * Flink's SPLIT: the parts between delimiters (empty parts kept); every character when the delimiter is empty.
     */
    public static String[] split(String s, String delimiter) {
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            for (int k = 0; k < s.length(); k++) {
                parts.add(s.substring(k, k + 1));
            }
            return parts.toArray(new String[0]);
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(delimiter, from);
            if (at < 0) {
                parts.add(s.substring(from));
                return parts.toArray(new String[0]);
            }
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
    }

    /** REGEXP_EXTRACT_ALL: group {@code group} of every match; null when the group does not exist. */
    public static String[] regexpExtractAll(String s, String regex, long group) {
        Matcher m;
        try {
            m = Pattern.compile(regex).matcher(s);
        } catch (RuntimeException e) {
            return null;
        }
        if (group < 0 || group > m.groupCount()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group((int) group));
        }
        return out.toArray(new String[0]);
    }

    // ---------------------------------------------------------------- MAP functions

    public static Object[] mapKeys(LogicalType keyType, Map map) {
        return toArray(keyType, new ArrayList<Object>(map.keySet()));
    }

    public static Object[] mapValues(LogicalType valueType, Map map) {
        return toArray(valueType, new ArrayList<Object>(map.values()));
    }

    /** The entries as an array of ROW(key, value). */
    public static Row[] mapEntries(Map map) {
        Row[] out = new Row[map.size()];
        int k = 0;
        for (Object o : map.entrySet()) {
            Map.Entry e = (Map.Entry) o;
            out[k++] = Row.of(e.getKey(), e.getValue());
        }
        return out;
    }

    public static Map mapFromArrays(Object[] keys, Object[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException("MAP_FROM_ARRAYS: the key and value arrays have different lengths ("
                    + keys.length + " and " + values.length + ")");
        }
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keys.length; k++) {
            put(m, keys[k], values[k]);
        }
        return m;
    }

    /** The entries of all maps; a key of a later map replaces the value of an earlier one. */
    public static Map mapUnion(Map[] maps) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (Map map : maps) {
            for (Object o : map.entrySet()) {
                Map.Entry e = (Map.Entry) o;
                put(m, e.getKey(), e.getValue());
            }
        }
        return m;
    }

    /** STR_TO_MAP: {@code text} split into pairs by the list delimiter and into key and value (regular expressions). */
    public static Map strToMap(String text, String listDelimiter, String keyValueDelimiter) {
        Map<Object, Object> m = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return m;
        }
        for (String pair : text.split(listDelimiter, -1)) {
            String[] kv = pair.split(keyValueDelimiter, 2);
            m.put(kv[0], kv.length > 1 ? kv[1] : null);
        }
        return m;
    }

    // ---------------------------------------------------------------- equality

    /** SQL equality of two constructed values (deep, NULLs inside equal to NULLs). */
    public static boolean equal(Object a, Object b) {
        return same(a, b);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!same(e.getValue(), get(y, e.getKey())) || (e.getValue() == null && !containsKey(y, e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Object[] && b instanceof Object[]) {
            Object[] x = (Object[]) a;
            Object[] y = (Object[]) b;
            if (x.length != y.length) {
                return false;
            }
            for (int k = 0; k < x.length; k++) {
                if (!same(x[k], y[k])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Row && b instanceof Row) {
            Row x = (Row) a;
            Row y = (Row) b;
            if (x.getArity() != y.getArity()) {
                return false;
            }
            for (int k = 0; k < x.getArity(); k++) {
                if (!same(x.getField(k), y.getField(k))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.deepEquals(a, b);
    }

    private static boolean containsKey(Map<?, ?> m, Object key) {
        for (Object k : m.keySet()) {
            if (same(k, key)) {
                return true;
            }
        }
        return false;
    }

    private static void put(Map<Object, Object> m, Object key, Object value) {
        for (Object k : m.keySet()) {
            if (same(k, key)) {
                m.put(k, value);
                return;
            }
        }
        m.put(key, value);
    }

    private static void addIfAbsent(List<Object> out, Object e) {
        for (Object o : out) {
            if (same(o, e)) {
                return;
            }
        }
        out.add(e);
    }

    private static Object[] toArray(LogicalType elementType, List<Object> list) {
        return list.toArray(ConstructedValues.newArray(elementType, list.size()));
    }
}
