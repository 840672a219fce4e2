package io.sluice.connector.datagen;

import static io.sluice.connector.datagen.DataGenTestSupport.options;
import static io.sluice.connector.datagen.DataGenTestSupport.readAll;
import static io.sluice.connector.datagen.DataGenTestSupport.reader;
import static io.sluice.connector.datagen.DataGenTestSupport.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.datagen.DataGenTestSupport.CollectingOutput;
import io.sluice.connector.datagen.DataGenTestSupport.FakeClock;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataGenSourceReaderTest {
    private static final String FAST = "1000000000";

    private BufferAllocator allocator;
    private FakeClock clock;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        clock = new FakeClock();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private List<Row> read(RowType type, Map<String, String> options, int batchSize, int subtask, int parallelism,
            CollectingOutput out) throws Exception {
        try (DataGenSourceReader reader = reader(source(type, options), type, allocator, batchSize, subtask,
                parallelism, clock)) {
            reader.open();
            return readAll(reader, clock, out);
        }
    }

    private List<Row> read(RowType type, Map<String, String> options) throws Exception {
        return read(type, options, 1000, 0, 1, new CollectingOutput());
    }

    private static RowType type(String name, LogicalType t) {
        return RowType.of(new String[] {name}, new LogicalType[] {t});
    }

    @Test
    void boundedRowCountIsExact() throws Exception {
        RowType type = RowType.of(new String[] {"a", "s"}, new LogicalType[] {LogicalType.integer(), LogicalType.string()});
        CollectingOutput out = new CollectingOutput();
        List<Row> rows = read(type, options("rows-per-second", FAST, "number-of-rows", "10007"), 1000, 0, 1, out);
        assertEquals(10007, rows.size());
        assertTrue(out.batchSizes.stream().allMatch(n -> n > 0 && n <= 1000), out.batchSizes.toString());
        assertEquals(100, ((String) rows.get(0).getField(1)).length());

        int total = 0;
        for (int subtask = 0; subtask < 3; subtask++) {
            int n = read(type, options("rows-per-second", FAST, "number-of-rows", "10"), 4, subtask, 3,
                    new CollectingOutput()).size();
            assertEquals(subtask == 0 ? 4 : 3, n);
            total += n;
        }
        assertEquals(10, total);
        assertEquals(0, read(type, options("number-of-rows", "0")).size());
    }

    @Test
    void sequencesAreExact() throws Exception {
        RowType type = RowType.of(new String[] {"i", "b", "s", "d", "bin", "f"}, new LogicalType[] {
            LogicalType.integer(), LogicalType.bigint(), LogicalType.string(), LogicalType.decimal(10, 2),
            LogicalType.bytes(), LogicalType.doubleType()});
        Map<String, String> options = options("rows-per-second", FAST);
        for (String f : new String[] {"i", "b", "s", "d", "bin", "f"}) {
            options.put("fields." + f + ".kind", "sequence");
            options.put("fields." + f + ".start", f.equals("b") ? "-5" : "1");
            options.put("fields." + f + ".end", "1000");
        }
        List<Row> rows = read(type, options, 64, 0, 1, new CollectingOutput());
        assertEquals(1000, rows.size()); // the shortest sequence ends the table
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            assertEquals(k + 1, r.getField(0));
            assertEquals(k - 5L, r.getField(1));
            assertEquals(Integer.toString(k + 1), r.getField(2));
            assertEquals(new BigDecimal(k + 1).setScale(2), r.getField(3));
            assertArrayEquals(java.nio.ByteBuffer.allocate(8).putLong(k + 1).array(), (byte[]) r.getField(4));
            assertEquals((double) (k + 1), r.getField(5));
        }
        // number-of-rows shorter than the sequence wins
        options.put("number-of-rows", "7");
        assertEquals(7, read(type, options).size());
        // negative values as text
        RowType text = type("t", LogicalType.varchar(30));
        List<Row> neg = read(text, options("fields.t.kind", "sequence", "fields.t.start", "-12", "fields.t.end", "-10"));
        assertEquals(List.of("-12", "-11", "-10"), neg.stream().map(r -> r.getField(0)).toList());
    }

    @Test
    void sequenceIsSplitWithoutOverlap() throws Exception {
        RowType type = RowType.of(new String[] {"id", "r"}, new LogicalType[] {LogicalType.bigint(), LogicalType.integer()});
        Map<String, String> options = options("rows-per-second", FAST, "fields.id.kind", "sequence",
                "fields.id.start", "10", "fields.id.end", "110");
        Set<Long> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            List<Row> rows = read(type, options, 16, subtask, 2, new CollectingOutput());
            sizes.add(rows.size());
            for (Row r : rows) {
                assertTrue(seen.add((Long) r.getField(0)), "duplicate " + r);
            }
        }
        assertEquals(List.of(51, 50), sizes);
        Set<Long> expected = new HashSet<>();
        for (long v = 10; v <= 110; v++) {
            expected.add(v);
        }
        assertEquals(expected, seen);
    }

    @Test
    void nullRateIsRoughlyHonoured() throws Exception {
        RowType type = RowType.of(new String[] {"a", "s", "d", "ts"}, new LogicalType[] {
            LogicalType.integer(), LogicalType.varchar(20), LogicalType.decimal(20, 4), LogicalType.timestamp(3)});
        List<Row> rows = read(type, options("rows-per-second", FAST, "number-of-rows", "20000",
                "fields.a.null-rate", "0.3", "fields.s.null-rate", "0.5", "fields.d.null-rate", "0.1"));
        double[] expected = {0.3, 0.5, 0.1, 0.0};
        for (int c = 0; c < 4; c++) {
            int nulls = 0;
            for (Row r : rows) {
                nulls += r.getField(c) == null ? 1 : 0;
            }
            double rate = nulls / 20000.0;
            assertTrue(Math.abs(rate - expected[c]) < 0.02, "column " + c + " null rate " + rate);
        }
    }

    @Test
    void randomValuesStayWithinBounds() throws Exception {
        RowType type = RowType.of(new String[] {"i", "l", "t", "f", "d", "dec", "wide", "v", "c", "bin"},
                new LogicalType[] {LogicalType.integer(), LogicalType.bigint(), LogicalType.tinyint(),
                    LogicalType.floatType(), LogicalType.doubleType(), LogicalType.decimal(5, 2),
                    LogicalType.decimal(38, 6), LogicalType.varchar(12), LogicalType.of(io.sluice.runtime.types.TypeRoot.CHAR, 5),
                    LogicalType.of(io.sluice.runtime.types.TypeRoot.VARBINARY, 9)});
        List<Row> rows = read(type, options("rows-per-second", FAST, "number-of-rows", "5000",
                "fields.i.min", "-3", "fields.i.max", "3",
                "fields.l.min", "9223372036854775800",
                "fields.f.min", "-1.5", "fields.f.max", "2.5",
                "fields.d.min", "100", "fields.d.max", "100.5",
                "fields.dec.min", "-1.5", "fields.dec.max", "1.25",
                "fields.wide.min", "-99999999999999999999999999999999.999999",
                "fields.v.var-len", "true", "fields.bin.length", "4"));
        Set<Object> ints = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        BigDecimal wideMin = null;
        BigDecimal wideMax = null;
        for (Row r : rows) {
            int i = (Integer) r.getField(0);
            assertTrue(i >= -3 && i <= 3, "i=" + i);
            ints.add(i);
            assertTrue((Long) r.getField(1) >= 9223372036854775800L);
            byte t = (Byte) r.getField(2);
            assertTrue(t >= Byte.MIN_VALUE && t <= Byte.MAX_VALUE);
            float f = (Float) r.getField(3);
            assertTrue(f >= -1.5f && f <= 2.5f, "f=" + f);
            double d = (Double) r.getField(4);
            assertTrue(d >= 100 && d <= 100.5, "d=" + d);
            BigDecimal dec = (BigDecimal) r.getField(5);
            assertTrue(dec.compareTo(new BigDecimal("-1.5")) >= 0 && dec.compareTo(new BigDecimal("1.25")) <= 0, "dec=" + dec);
            assertEquals(2, dec.scale());
            BigDecimal wide = (BigDecimal) r.getField(6);
            assertTrue(wide.abs().compareTo(new BigDecimal("99999999999999999999999999999999.999999")) <= 0);
            wideMin = wideMin == null || wide.compareTo(wideMin) < 0 ? wide : wideMin;
            wideMax = wideMax == null || wide.compareTo(wideMax) > 0 ? wide : wideMax;
            String v = (String) r.getField(7);
            assertTrue(v.length() >= 1 && v.length() <= 12 && v.matches("[0-9a-f]+"), v);
            lengths.add(v.length());
            assertEquals(5, ((String) r.getField(8)).length());
            assertEquals(4, ((byte[]) r.getField(9)).length);
        }
        assertEquals(7, ints.size(), "every value of [-3, 3] appears");
        assertTrue(lengths.size() > 5, "var-len gives varying lengths: " + lengths);
        assertTrue(wideMin.signum() < 0 && wideMax.signum() > 0, wideMin + " .. " + wideMax);
        assertTrue(wideMax.subtract(wideMin).compareTo(new BigDecimal("1e31")) > 0, "spread over the whole range");
    }

    @Test
    void timeColumns() throws Exception {
        RowType type = RowType.of(new String[] {"ts", "ltz", "day", "t"}, new LogicalType[] {
            LogicalType.timestamp(3), LogicalType.timestampLtz(3), LogicalType.date(), LogicalType.of(io.sluice.runtime.types.TypeRoot.TIME)});
        long before = System.currentTimeMillis();
        List<Row> rows = read(type, options("rows-per-second", FAST, "number-of-rows", "2000",
                "fields.ts.max-past", "1 h"));
        long after = System.currentTimeMillis();
        boolean anyPast = false;
        for (Row r : rows) {
            long ts = ((LocalDateTime) r.getField(0)).toInstant(ZoneOffset.UTC).toEpochMilli();
            assertTrue(ts <= after && ts > before - Duration.ofHours(1).toMillis(), "ts=" + ts);
            anyPast |= ts < before - 60_000;
            long ltz = ((Instant) r.getField(1)).toEpochMilli();
            assertTrue(ltz >= before && ltz <= after);
            LocalDate day = (LocalDate) r.getField(2);
            assertTrue(Math.abs(day.toEpochDay() - LocalDate.now(ZoneOffset.UTC).toEpochDay()) <= 1);
            assertNotNull(r.getField(3));
        }
        assertTrue(anyPast, "max-past moves timestamps into the past");
    }

    @Test
    void projectionProducesRequestedColumnsInOrder() throws Exception {
        RowType type = RowType.of(new String[] {"a", "b", "c"},
                new LogicalType[] {LogicalType.integer(), LogicalType.string(), LogicalType.bigint()});
        DataGenTableSource src = source(type, options("rows-per-second", FAST, "number-of-rows", "5",
                "fields.c.kind", "sequence", "fields.c.start", "1", "fields.c.end", "3",
                "fields.a.min", "7", "fields.a.max", "7"));
        CollectingOutput out = new CollectingOutput();
        try (DataGenSourceReader r = reader(src, type, new int[] {2, 0}, allocator, 10, 0, 1, clock)) {
            r.open();
            readAll(r, clock, out);
        }
        assertEquals(3, out.rows.size()); // the unprojected-in-order sequence still bounds the table
        for (int k = 0; k < 3; k++) {
            assertEquals(2, out.rows.get(k).getArity());
            assertEquals(k + 1L, out.rows.get(k).getField(0));
            assertEquals(7, out.rows.get(k).getField(1));
        }
        try (DataGenSourceReader r = reader(src, type, new int[0], allocator, 10, 0, 1, clock)) {
            r.open();
            assertEquals(3, readAll(r, clock, new CollectingOutput()).size());
        }
    }

    @Test
    void snapshotAndRestoreContinueTheSequence() throws Exception {
        RowType type = RowType.of(new String[] {"id", "r"}, new LogicalType[] {LogicalType.integer(), LogicalType.doubleType()});
        DataGenTableSource src = source(type, options("rows-per-second", FAST, "fields.id.kind", "sequence",
                "fields.id.start", "0", "fields.id.end", "99"));
        CollectingOutput before = new CollectingOutput();
        byte[] position;
        try (DataGenSourceReader r = reader(src, type, allocator, 10, 1, 2, clock)) {
            r.open();
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(before));
            clock.advanceMillis(1000);
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(before));
            position = r.snapshotPosition();
        }
        CollectingOutput after = new CollectingOutput();
        try (DataGenSourceReader r = reader(src, type, allocator, 10, 1, 2, clock)) {
            r.restorePosition(position);
            r.open();
            assertEquals(20, r.emittedRows());
            readAll(r, clock, after);
        }
        List<Object> ids = new ArrayList<>();
        before.rows.forEach(row -> ids.add(row.getField(0)));
        after.rows.forEach(row -> ids.add(row.getField(0)));
        List<Object> expected = new ArrayList<>();
        for (int v = 1; v < 100; v += 2) {
            expected.add(v);
        }
        assertEquals(expected, ids);
        try (DataGenSourceReader r = reader(src, type, allocator, 10, 0, 3, clock)) {
            byte[] p = position;
            assertThrows(UnsupportedFeatureException.class, () -> r.restorePosition(p));
        }
    }

    @Test
    void readersRestoredAtAnotherParallelismShareTheRemainingSequenceInOrder() throws Exception {
        RowType type = RowType.of(new String[] {"id"}, new LogicalType[] {LogicalType.bigint()});
        DataGenTableSource src = source(type, options("rows-per-second", FAST, "fields.id.kind", "sequence",
                "fields.id.start", "0", "fields.id.end", "99"));
        for (int[] change : new int[][] {{2, 3}, {3, 2}, {2, 1}, {1, 4}}) {
            int from = change[0];
            int to = change[1];
            List<Object> ids = new ArrayList<>();
            List<byte[]> positions = new ArrayList<>();
            for (int i = 0; i < from; i++) {
                CollectingOutput out = new CollectingOutput();
                try (DataGenSourceReader r = reader(src, type, allocator, 4 + i, i, from, clock)) {
                    r.open();
                    r.pollNext(out); // readers stop at different points
                    clock.advanceMillis(1000);
                    r.pollNext(out);
                    positions.add(r.snapshotPosition());
                }
                out.rows.forEach(row -> ids.add(row.getField(0)));
            }
            for (int j = 0; j < to; j++) {
                CollectingOutput out = new CollectingOutput();
                try (DataGenSourceReader r = reader(src, type, allocator, 7, j, to, clock)) {
                    r.restoreRescaledPositions(positions);
                    r.open();
                    readAll(r, clock, out);
                }
                long last = -1;
                for (Row row : out.rows) {
                    long id = (Long) row.getField(0);
                    assertTrue(id > last, "reader " + j + " of " + to + " emits in order: " + id + " after " + last);
                    last = id;
                    ids.add(id);
                }
            }
            assertEquals(100, ids.size(), from + " -> " + to + ": every value once");
            assertEquals(100, new HashSet<>(ids).size(), from + " -> " + to + ": no value twice");
        }
    }

    @Test
    void rateLimitReturnsNothingAvailableWhenAhead() throws Exception {
        RowType type = type("a", LogicalType.integer());
        CollectingOutput out = new CollectingOutput();
        try (DataGenSourceReader r = reader(source(type, options("rows-per-second", "10")), type, allocator, 4096, 0, 1,
                clock)) {
            r.open();
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(out));
            assertEquals(List.of(2), out.batchSizes); // 200 ms worth of rows
            assertEquals(ReadStatus.NOTHING_AVAILABLE, r.pollNext(out));
            clock.advanceMillis(100);
            assertEquals(ReadStatus.NOTHING_AVAILABLE, r.pollNext(out));
            clock.advanceMillis(100);
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(out));
            assertEquals(List.of(2, 2), out.batchSizes);
            // after a long stall at most about a second of rows is released at once
            clock.advanceMillis(60_000);
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(out));
            assertTrue(out.batchSizes.get(2) <= 4096, out.batchSizes.toString());
            assertEquals(ReadStatus.NOTHING_AVAILABLE, r.pollNext(out));
        }
        // the rate is shared: with parallelism 2 each reader gets 5 rows/s, i.e. 1 row per 200 ms
        CollectingOutput half = new CollectingOutput();
        try (DataGenSourceReader r = reader(source(type, options("rows-per-second", "10")), type, allocator, 4096, 1, 2,
                clock)) {
            r.open();
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(half));
            assertEquals(ReadStatus.NOTHING_AVAILABLE, r.pollNext(half));
            clock.advanceMillis(1000);
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(half));
            assertEquals(List.of(1, 5), half.batchSizes);
        }
        // high rates fill batches up to the batch size
        CollectingOutput fast = new CollectingOutput();
        try (DataGenSourceReader r = reader(source(type, options()), type, allocator, 1024, 0, 1, clock)) {
            r.open();
            assertEquals(ReadStatus.MORE_AVAILABLE, r.pollNext(fast));
            assertEquals(List.of(1024), fast.batchSizes);
        }
    }

    @Test
    void realClockPacesRows() throws Exception {
        RowType type = type("a", LogicalType.integer());
        DataGenTableSource src = source(type, options("rows-per-second", "50", "number-of-rows", "20"));
        CollectingOutput out = new CollectingOutput();
        long start = System.nanoTime();
        try (DataGenSourceReader r = (DataGenSourceReader) src.createReader(new io.sluice.runtime.connector.ReaderContext(
                new int[] {0}, type, allocator, new io.sluice.runtime.config.Configuration(), 0, 1))) {
            r.open();
            ReadStatus s;
            while ((s = r.pollNext(out)) != ReadStatus.END_OF_INPUT) {
                if (s == ReadStatus.NOTHING_AVAILABLE) {
                    Thread.sleep(5);
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(20, out.rows.size());
        assertTrue(millis >= 150, "20 rows at 50/s with a 10-row head start take >= 200 ms, took " + millis);
        assertTrue(out.batchSizes.stream().allMatch(n -> n <= 10), out.batchSizes.toString());
    }
}
