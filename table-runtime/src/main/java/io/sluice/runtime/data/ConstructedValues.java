package io.sluice.runtime.data;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.Row;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads and writes values of the constructed types (ARRAY, MAP, MULTISET, ROW) in their Arrow vectors, as the
 * external Java values Flink uses: an ARRAY is a Java array of its element's external class ({@code Integer[]},
 * {@code String[]}, {@code Row[]}, ...), a MAP a {@code java.util.Map} (insertion-ordered), a MULTISET a
 * {@code Map} from element to its {@code Integer} count, a ROW a {@link Row}. Elements use the classes
 * {@link VectorValues} documents. A {@code java.util.List} is accepted wherever an array is written.
 */
public final class ConstructedValues {
    private ConstructedValues() {
    }

    /** The external class of values of {@code type}. */
    public static Class<?> externalClass(LogicalType type) {
        switch (type.root()) {
            case BOOLEAN:
                return Boolean.class;
            case TINYINT:
                return Byte.class;
            case SMALLINT:
                return Short.class;
            case INTEGER:
                return Integer.class;
            case BIGINT:
                return Long.class;
            case FLOAT:
                return Float.class;
            case DOUBLE:
                return Double.class;
            case DECIMAL:
                return BigDecimal.class;
            case CHAR:
            case VARCHAR:
                return String.class;
            case BINARY:
            case VARBINARY:
                return byte[].class;
            case DATE:
                return LocalDate.class;
            case TIME:
                return LocalTime.class;
            case TIMESTAMP:
                return LocalDateTime.class;
            case TIMESTAMP_LTZ:
                return Instant.class;
            case INTERVAL_YEAR_MONTH:
                return Period.class;
            case INTERVAL_DAY_TIME:
                return Duration.class;
            case ARRAY:
                return Array.newInstance(externalClass(type.elementType()), 0).getClass();
            case MAP:
            case MULTISET:
                return Map.class;
            case ROW:
                return Row.class;
            default:
                return Object.class;
        }
    }

    /** A new Java array of the external class of {@code elementType}. */
    public static Object[] newArray(LogicalType elementType, int length) {
        return (Object[]) Array.newInstance(externalClass(elementType), length);
    }

    /** The non-null value at {@code index} of a vector of a constructed type. */
    static Object get(LogicalType type, ValueVector vector, int index) {
        switch (type.root()) {
            case ARRAY: {
                ListVector list = (ListVector) vector;
                int start = list.getElementStartIndex(index);
                int end = list.getElementEndIndex(index);
                Object[] out = newArray(type.elementType(), end - start);
                ValueVector data = list.getDataVector();
                for (int k = start; k < end; k++) {
                    out[k - start] = VectorValues.get(type.elementType(), data, k);
                }
                return out;
            }
            case MAP:
            case MULTISET: {
                MapVector map = (MapVector) vector;
                int start = map.getElementStartIndex(index);
                int end = map.getElementEndIndex(index);
                StructVector entries = (StructVector) map.getDataVector();
                ValueVector keys = entries.getChild(MapVector.KEY_NAME);
                ValueVector values = entries.getChild(MapVector.VALUE_NAME);
                LogicalType valueType = valueType(type);
                Map<Object, Object> out = new LinkedHashMap<>();
                for (int k = start; k < end; k++) {
                    out.put(VectorValues.get(type.keyType(), keys, k), VectorValues.get(valueType, values, k));
                }
                return out;
            }
            case ROW: {
                StructVector struct = (StructVector) vector;
                List<LogicalType> fields = type.children();
                Row row = new Row(fields.size());
                for (int f = 0; f < fields.size(); f++) {
                    row.setField(f, VectorValues.get(fields.get(f), struct.getChildByOrdinal(f), index));
                }
                return row;
            }
            default:
                throw new IllegalArgumentException("not a constructed type: " + type);
        }
    }

    /** Writes a non-null value at {@code index}, growing the vector if needed. */
    static void set(LogicalType type, ValueVector vector, int index, Object value) {
        switch (type.root()) {
            case ARRAY: {
                ListVector list = (ListVector) vector;
                Object[] elements = value instanceof Collection ? ((Collection<?>) value).toArray() : (Object[]) value;
                int start = list.startNewValue(index);
                ValueVector data = list.getDataVector();
                for (int k = 0; k < elements.length; k++) {
                    VectorValues.set(type.elementType(), data, start + k, elements[k]);
                }
                list.endValue(index, elements.length);
                break;
            }
            case MAP:
            case MULTISET: {
                MapVector map = (MapVector) vector;
                Map<?, ?> entries = (Map<?, ?>) value;
                int start = map.startNewValue(index);
                StructVector struct = (StructVector) map.getDataVector();
                ValueVector keys = struct.getChild(MapVector.KEY_NAME);
                ValueVector values = struct.getChild(MapVector.VALUE_NAME);
                LogicalType valueType = valueType(type);
                int k = start;
                for (Map.Entry<?, ?> e : entries.entrySet()) {
                    struct.setIndexDefined(k);
                    VectorValues.set(type.keyType(), keys, k, e.getKey());
                    VectorValues.set(valueType, values, k, e.getValue());
                    k++;
                }
                map.endValue(index, entries.size());
                break;
            }
            case ROW: {
                StructVector struct = (StructVector) vector;
                Row row = (Row) value;
                List<LogicalType> fields = type.children();
                if (row.getArity() != fields.size()) {
                    throw new IllegalArgumentException("a row of " + row.getArity() + " fields for " + type);
                }
                struct.setIndexDefined(index);
                for (int f = 0; f < fields.size(); f++) {
                    VectorValues.set(fields.get(f), struct.getChildByOrdinal(f), index, row.getField(f));
                }
                break;
            }
            default:
                throw new IllegalArgumentException("not a constructed type: " + type);
        }
    }

    private static LogicalType valueType(LogicalType mapOrMultiset) {
        return mapOrMultiset.root() == TypeRoot.MAP ? mapOrMultiset.valueType() : LogicalType.integer().notNull();
    }
}
