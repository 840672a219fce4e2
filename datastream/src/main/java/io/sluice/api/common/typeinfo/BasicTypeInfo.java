package io.sluice.api.common.typeinfo;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeutils.TypeSerializer;
import io.sluice.datastream.types.BasicSerializers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Type information of Java's boxed primitives, {@code String}, {@code BigDecimal} and {@code BigInteger}. */
public final class BasicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO = new BasicTypeInfo<>(String.class);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = new BasicTypeInfo<>(Boolean.class);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new BasicTypeInfo<>(Byte.class);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = new BasicTypeInfo<>(Short.class);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = new BasicTypeInfo<>(Integer.class);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new BasicTypeInfo<>(Long.class);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = new BasicTypeInfo<>(Float.class);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = new BasicTypeInfo<>(Double.class);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = new BasicTypeInfo<>(Character.class);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = new BasicTypeInfo<>(BigDecimal.class);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = new BasicTypeInfo<>(BigInteger.class);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO = new BasicTypeInfo<>(Void.class);

    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, STRING_TYPE_INFO), Map.entry(Boolean.class, BOOLEAN_TYPE_INFO),
            Map.entry(boolean.class, BOOLEAN_TYPE_INFO), Map.entry(Byte.class, BYTE_TYPE_INFO),
            Map.entry(byte.class, BYTE_TYPE_INFO), Map.entry(Short.class, SHORT_TYPE_INFO),
            Map.entry(short.class, SHORT_TYPE_INFO), Map.entry(Integer.class, INT_TYPE_INFO),
            Map.entry(int.class, INT_TYPE_INFO), Map.entry(Long.class, LONG_TYPE_INFO),
            Map.entry(long.class, LONG_TYPE_INFO), Map.entry(Float.class, FLOAT_TYPE_INFO),
            Map.entry(float.class, FLOAT_TYPE_INFO), Map.entry(Double.class, DOUBLE_TYPE_INFO),
            Map.entry(double.class, DOUBLE_TYPE_INFO), Map.entry(Character.class, CHAR_TYPE_INFO),
            Map.entry(char.class, CHAR_TYPE_INFO), Map.entry(BigDecimal.class, BIG_DEC_TYPE_INFO),
            Map.entry(BigInteger.class, BIG_INT_TYPE_INFO), Map.entry(Void.class, VOID_TYPE_INFO));

    private final Class<T> clazz;

    private BasicTypeInfo(Class<T> clazz) {
        this.clazz = clazz;
    }

    /** The basic type information of {@code type}, or null when it is not a basic type. */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        return (BasicTypeInfo<X>) BY_CLASS.get(type);
    }

    @Override
    public Class<T> getTypeClass() {
        return clazz;
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return BasicSerializers.forClass(clazz);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicTypeInfo && ((BasicTypeInfo<?>) o).clazz == clazz;
    }

    @Override
    public int hashCode() {
        return clazz.hashCode();
    }

    @Override
    public String toString() {
        return clazz.getSimpleName();
    }
}
