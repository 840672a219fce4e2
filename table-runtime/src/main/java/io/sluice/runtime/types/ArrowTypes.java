package io.sluice.runtime.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The one mapping between {@link LogicalType} and Arrow. Every type has one vector class and one
 * in-vector representation, which generated code and operators rely on:
 *
 * <table>
 *   <caption>Logical type to Arrow vector</caption>
 *   <tr><th>type</th><th>vector</th><th>value</th></tr>
 *   <tr><td>BOOLEAN</td><td>BitVector</td><td>0/1</td></tr>
 *   <tr><td>TINYINT .. BIGINT</td><td>TinyInt/SmallInt/Int/BigIntVector</td><td>two's complement</td></tr>
 *   <tr><td>FLOAT, DOUBLE</td><td>Float4Vector, Float8Vector</td><td>IEEE 754</td></tr>
 *   <tr><td>DECIMAL(p,s)</td><td>DecimalVector(p,s)</td><td>128-bit unscaled</td></tr>
 *   <tr><td>CHAR, VARCHAR</td><td>VarCharVector</td><td>UTF-8 bytes</td></tr>
 *   <tr><td>BINARY, VARBINARY</td><td>VarBinaryVector</td><td>bytes</td></tr>
 *   <tr><td>DATE</td><td>DateDayVector</td><td>days since 1970-01-01</td></tr>
 *   <tr><td>TIME(p)</td><td>TimeMilliVector</td><td>milliseconds of the day</td></tr>
 *   <tr><td>TIMESTAMP(p)</td><td>TimeStampMilli/Micro/NanoVector</td><td>milli-, micro- or nanoseconds
 *   since epoch (p &le; 3, &le; 6, &le; 9), zone-less; see {@link TimestampUnits}</td></tr>
 *   <tr><td>TIMESTAMP_LTZ(p)</td><td>TimeStampMilli/Micro/NanoTZVector("UTC")</td><td>the same units since
 *   epoch (an instant)</td></tr>
 *   <tr><td>INTERVAL YEAR TO MONTH</td><td>IntervalYearVector</td><td>months</td></tr>
 *   <tr><td>INTERVAL DAY TO SECOND</td><td>DurationVector(ms)</td><td>milliseconds</td></tr>
 *   <tr><td>NULL</td><td>NullVector</td><td>-</td></tr>
 *   <tr><td>ARRAY&lt;T&gt;</td><td>ListVector</td><td>child {@code element}</td></tr>
 *   <tr><td>MAP&lt;K, V&gt;</td><td>MapVector</td><td>entries struct of {@code key}, {@code value}</td></tr>
 *   <tr><td>MULTISET&lt;T&gt;</td><td>MapVector</td><td>element to count: {@code key} T, {@code value} INT NOT
 *   NULL</td></tr>
 *   <tr><td>ROW&lt;...&gt;</td><td>StructVector</td><td>one child per field, named as the field</td></tr>
 * </table>
 *
 * Time values are kept at millisecond precision (as Calcite represents them); a declared precision
 * above 3 is accepted and truncated to milliseconds.
 */
public final class ArrowTypes {
    /** Field metadata key holding the Flink type name, so a schema round-trips exactly. */
    public static final String TYPE_METADATA_KEY = "sluice.type";

    private ArrowTypes() {
    }

    public static ArrowType toArrowType(LogicalType type) {
        switch (type.root()) {
            case BOOLEAN:
                return ArrowType.Bool.INSTANCE;
            case TINYINT:
                return new ArrowType.Int(8, true);
            case SMALLINT:
                return new ArrowType.Int(16, true);
            case INTEGER:
                return new ArrowType.Int(32, true);
            case BIGINT:
                return new ArrowType.Int(64, true);
            case FLOAT:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL:
                return new ArrowType.Decimal(type.precision(), type.scale(), 128);
            case CHAR:
            case VARCHAR:
                return ArrowType.Utf8.INSTANCE;
            case BINARY:
            case VARBINARY:
                return ArrowType.Binary.INSTANCE;
            case DATE:
                return new ArrowType.Date(DateUnit.DAY);
            case TIME:
                return new ArrowType.Time(TimeUnit.MILLISECOND, 32);
            case TIMESTAMP:
                return new ArrowType.Timestamp(timestampUnit(type), null);
            case TIMESTAMP_LTZ:
                return new ArrowType.Timestamp(timestampUnit(type), "UTC");
            case INTERVAL_YEAR_MONTH:
                return new ArrowType.Interval(IntervalUnit.YEAR_MONTH);
            case INTERVAL_DAY_TIME:
                return new ArrowType.Duration(TimeUnit.MILLISECOND);
            case NULL:
                return ArrowType.Null.INSTANCE;
            case ARRAY:
                return ArrowType.List.INSTANCE;
            case MAP:
            case MULTISET:
                return new ArrowType.Map(false);
            case ROW:
                return ArrowType.Struct.INSTANCE;
            default:
                throw new IllegalArgumentException("no Arrow type for " + type);
        }
    }

