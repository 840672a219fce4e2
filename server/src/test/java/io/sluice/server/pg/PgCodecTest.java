package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The hard parts of the codec: numeric's binary form, parameter substitution, text output of temporal types. */
class PgCodecTest {

    @Test
    void numericBinaryRoundTrips() {
        for (String v : new String[] {"0", "1", "-1", "12.345", "10000", "0.0001", "-98765432109876.54321", "100.00",
            "0.000001234"}) {
            BigDecimal d = new BigDecimal(v);
            BigDecimal back = PgValueEncoder.numericFromBinary(ByteBuffer.wrap(PgValueEncoder.numericBinary(d)));
            assertEquals(0, d.compareTo(back), v + " came back as " + back);
            assertEquals(d.scale(), back.scale(), v);
        }
        // 12.345: 2 digits (12, 3450), weight 0, positive, scale 3
        assertArrayEquals(new byte[] {0, 2, 0, 0, 0, 0, 0, 3, 0, 12, 0x0d, 0x7a},
                PgValueEncoder.numericBinary(new BigDecimal("12.345")));
    }

    @Test
    void parametersBecomeLiteralsOutsideQuotesAndComments() {
        String sql = "SELECT $1, '$1', `$2` -- $2\n, $2 /* $1 */";
        byte[][] values = {"it's".getBytes(StandardCharsets.UTF_8), "42".getBytes(StandardCharsets.UTF_8)};
        assertEquals("SELECT 'it''s', '$1', `$2` -- $2\n, 42 /* $1 */",
                PgParameterBinder.bind(sql, new int[] {25, 23}, new short[0], values));
        assertEquals(2, PgParameterBinder.parameterCount(sql));
        assertEquals("SELECT NULL", PgParameterBinder.bind("SELECT $1", new int[] {23}, new short[0], new byte[1][]));
        byte[] binaryInt = ByteBuffer.allocate(4).putInt(-7).array();
        assertEquals("SELECT -7", PgParameterBinder.bind("SELECT $1", new int[] {23}, new short[] {1},
                new byte[][] {binaryInt}));
    }

    @Test
    void badParameterValuesAreRefusedWithSqlState() {
        PgProtocolException e = assertThrows(PgProtocolException.class, () -> PgParameterBinder.bind("SELECT $1",
                new int[] {23}, new short[0], new byte[][] {"1; DROP TABLE t".getBytes(StandardCharsets.UTF_8)}));
        assertEquals("22P02", e.sqlState());
        assertThrows(PgProtocolException.class, () -> PgParameterBinder.bind("SELECT $2", new int[0], new short[0],
                new byte[][] {"1".getBytes(StandardCharsets.UTF_8)}));
    }

    @Test
    void temporalTextMatchesPostgres() {
        PgValueEncoder enc = new PgValueEncoder(ZoneId.of("Europe/Berlin"));
        assertEquals("2024-01-31 10:00:00.123", enc.text(PgColumn.of("t", LogicalType.timestamp(3)),
                LocalDateTime.of(2024, 1, 31, 10, 0, 0, 123_000_000)));
        assertEquals("2024-01-31 11:00:00+01", enc.text(PgColumn.of("t", LogicalType.timestampLtz(3)),
                Instant.parse("2024-01-31T10:00:00Z")));
        assertEquals("\\x0a1b", enc.text(PgColumn.of("b", LogicalType.bytes()), new byte[] {10, 27}));
        assertEquals("t", enc.text(PgColumn.of("b", LogicalType.booleanType()), true));
    }

    @Test
    void errorPositionsCountFromTheQueryString() {
        assertEquals(0, PgErrors.offsetOf("SELECT 1", 1, 1));
        assertEquals(12, PgErrors.offsetOf("SELECT 1\nFROM x", 2, 4));
        assertEquals(-1, PgErrors.offsetOf("SELECT 1", 3, 1));
    }
}
