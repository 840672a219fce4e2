package io.sluice.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.codegen.udf.TypeStrings;
import io.sluice.runtime.types.LogicalType;
import io.sluice.types.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedCodecTest {
    private static Object roundTrip(Object v, String type) {
        LogicalType t = TypeStrings.parseType(type);
        byte[] b = NestedCodec.encode(v, t);
        return NestedCodec.decode(b, 0, b.length, t);
    }

    @Test
    void valuesComeBackAsTheEnginesExternalClasses() {
        Object a = roundTrip(new Integer[] {1, null, 3}, "ARRAY<INT>");
        assertEquals(Integer[].class, a.getClass());
        assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) a);
        Map<String, Long[]> m = new LinkedHashMap<>();
        m.put("x", new Long[] {1L});
        @SuppressWarnings("unchecked")
        Map<Object, Object> back = (Map<Object, Object>) roundTrip(m, "MAP<STRING, ARRAY<BIGINT>>");
        assertArrayEquals(new Long[] {1L}, (Long[]) back.get("x"));
        Row r = (Row) roundTrip(Row.of(1.5, List.of("a")), "ROW<`x` DOUBLE, `tags` ARRAY<STRING>>");
        assertEquals(1.5, r.getField(0));
        assertArrayEquals(new String[] {"a"}, (String[]) r.getField(1));
        Object ms = roundTrip(Map.of("k", 2), "MULTISET<STRING>");
        assertEquals(Map.of("k", 2), ms);
    }

    @Test
    void aValueOfAnotherShapeIsAnError() {
        assertThrows(java.io.UncheckedIOException.class, () -> roundTrip(List.of(1), "MAP<INT, INT>"));
        assertThrows(java.io.UncheckedIOException.class, () -> roundTrip(Row.of(1), "ROW<a INT, b INT>"));
    }

    @Test
    void nestedTypesParse() {
        assertEquals("MAP<STRING, ARRAY<INT NOT NULL>> NOT NULL",
                TypeStrings.parseType("MAP<STRING, ARRAY<INT NOT NULL>> NOT NULL").toString());
        assertEquals(List.of("a", "b c"),
                TypeStrings.parseType("ROW<a INT, `b c` ROW(x STRING)>").fieldNames());
    }
}
