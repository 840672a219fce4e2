package io.sluice.datastream.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeinfo.TypeHint;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.api.java.tuple.Tuple25;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.api.java.typeutils.PojoTypeInfo;
import io.sluice.api.java.typeutils.TupleTypeInfo;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SerializersTest {

    static <T> byte[] bytes(StateSerializer<T> s, T value) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        s.serialize(value, new DataOutputStream(b));
        return b.toByteArray();
    }

    static <T> T roundTrip(StateSerializer<T> s, T value) throws IOException {
        return s.deserialize(new DataInputStream(new ByteArrayInputStream(bytes(s, value))));
    }

    static Object dynamic(Object value) throws IOException {
        return roundTrip(DynamicSerializer.instance(), value);
    }

    /** A POJO with private fields, a superclass field and a nested POJO. */
    public static class Base {
        public String name;
    }

    public static class Event extends Base {
        private long id;
        private Double score;
        public List<String> tags;
        public Event inner;
        public transient int ignored;

        public Event() {
        }

        Event(String name, long id, Double score, List<String> tags, Event inner) {
            this.name = name;
            this.id = id;
            this.score = score;
            this.tags = tags;
            this.inner = inner;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Event)) {
                return false;
            }
            Event e = (Event) o;
            return Objects.equals(name, e.name) && id == e.id && Objects.equals(score, e.score)
                    && Objects.equals(tags, e.tags) && Objects.equals(inner, e.inner);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, id);
        }
    }

    enum Color { RED, GREEN }

    @Test
    void basicSerializersRoundTripIncludingNull() throws IOException {
        assertEquals(42L, roundTrip(BasicSerializers.LONG, 42L));
        assertEquals(null, roundTrip(BasicSerializers.LONG, null));
        assertEquals("héllo", roundTrip(BasicSerializers.STRING, "héllo"));
        assertEquals(-7, roundTrip(BasicSerializers.INT, -7));
        assertEquals(2.5, roundTrip(BasicSerializers.DOUBLE, 2.5));
        assertEquals(true, roundTrip(BasicSerializers.BOOLEAN, true));
        assertEquals(BigDecimal.valueOf(12345, 3),
                roundTrip(Types.BIG_DEC.createSerializer(SerializerConfig.DEFAULT), BigDecimal.valueOf(12345, 3)));
    }

    @Test
    void tuplesRowsPojosAndCollectionsRoundTrip() throws IOException {
        assertEquals(Tuple2.of("a", 1), dynamic(Tuple2.of("a", 1)));
        assertEquals(Tuple3.of(1L, null, List.of(1, 2)), dynamic(Tuple3.of(1L, null, List.of(1, 2))));
        Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                Integer, Integer, Integer> wide = new Tuple25<>();
        for (int i = 0; i < 25; i++) {
            wide.setField(i, i);
        }
        assertEquals(wide, dynamic(wide));
        Row row = Row.ofKind(RowKind.UPDATE_AFTER, "x", 3L, null);
        Row back = (Row) dynamic(row);
        assertEquals(row, back);
        assertEquals(RowKind.UPDATE_AFTER, back.getKind());
        Event e = new Event("outer", 7, 0.5, new ArrayList<>(List.of("t1")), new Event("inner", 8, null, null, null));
        e.ignored = 99;
        Event eb = (Event) dynamic(e);
        assertEquals(e, eb);
        assertEquals(0, eb.ignored, "transient fields are not serialized");
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("b", 2);
        m.put("a", 1);
        assertEquals(m, dynamic(m));
        assertEquals(List.of("b", "a"), new ArrayList<>(((Map<?, ?>) dynamic(m)).keySet()), "insertion order kept");
        assertEquals(Color.GREEN, dynamic(Color.GREEN));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) dynamic(new byte[] {1, 2}));
        assertArrayEquals(new String[] {"a", null}, (String[]) dynamic(new String[] {"a", null}));
        assertEquals(Instant.ofEpochSecond(5, 7), dynamic(Instant.ofEpochSecond(5, 7)));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6), dynamic(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6)));
    }

    @Test
    void equalKeysSerializeToEqualBytes() throws IOException {
        assertArrayEquals(bytes(DynamicSerializer.instance(), Tuple2.of("k", 1L)),
                bytes(DynamicSerializer.instance(), Tuple2.of("k", 1L)));
        Event a = new Event("n", 1, 2.0, List.of("x"), null);
        Event b = new Event("n", 1, 2.0, List.of("x"), null);
        assertArrayEquals(bytes(DynamicSerializer.instance(), a), bytes(DynamicSerializer.instance(), b));
    }

    /** Neither a POJO nor serializable. */
    static final class Opaque {
        private final int x;

        Opaque(int x) {
            this.x = x;
        }
    }

    @Test
    void unserializableRecordsFailWithTheClassName() {
        IOException e = assertThrows(IOException.class, () -> dynamic(new Opaque(1)));
        assertTrue(e.getMessage().contains(Opaque.class.getName()), e.getMessage());
    }

    @Test
    void typeInformationOfClassesAndHints() {
        assertEquals(Types.LONG, TypeInformation.of(Long.class));
        assertTrue(TypeInformation.of(Event.class) instanceof PojoTypeInfo);
        TypeInformation<Tuple2<String, Long>> t = TypeInformation.of(new TypeHint<Tuple2<String, Long>>() { });
        assertTrue(t instanceof TupleTypeInfo);
        assertEquals(Types.STRING, ((TupleTypeInfo<?>) t).getTypeAt(0));
        assertEquals(Types.TUPLE(Types.STRING, Types.LONG), t);
        assertEquals(Tuple.getTupleClass(2), t.getTypeClass());
        assertEquals("(a,1)", Tuple2.of("a", 1).toString());
        assertThrows(IllegalArgumentException.class, () -> Types.POJO(Opaque.class));
    }
}
