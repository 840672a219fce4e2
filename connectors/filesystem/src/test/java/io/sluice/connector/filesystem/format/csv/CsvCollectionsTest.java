package io.sluice.connector.filesystem.format.csv;

import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.filesystem.FileSystemTableFactory;
import io.sluice.connector.filesystem.FileSystemTestSupport;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARRAY and ROW columns in the csv format, read and written as Flink's csv format has them. */
class CsvCollectionsTest {
    private static final LogicalType POINT = LogicalType.row(List.of("name", "x", "day"),
            List.of(LogicalType.string(), LogicalType.doubleType(), LogicalType.date()));
    private static final RowType TYPE = new RowType(List.of("id", "tags", "nums", "p"),
            List.of(LogicalType.integer(), LogicalType.array(LogicalType.string()),
                    LogicalType.array(LogicalType.bigint()), POINT));

    @TempDir
    Path dir;
    private RootAllocator allocator;
    private FileSystemTestSupport fs;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        fs = new FileSystemTestSupport(allocator);
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private Path file(String content) throws Exception {
        Path p = dir.resolve("in.csv");
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private String written(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> files = s.sorted().collect(Collectors.toList());
            assertEquals(1, files.size());
            return Files.readString(files.get(0));
        }
    }

    @Test
    void readsArraysAndRowsSeparatedBySemicolons() throws Exception {
        Path p = file("1,a;b,1;2;3,home;1.5;2024-01-02\n"
                + "2,\"x,y;z\",,\n"
                + "3,;,4;;6,;;\n");
        List<Row> rows = fs.read(TYPE, csvOptions(p));
        assertEquals(List.of(
                Row.of(1, new String[] {"a", "b"}, new Long[] {1L, 2L, 3L}, Row.of("home", 1.5, LocalDate.of(2024, 1, 2))),
                Row.of(2, new String[] {"x,y", "z"}, new Long[0], null),
                Row.of(3, new String[] {"", ""}, new Long[] {4L, null, 6L}, Row.of("", null, null))), rows);
    }

    @Test
    void writesWhatItReadsAndQuotesTheWholeValue() throws Exception {
        Path out = dir.resolve("out");
        List<Row> rows = List.of(
                Row.of(1, new String[] {"a", "b,c"}, new Long[] {1L, null, -3L}, Row.of("p", -0.5, LocalDate.of(1999, 12, 31))),
                Row.of(2, new String[0], null, Row.of(null, null, null)),
                Row.of(3, null, new Long[] {7L}, null));
        fs.write(TYPE, csvOptions(out), rows);
        assertEquals("1,\"a;b,c\",1;;-3,p;-0.5;1999-12-31\n2,,,;;\n3,,7,\n", written(out));
        List<Row> back = fs.read(TYPE, csvOptions(out));
        assertEquals(rows.get(0), back.get(0));
        // as in Flink, without a null literal a NULL array reads back as an empty one, and a ROW of NULL
        // strings as a ROW of empty strings
        assertEquals(Row.of(2, new String[0], new Long[0], Row.of("", null, null)), back.get(1));
        assertEquals(Row.of(3, new String[0], new Long[] {7L}, null), back.get(2));
    }

    @Test
    void nullLiteralMarksNullCollectionsAndElementsAndTheDelimiterIsAnOption() throws Exception {
        Path out = dir.resolve("out");
        List<Row> rows = List.of(
                Row.of(1, new String[] {"a", null, ""}, null, Row.of(null, 2.0, null)),
                Row.of(2, null, new Long[0], null));
        var options = csvOptions(out, "csv.null-literal", "\\N", "csv.array-element-delimiter", "|");
        fs.write(TYPE, options, rows);
        assertEquals("1,a|\\N|,\\N,\\N|2.0|\\N\n2,\\N,,\\N\n", written(out));
        assertEquals(rows, fs.read(TYPE, options));
    }

