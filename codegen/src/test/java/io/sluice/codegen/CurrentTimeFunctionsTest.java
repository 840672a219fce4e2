package io.sluice.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.types.LogicalType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flink's types and session-time-zone values of CURRENT_TIMESTAMP, LOCALTIMESTAMP, NOW() and friends. */
class CurrentTimeFunctionsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private BufferAllocator allocator;
    private ExpressionHarness h;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        h = new ExpressionHarness(allocator, new Configuration().set(ExecutionOptions.LOCAL_TIME_ZONE,
                SHANGHAI.getId()), LogicalType.timestamp(3));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private String typeOf(String expr) {
        return RelTypes.toLogicalType(h.plan("SELECT " + expr + " FROM t").projects.get(0).getType()).toString();
    }

    @Test
    void typesMatchFlink() {
        assertEquals("TIMESTAMP_LTZ(3) NOT NULL", typeOf("CURRENT_TIMESTAMP"));
        assertEquals("TIMESTAMP_LTZ(3) NOT NULL", typeOf("NOW()"));
        assertEquals("TIMESTAMP_LTZ(3) NOT NULL", typeOf("CURRENT_ROW_TIMESTAMP()"));
        assertEquals("TIMESTAMP(3) NOT NULL", typeOf("LOCALTIMESTAMP"));
        assertEquals("TIME(0) NOT NULL", typeOf("CURRENT_TIME"));
        assertEquals("TIME(0) NOT NULL", typeOf("LOCALTIME"));
        assertEquals("DATE NOT NULL", typeOf("CURRENT_DATE"));
        assertEquals("TIMESTAMP_LTZ(0) NOT NULL", typeOf("CURRENT_TIMESTAMP(0)"));
    }

    @Test
    void valuesUseTheSessionTimeZone() {
        Instant before = Instant.now();
        List<List<Object>> rows = h.run("SELECT CURRENT_TIMESTAMP, NOW(), LOCALTIMESTAMP, CURRENT_DATE, LOCALTIME, "
                + "CURRENT_TIMESTAMP(0) FROM t", new Object[] {null});
        Instant after = Instant.now();
        List<Object> r = rows.get(0);
        Instant ltz = (Instant) r.get(0);
        assertTrue(!ltz.isBefore(before.minusMillis(1)) && !ltz.isAfter(after.plusMillis(1)), ltz.toString());
        assertEquals(ltz, r.get(1));
        LocalDateTime local = (LocalDateTime) r.get(2);
        assertEquals(LocalDateTime.ofInstant(ltz, SHANGHAI), local);
        assertEquals(local.toLocalDate(), (LocalDate) r.get(3));
        assertEquals(local.toLocalTime().withNano(0), (LocalTime) r.get(4));
        assertEquals(ltz.getEpochSecond(), ((Instant) r.get(5)).getEpochSecond());
        assertEquals(0, ((Instant) r.get(5)).getNano());
    }

    @Test
    void comparesAndCastsWithTimestampColumns() {
        LocalDateTime past = LocalDateTime.of(2020, 1, 1, 0, 0);
        LocalDateTime future = LocalDateTime.now(SHANGHAI).plusDays(1);
        assertEquals(List.of(0), h.select("CURRENT_TIMESTAMP > c0", new Object[] {past}, new Object[] {future}));
        assertEquals(List.of(1), h.select("CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3)) < c0", new Object[] {past},
                new Object[] {future}));
        // a raw comparison of epoch millis with local millis would be off by the zone's 8 hours
        LocalDateTime twoHoursAgo = LocalDateTime.now(SHANGHAI).minusHours(2);
        assertEquals(List.of(0), h.select("CURRENT_TIMESTAMP > c0", new Object[] {twoHoursAgo}));
        assertEquals(List.of(0), h.select("c0 < NOW()", new Object[] {twoHoursAgo}));
        assertEquals(5L, ((Number) h.column("TIMESTAMPDIFF(HOUR, CURRENT_TIMESTAMP, c0)",
                new Object[] {LocalDateTime.now(SHANGHAI).plusMinutes(330)}).get(0)).longValue());
        Object[] row = {past};
        LocalDateTime local = (LocalDateTime) h.column("CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3))", row).get(0);
        Duration skew = Duration.between(LocalDateTime.now(SHANGHAI), local).abs();
        assertTrue(skew.toMinutes() < 5, skew.toString());
    }
}
