package io.sluice.connector.filesystem.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decoder's fast paths (the 64-bytes-at-a-time scan of plain records, the loop-free integer and
 * fixed-layout timestamp parsers) give exactly what the general paths give: random files mixing plain and
 * irregular records are decoded with and without the plain scan, and numbers and timestamps are checked
 * against {@link Long#parseLong} and {@link LocalDateTime#parse}.
 */
class CsvFastPathTest {
    private static final RowType TYPE = new RowType(List.of("a", "b", "s", "ts", "i"),
            List.of(LogicalType.bigint(), LogicalType.bigint(), LogicalType.string(), LogicalType.timestamp(3),
                    LogicalType.integer()));

    private RootAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    @Test
    void plainScanMatchesGeneralScanOnRandomFiles() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 60; round++) {
            boolean comments = random.nextBoolean();
            CsvFormatConfig config = new CsvFormatConfig(round % 3 == 0 ? '\t' : ',', '"', null, comments, true,
                    round % 4 == 0 ? "NULL" : null);
            char delimiter = (char) config.delimiter;
            StringBuilder sb = new StringBuilder();
            int rows = 1 + random.nextInt(3000);
            for (int r = 0; r < rows; r++) {
                appendRecord(sb, random, delimiter, comments);
            }
            if (random.nextBoolean()) {
                sb.setLength(sb.length() - 1); // no final line break
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            int batch = 1 + random.nextInt(5000);
            int chunk = random.nextInt(4) == 0 ? 1 + random.nextInt(300) : Integer.MAX_VALUE;
            Result general = decode(bytes, config, batch, chunk, false);
            Result plain = decode(bytes, config, batch, chunk, true);
            assertEquals(general.rows.size(), plain.rows.size(), "round " + round);
            assertEquals(general.rows, plain.rows, "round " + round);
            assertEquals(general.skipped, plain.skipped, "round " + round);
            assertTrue(general.rows.size() > rows / 4, "most records are valid, round " + round);
        }
    }

    @Test
    void errorsNameTheSameLineWithAndWithoutThePlainScan() throws Exception {
        CsvFormatConfig strict = CsvFormatConfig.defaults();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(i).append(',').append(i * 7).append(",x").append(i).append(",2024-03-01 10:00:00.123,")
                    .append(i % 100).append('\n');
        }
        String good = sb.toString();
        String[] bad = {"1,2,x,2024-02-30 10:00:00.000,3\n", "1,2,x,2024-03-01 24:00:00.000,3\n",
            "1,2x,x,2024-03-01 10:00:00.000,3\n", "1,2,x,2024-03-01 10:00:00.000,3000000000\n",
            "1,2,x,2024-03-01 10:00:00.000\n", "1,2,x,2024-03-01 10:00:00.000,3,4\n", "1,2,x,2024-03-0110:00:00.000,3\n",
            "99999999999999999999,2,x,2024-03-01 10:00:00.000,3\n"};
        for (String b : bad) {
            byte[] bytes = (good + b + good).getBytes(StandardCharsets.UTF_8);
            String general = failure(bytes, strict, false);
            String plain = failure(bytes, strict, true);
            assertTrue(general.contains("mem:2001"), general);
            assertEquals(general, plain);
        }
    }

    @Test
    void integersOfEveryLengthAndSign() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder();
        List<Long> expected = new ArrayList<>();
        for (int len = 1; len <= 19; len++) {
            for (int k = 0; k < 20; k++) {
                StringBuilder digits = new StringBuilder();
                for (int d = 0; d < len; d++) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                if (len == 19 && digits.charAt(0) > '8') {
                    digits.setCharAt(0, '8');
                }
                String text = (k % 5 == 1 ? "-" : k % 5 == 2 ? "+" : "") + digits + (k % 7 == 3 ? " " : "");
                expected.add(Long.parseLong(text.trim()));
                sb.append(text).append(",0,s,,1\n");
            }
        }
        sb.append(Long.MIN_VALUE).append(",0,s,,1\n").append(Long.MAX_VALUE).append(",0,s,,1\n");
        expected.add(Long.MIN_VALUE);
        expected.add(Long.MAX_VALUE);
        Result result = decode(sb.toString().getBytes(StandardCharsets.UTF_8), CsvFormatConfig.defaults(), 4096,
                Integer.MAX_VALUE, true);
        List<Long> actual = new ArrayList<>();
        for (Row row : result.rows) {
            actual.add((Long) row.getField(0));
        }
        assertEquals(expected, actual);
    }

    @Test
    void fixedLayoutTimestampsAgreeWithJavaTime() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder();
        List<LocalDateTime> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            LocalDateTime t = LocalDateTime.of(1 + random.nextInt(9998), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1_000_000);
            if (i % 10 == 0) {
                t = t.withDayOfMonth(t.toLocalDate().lengthOfMonth()); // includes Feb 29 of leap years
            }
            boolean millis = i % 3 != 0;
            if (!millis) {
                t = t.withNano(0);
            }
            String text = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), i % 4 == 0 ? 'T' : ' ', t.getHour(), t.getMinute(), t.getSecond())
                    + (millis ? String.format(".%03d", t.getNano() / 1_000_000) : "");
            expected.add(t);
            sb.append("1,2,s,").append(text).append(",3\n");
        }
        Result result = decode(sb.toString().getBytes(StandardCharsets.UTF_8), CsvFormatConfig.defaults(), 4096,
                Integer.MAX_VALUE, true);
        List<Object> actual = new ArrayList<>();
        for (Row row : result.rows) {
            actual.add(row.getField(3));
        }
        assertEquals(expected, actual);
    }

    private static void appendRecord(StringBuilder sb, SplittableRandom random, char delimiter, boolean comments) {
        int kind = random.nextInt(40);
        if (kind == 0) {
            sb.append('\n'); // empty line
            return;
        }
        if (kind == 1) {
            sb.append(comments ? "# a comment, with a delimiter\n" : "#1,2,s,,3\n");
            return;
        }
        int fields = kind == 2 ? 4 : kind == 3 ? 6 : 5;
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                sb.append(delimiter);
            }
            sb.append(field(random, f));
        }
        sb.append(kind == 4 ? "\r\n" : kind == 5 ? "\r" : "\n");
    }

    private static String field(SplittableRandom random, int f) {
        int pick = random.nextInt(30);
        if (pick == 0) {
            return "";
        }
        if (pick == 1) {
            return "\"quoted, with \"\" and\nbreak\"";
        }
        if (pick == 2) {
            return "NULL";
        }
        if (pick == 3) {
            return "in\tside";
        }
        switch (f) {
            case 0:
            case 1:
                return pick == 4 ? "-" + random.nextInt(1000) : pick == 5 ? " 12 " : pick == 6 ? "1x"
                        : Long.toString(random.nextLong(1L << (1 + random.nextInt(62))));
            case 2:
                return pick == 4 ? "mid\"quote" : "text" + "é".repeat(random.nextInt(3)) + "z".repeat(random.nextInt(90));
            case 3:
                return pick == 4 ? "2024-13-01 00:00:00" : pick == 5 ? "2024-01-01 10:00" : pick == 6 ? "2024-01-01T10:00:00.5"
                        : String.format("20%02d-%02d-%02d %02d:%02d:%02d.%03d", random.nextInt(100), 1 + random.nextInt(12),
                                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                                random.nextInt(1000));
            default:
                return pick == 4 ? "99999999999" : Integer.toString(random.nextInt());
        }
    }

    private static final class Result {
        final List<Row> rows = new ArrayList<>();
        long skipped;
    }

    private Result decode(byte[] bytes, CsvFormatConfig config, int batchRows, int chunk, boolean plain)
            throws Exception {
        Result result = new Result();
        try (CsvDecoder decoder = decoder(bytes, config, chunk, plain)) {
            boolean more = true;
            while (more) {
                try (RowBatch batch = RowBatch.allocate(TYPE, allocator, batchRows)) {
                    more = decoder.decode(batch, batchRows);
                    for (int r = 0; r < batch.rowCount(); r++) {
                        result.rows.add(batch.getRow(r));
                    }
                }
            }
            result.skipped = decoder.skippedRecords();
        }
        return result;
    }

    private String failure(byte[] bytes, CsvFormatConfig config, boolean plain) throws Exception {
        try {
            decode(bytes, config, 1024, Integer.MAX_VALUE, plain);
        } catch (io.sluice.table.api.TableException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    private static CsvDecoder decoder(byte[] bytes, CsvFormatConfig config, int chunk, boolean plain) {
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        CsvDecoder decoder = new CsvDecoder(in, "mem", config, TYPE, new int[] {0, 1, 2, 3, 4});
        if (!plain) {
            decoder.disablePlainScan();
        }
        return decoder;
    }
}
