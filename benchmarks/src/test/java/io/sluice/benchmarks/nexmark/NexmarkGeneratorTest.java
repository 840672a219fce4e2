package io.sluice.benchmarks.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Nexmark generator: deterministic, split without overlap, event time in order, restorable. */
class NexmarkGeneratorTest {
    private static final long EVENTS = 10_007;
    private static final int BATCH = 500;

    private BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    /** Every row of reader {@code subtask} of {@code parallelism}, each as the list of its column values. */
    private List<List<Object>> read(NexmarkConfig config, int subtask, int parallelism) throws Exception {
        NexmarkSourceReader reader = reader(config, subtask, parallelism);
        reader.open();
        List<List<Object>> rows = new ArrayList<>();
        Output collect = collector(rows);
        while (reader.pollNext(collect) != ReadStatus.END_OF_INPUT) {
            // keep reading
        }
        reader.close();
        return rows;
    }

    private NexmarkSourceReader reader(NexmarkConfig config, int subtask, int parallelism) {
        int columns = config.table().columns().size();
        int[] all = new int[columns];
        for (int i = 0; i < columns; i++) {
            all[i] = i;
        }
        RowType type = config.table().rowType();
        Configuration conf = new Configuration().set(ExecutionOptions.BATCH_SIZE, BATCH);
        return new NexmarkSourceReader(config, all, new ReaderContext(all, type, allocator, conf, subtask, parallelism));
    }

    private static Output collector(List<List<Object>> rows) {
        return new Output() {
            @Override
            public void emit(RowBatch batch) {
                try (batch) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < batch.columnCount(); c++) {
                            FieldVector v = batch.vector(c);
                            assertTrue(!v.isNull(r), "no generated value is null");
                            Object value = v.getObject(r);
                            row.add(value == null ? null : value.toString());
                        }
                        rows.add(row);
                    }
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }
        };
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() throws Exception {
        for (NexmarkTable table : NexmarkTable.values()) {
            List<List<Object>> a = read(NexmarkConfig.of(table, EVENTS, 7), 0, 1);
            List<List<Object>> b = read(NexmarkConfig.of(table, EVENTS, 7), 0, 1);
            List<List<Object>> c = read(NexmarkConfig.of(table, EVENTS, 8), 0, 1);
            assertEquals(a, b, table + " with the same seed");
            assertNotEquals(a, c, table + " with another seed");
        }
    }

    @Test
    void mixAndCountsFollowTheStream() throws Exception {
        // 10,007 events = 200 full epochs + 7 events: 201 persons, 603 auctions, 9,200 + 3 bids.
        assertEquals(201, read(NexmarkConfig.of(NexmarkTable.PERSON, EVENTS, 1), 0, 1).size());
        assertEquals(603, read(NexmarkConfig.of(NexmarkTable.AUCTION, EVENTS, 1), 0, 1).size());
        List<List<Object>> bids = read(NexmarkConfig.of(NexmarkTable.BID, EVENTS, 1), 0, 1);
        assertEquals(9_203, bids.size());
        // Bids name auctions and persons that exist when the bid is made.
        for (List<Object> bid : bids) {
            long auction = Long.parseLong((String) bid.get(0));
            long bidder = Long.parseLong((String) bid.get(1));
            assertTrue(auction >= NexmarkModel.FIRST_ID && auction < NexmarkModel.FIRST_ID + 603, "auction " + auction);
            assertTrue(bidder >= NexmarkModel.FIRST_ID && bidder < NexmarkModel.FIRST_ID + 201, "bidder " + bidder);
            long price = Long.parseLong((String) bid.get(2));
            assertTrue(price >= 100 && price <= 100_000_000L, "price " + price);
        }
        List<List<Object>> persons = read(NexmarkConfig.of(NexmarkTable.PERSON, EVENTS, 1), 0, 1);
        assertEquals(String.valueOf(NexmarkModel.FIRST_ID), persons.get(0).get(0));
        assertEquals(String.valueOf(NexmarkModel.FIRST_ID + 200), persons.get(200).get(0));
    }

    @Test
    void parallelReadersSplitTheTableWithoutOverlap() throws Exception {
        for (NexmarkTable table : NexmarkTable.values()) {
            NexmarkConfig config = NexmarkConfig.of(table, EVENTS, 3);
            List<List<Object>> single = read(config, 0, 1);
            for (int p : new int[] {2, 3}) {
                List<List<Object>> union = new ArrayList<>();
                for (int i = 0; i < p; i++) {
                    List<List<Object>> part = read(config, i, p);
                    assertTrue(!part.isEmpty(), table + " reader " + i + " of " + p + " gets rows");
                    union.addAll(part);
                }
                assertEquals(single.size(), union.size(), table + " rows at parallelism " + p);
                Set<String> a = new HashSet<>();
                for (List<Object> row : single) {
                    assertTrue(a.add(row.toString()), "rows are distinct");
                }
                Set<String> b = new HashSet<>();
                for (List<Object> row : union) {
                    assertTrue(b.add(row.toString()), table + ": a row read twice at parallelism " + p);
                }
                assertEquals(a, b, table + " at parallelism " + p);
            }
        }
    }

    @Test
    void eventTimeNeverDecreasesWithinAReaderAndReadersStayClose() throws Exception {
        int timeColumn = NexmarkTable.BID.indexOf("dateTime");
        List<List<Object>> r0 = read(NexmarkConfig.of(NexmarkTable.BID, EVENTS, 5), 0, 2);
        List<List<Object>> r1 = read(NexmarkConfig.of(NexmarkTable.BID, EVENTS, 5), 1, 2);
        for (List<List<Object>> rows : List.of(r0, r1)) {
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(((String) rows.get(i - 1).get(timeColumn)).compareTo((String) rows.get(i).get(timeColumn)) <= 0,
                        "event time in order at row " + i);
            }
        }
        // The two readers' k-th rows are at most one epoch (50 events = 5 ms at 10,000 events/s) apart.
        for (int k = 0; k < Math.min(r0.size(), r1.size()); k++) {
            long t0 = java.time.LocalDateTime.parse((String) r0.get(k).get(timeColumn))
                    .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            long t1 = java.time.LocalDateTime.parse((String) r1.get(k).get(timeColumn))
                    .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            assertTrue(Math.abs(t1 - t0) <= 10, "skew at row " + k + ": " + (t1 - t0) + " ms");
        }
        // 10,007 events span a second of event time at 10,000 events/s.
        long first = java.time.LocalDateTime.parse((String) r0.get(0).get(timeColumn))
                .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        assertEquals(NexmarkModel.DEFAULT_BASE_TIME, first - 0, "bid 4 is at 0.4 ms, rounded down");
    }

    @Test
    void restoredReaderContinuesWhereTheSnapshotWasTaken() throws Exception {
        NexmarkConfig config = NexmarkConfig.of(NexmarkTable.BID, EVENTS, 9);
        List<List<Object>> expected = read(config, 1, 2);

        List<List<Object>> actual = new ArrayList<>();
        NexmarkSourceReader first = reader(config, 1, 2);
        first.open();
        first.pollNext(collector(actual));
        first.pollNext(collector(actual));
        byte[] position = first.snapshotPosition();
        first.close();

        NexmarkSourceReader second = reader(config, 1, 2);
        second.restorePosition(position);
        second.open();
        while (second.pollNext(collector(actual)) != ReadStatus.END_OF_INPUT) {
            // keep reading
        }
        second.close();
        assertEquals(2 * BATCH, (int) java.nio.ByteBuffer.wrap(position, 12, 8).getLong());
        assertEquals(expected, actual);
    }
}
