package io.sluice.python.datastream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.java.tuple.Tuple2;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every value kind the engine hands to Python comes back equal. */
class RecordCodecTest {
    private static Object roundTrip(Object v) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        RecordCodec.write(out, v);
        out.flush();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        Object back = RecordCodec.read(in);
        assertEquals(-1, in.read(), "the whole value was read");
        return back;
    }

    @Test
    void scalarsRowsTuplesAndCollections() throws Exception {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("a", 1L);
        map.put("b", null);
        List<Object> values = Arrays.asList(null, true, 7, 7L, 1.5f, 2.5d, "tēxt", new BigDecimal("12.340"),
                (short) 3, (byte) 4, LocalDate.of(2024, 2, 29), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123456000),
                Instant.ofEpochSecond(-5, 1000), Row.ofKind(RowKind.UPDATE_AFTER, "x", 1L, null),
                Tuple2.of("k", Tuple3.of(1, 2.0, "z")), new ArrayList<>(List.of(1L, 2L)), map);
        for (Object v : values) {
            assertEquals(v, roundTrip(v), String.valueOf(v));
        }
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) roundTrip(new byte[] {1, 2, 3}));
    }

    @Test
    void unknownClassesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> roundTrip(new Object()));
        assertEquals("A record of class java.lang.Object cannot be passed to Python", e.getMessage());
    }
}
