package io.sluice.api.common.typeinfo;

import io.sluice.api.java.tuple.Tuple;
import io.sluice.api.java.typeutils.GenericTypeInfo;
import io.sluice.api.java.typeutils.ListTypeInfo;
import io.sluice.api.java.typeutils.MapTypeInfo;
import io.sluice.api.java.typeutils.PojoTypeInfo;
import io.sluice.api.java.typeutils.RowTypeInfo;
import io.sluice.api.java.typeutils.TupleTypeInfo;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Type informations of common types, for {@code returns(...)} and state descriptors. */
public final class Types {
    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<java.time.Instant> INSTANT = new GenericTypeInfo<>(java.time.Instant.class);
    public static final TypeInformation<java.time.LocalDate> LOCAL_DATE = new GenericTypeInfo<>(java.time.LocalDate.class);
    public static final TypeInformation<java.time.LocalTime> LOCAL_TIME = new GenericTypeInfo<>(java.time.LocalTime.class);
    public static final TypeInformation<java.time.LocalDateTime> LOCAL_DATE_TIME =
            new GenericTypeInfo<>(java.time.LocalDateTime.class);

    private Types() {
    }

    /** A {@code TupleN} of the given field types. */
    @SuppressWarnings("unchecked")
    /** The type of {@code Either} values of {@code leftType} or {@code rightType}. */
    public static <L, R> TypeInformation<io.sluice.types.Either<L, R>> EITHER(TypeInformation<L> leftType,
            TypeInformation<R> rightType) {
        return new io.sluice.api.java.typeutils.EitherTypeInfo<>(leftType, rightType);
    }

    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return new TupleTypeInfo<>(types);
    }

    /** The tuple subclass {@code tupleSubclass}. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        return new GenericTypeInfo<>(tupleSubclass);
    }

    public static TypeInformation<Row> ROW(TypeInformation<?>... types) {
        return new RowTypeInfo(types);
    }

    public static TypeInformation<Row> ROW_NAMED(String[] fieldNames, TypeInformation<?>... types) {
        return new RowTypeInfo(types, fieldNames);
    }

    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        if (!PojoTypeInfo.isPojo(pojoClass)) {
            throw new IllegalArgumentException(pojoClass.getName() + " is not a POJO: it needs to be a public class "
                    + "with a public no-argument constructor");
        }
        return new PojoTypeInfo<>(pojoClass);
    }

    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        return POJO(pojoClass);
    }

    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }

    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
        return new GenericTypeInfo<>(enumType);
    }

    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        return new GenericTypeInfo<>(Object.class);
    }

    @SuppressWarnings("unchecked")
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        return new GenericTypeInfo<>((Class<E[]>) java.lang.reflect.Array.newInstance(
                elementType.getTypeClass(), 0).getClass());
    }
}