    /** The Arrow unit of a TIMESTAMP(p) / TIMESTAMP_LTZ(p): see {@link TimestampUnits}. */
    private static TimeUnit timestampUnit(LogicalType type) {
        int p = type.precision();
        return p <= 3 ? TimeUnit.MILLISECOND : p <= 6 ? TimeUnit.MICROSECOND : TimeUnit.NANOSECOND;
    }

    public static Field toField(String name, LogicalType type) {
        FieldType ft = new FieldType(type.isNullable(), toArrowType(type), null,
                Map.of(TYPE_METADATA_KEY, type.typeName()));
        return new Field(name, ft, childFields(type));
    }

    private static List<Field> childFields(LogicalType type) {
        switch (type.root()) {
            case ARRAY:
                return List.of(toField(ListVector.DATA_VECTOR_NAME, type.elementType()));
            case MAP:
            case MULTISET: {
                LogicalType value = type.root() == TypeRoot.MAP ? type.valueType() : LogicalType.integer().notNull();
                List<Field> kv = List.of(toField(MapVector.KEY_NAME, type.keyType().notNull()),
                        toField(MapVector.VALUE_NAME, value));
                return List.of(new Field(MapVector.DATA_VECTOR_NAME,
                        new FieldType(false, ArrowType.Struct.INSTANCE, null), kv));
            }
            case ROW: {
                List<Field> fields = new ArrayList<>();
                for (int i = 0; i < type.children().size(); i++) {
                    fields.add(toField(type.fieldNames().get(i), type.children().get(i)));
                }
                return fields;
            }
            default:
                return null;
        }
    }

    /** The concrete vector class holding values of this type. */
    public static Class<? extends ValueVector> vectorClass(LogicalType type) {
        switch (type.root()) {
            case BOOLEAN:
                return BitVector.class;
            case TINYINT:
                return TinyIntVector.class;
            case SMALLINT:
                return SmallIntVector.class;
            case INTEGER:
                return IntVector.class;
            case BIGINT:
                return BigIntVector.class;
            case FLOAT:
                return Float4Vector.class;
            case DOUBLE:
                return Float8Vector.class;
            case DECIMAL:
                return DecimalVector.class;
            case CHAR:
            case VARCHAR:
                return VarCharVector.class;
            case BINARY:
            case VARBINARY:
                return VarBinaryVector.class;
            case DATE:
                return DateDayVector.class;
            case TIME:
                return TimeMilliVector.class;
            case TIMESTAMP:
                return type.precision() <= 3 ? TimeStampMilliVector.class
                        : type.precision() <= 6 ? TimeStampMicroVector.class : TimeStampNanoVector.class;
            case TIMESTAMP_LTZ:
                return type.precision() <= 3 ? TimeStampMilliTZVector.class
                        : type.precision() <= 6 ? TimeStampMicroTZVector.class : TimeStampNanoTZVector.class;
            case INTERVAL_YEAR_MONTH:
                return IntervalYearVector.class;
            case INTERVAL_DAY_TIME:
                return DurationVector.class;
            case NULL:
                return NullVector.class;
            case ARRAY:
                return ListVector.class;
            case MAP:
            case MULTISET:
                return MapVector.class;
            case ROW:
                return StructVector.class;
            default:
                throw new IllegalArgumentException("no Arrow vector for " + type);
        }
    }
}
