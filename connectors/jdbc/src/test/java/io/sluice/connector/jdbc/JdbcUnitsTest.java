package io.sluice.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.connector.jdbc.dialect.JdbcDialects;
import io.sluice.connector.jdbc.dialect.PostgresDialect;
import io.sluice.table.api.UnsupportedFeatureException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The parts of the connector that need no database: scan ranges, the lookup cache, SQL text. */
class JdbcUnitsTest {
    @Test
    void rangesCoverTheBoundsWithoutOverlap() {
        List<long[]> r = new JdbcScanPartitions("id", 1, 10, 3).ranges();
        assertEquals(3, r.size());
        assertArrayEquals(new long[] {1, 4}, r.get(0));
        assertArrayEquals(new long[] {5, 8}, r.get(1));
        assertArrayEquals(new long[] {9, 10}, r.get(2));
        assertEquals(2, new JdbcScanPartitions("id", 5, 6, 4).ranges().size(), "no empty ranges");
        List<long[]> extreme = new JdbcScanPartitions("id", Long.MIN_VALUE, Long.MAX_VALUE, 2).ranges();
        assertEquals(Long.MIN_VALUE, extreme.get(0)[0]);
        assertEquals(extreme.get(0)[1] + 1, extreme.get(1)[0]);
        assertEquals(Long.MAX_VALUE, extreme.get(1)[1]);
        List<long[]> second = new JdbcScanPartitions("id", 1, 10, 3).rangesOf(1, 2);
        assertEquals(1, second.size());
        assertArrayEquals(new long[] {5, 8}, second.get(0));
    }

    @Test
    void cacheExpiresAndEvicts() {
        AtomicLong now = new AtomicLong();
        LookupCache cache = new LookupCache(2L, Duration.ofNanos(100), Duration.ofNanos(50), now::get);
        cache.put(List.of(1), List.of());
        now.set(40);
        assertEquals(List.of(), cache.get(List.of(1)));
        now.set(80);
        assertEquals(List.of(), cache.get(List.of(1)), "read 40 ns ago: not expired after access");
        now.set(100);
        assertNull(cache.get(List.of(1)), "written 100 ns ago");
        cache.put(List.of(1), List.of());
        cache.put(List.of(2), List.of());
        cache.get(List.of(1));
        cache.put(List.of(3), List.of());
        assertEquals(2, cache.size());
        assertNull(cache.get(List.of(2)), "least recently used key evicted");
    }

    @Test
    void postgresStatements() {
        PostgresDialect d = new PostgresDialect();
        assertEquals("INSERT INTO \"s\".\"t\" (\"id\", \"v\") VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE SET"
                + " \"v\" = EXCLUDED.\"v\"", d.upsertStatement("s.t", List.of("id", "v"), List.of("id")));
        assertEquals("INSERT INTO \"t\" (\"id\") VALUES (?) ON CONFLICT (\"id\") DO NOTHING",
                d.upsertStatement("t", List.of("id"), List.of("id")));
        assertEquals("DELETE FROM \"t\" WHERE \"a\" = ? AND \"b\" = ?", d.deleteStatement("t", List.of("a", "b")));
        assertEquals("\"we\"\"ird\"", d.quoteIdentifier("we\"ird"));
        assertThrows(UnsupportedFeatureException.class, () -> JdbcDialects.forUrl("jdbc:mysql://h/db"));
    }
}