    @Test
    void everyScalarElementTypeRoundTrips() throws Exception {
        RowType t = new RowType(List.of("b", "dec", "bin", "tm", "ts", "ltz", "f"),
                List.of(LogicalType.array(LogicalType.booleanType()), LogicalType.array(LogicalType.decimal(5, 2)),
                        LogicalType.array(LogicalType.bytes()), LogicalType.array(LogicalType.of(
                                io.sluice.runtime.types.TypeRoot.TIME, 3)),
                        LogicalType.array(LogicalType.timestamp(6)), LogicalType.array(LogicalType.timestampLtz(3)),
                        LogicalType.array(LogicalType.floatType())));
        Path out = dir.resolve("out");
        List<Row> rows = List.of(Row.of(new Boolean[] {true, false}, new BigDecimal[] {new BigDecimal("1.50")},
                new byte[][] {{1, 2}, {}}, new LocalTime[] {LocalTime.of(10, 0, 1, 5_000_000)},
                new LocalDateTime[] {LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000)},
                new java.time.Instant[] {java.time.Instant.parse("2024-05-06T07:08:09.010Z")},
                new Float[] {1.25f}));
        fs.write(t, csvOptions(out), rows);
        assertEquals("true;false,1.50,AQI=;,10:00:01.005,2024-01-01 10:00:00.123456,2024-05-06 07:08:09.010Z,1.25\n",
                written(out));
        List<Row> back = fs.read(t, csvOptions(out));
        // an empty binary element reads back as NULL, as an empty field of a non-string type does
        rows.get(0).setField(2, new byte[][] {{1, 2}, null});
        assertEquals(rows, back);
    }

    @Test
    void malformedNestedValuesNameColumnTextFileAndLine() throws Exception {
        Path p = file("1,a,1;2,x;1;2024-01-01\n2,b,1;zz,x;1;2024-01-01\n");
        TableException e = assertThrows(TableException.class, () -> fs.read(TYPE, csvOptions(p)));
        assertEquals("Failed to parse field 'nums' (ARRAY<BIGINT>) from '1;zz' at " + p + ":2", e.getMessage());

        Files.write(p, "1,a,1,x;1\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(TableException.class, () -> fs.read(TYPE, csvOptions(p)));
        assertTrue(e.getMessage().startsWith("Failed to parse field 'p' (ROW<"), e.getMessage());
        assertTrue(e.getMessage().endsWith(") from 'x;1' at " + p + ":1"), e.getMessage());

        Files.write(p, "1,a,1;q,x;1;2024-01-01\n2,b,3,y;oops;2024-01-01\n3,c,4,z;2;2024-01-03\n"
                .getBytes(StandardCharsets.UTF_8));
        List<Row> rows = fs.read(TYPE, csvOptions(p, "csv.ignore-parse-errors", "true"));
        assertEquals(List.of(Row.of(1, new String[] {"a"}, null, Row.of("x", 1.0, LocalDate.of(2024, 1, 1))),
                Row.of(2, new String[] {"b"}, new Long[] {3L}, null),
                Row.of(3, new String[] {"c"}, new Long[] {4L}, Row.of("z", 2.0, LocalDate.of(2024, 1, 3)))), rows);
    }

    @Test
    void mapMultisetAndDeeperNestingAreRejectedNamingTheColumn() {
        RowType map = new RowType(List.of("id", "m"),
                List.of(LogicalType.integer(), LogicalType.map(LogicalType.string(), LogicalType.integer())));
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> new FileSystemTableFactory().createDynamicTableSource(
                        FileSystemTestSupport.context(map, csvOptions(dir))));
        assertTrue(e.getMessage().startsWith("not supported yet: the csv format for column 'm' of type MAP<"),
                e.getMessage());
        RowType nested = new RowType(List.of("a"),
                List.of(LogicalType.array(LogicalType.array(LogicalType.integer()))));
        e = assertThrows(UnsupportedFeatureException.class, () -> new FileSystemTableFactory()
                .createDynamicTableSink(FileSystemTestSupport.context(nested, csvOptions(dir))));
        assertTrue(e.getMessage().contains("column 'a'"), e.getMessage());
        RowType multiset = new RowType(List.of("s"), List.of(LogicalType.multiset(LogicalType.string())));
        assertThrows(UnsupportedFeatureException.class, () -> new FileSystemTableFactory()
                .createDynamicTableSource(FileSystemTestSupport.context(multiset, csvOptions(dir))));
    }

    @Test
    void elementHoldingTheDelimiterCannotBeWrittenAndEmptyDelimiterIsRejected() {
        Path out = dir.resolve("out");
        TableException e = assertThrows(TableException.class, () -> fs.write(TYPE, csvOptions(out),
                List.of(Row.of(1, new String[] {"a;b"}, null, null))));
        assertTrue(e.getMessage().contains("'a;b'") && e.getMessage().contains("csv.array-element-delimiter"),
                e.getMessage());
        assertThrows(ValidationException.class, () -> new FileSystemTableFactory().createDynamicTableSource(
                FileSystemTestSupport.context(TYPE, csvOptions(dir, "csv.array-element-delimiter", ""))));
    }
}
