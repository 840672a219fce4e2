package io.sluice.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated tables at a tiny scale factor: cardinalities, key ranges and the relations between tables. */
class TpchGeneratorTest {
    private static final double SF = 0.01;

    @TempDir
    static Path dir;

    static Map<TpchTable, Long> counts;

    @BeforeAll
    static void generate() throws IOException {
        counts = new TpchGenerator(SF, 3).write(dir.resolve("a"), 2);
    }

    private static List<String[]> rows(Path base, TpchTable table) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(base.resolve(table.tableName()))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    rows.add(line.split("\\|", -1));
                }
            }
        }
        return rows;
    }

    @Test
    void cardinalitiesFollowTheScaleFactor() throws IOException {
        assertEquals(5, counts.get(TpchTable.REGION));
        assertEquals(25, counts.get(TpchTable.NATION));
        assertEquals(100, counts.get(TpchTable.SUPPLIER));
        assertEquals(2_000, counts.get(TpchTable.PART));
        assertEquals(8_000, counts.get(TpchTable.PARTSUPP));
        assertEquals(1_500, counts.get(TpchTable.CUSTOMER));
        assertEquals(15_000, counts.get(TpchTable.ORDERS));
        long lines = counts.get(TpchTable.LINEITEM);
        assertTrue(lines > 15_000 * 3.5 && lines < 15_000 * 4.5, "1 to 7 lines per order, 4 on average: " + lines);
        for (TpchTable t : TpchTable.values()) {
            List<String[]> rows = rows(dir.resolve("a"), t);
            assertEquals(counts.get(t), rows.size(), t.name());
            int columns = t.columns().split(",(?! \\d)").length;
            for (String[] row : rows) {
                assertEquals(columns, row.length, t + ": " + String.join("|", row));
            }
        }
    }

    @Test
    void keysAreInTheirRanges() throws IOException {
        Path a = dir.resolve("a");
        Set<Long> orderKeys = new HashSet<>();
        for (String[] o : rows(a, TpchTable.ORDERS)) {
            long key = Long.parseLong(o[0]);
            assertTrue(orderKeys.add(key), "order keys are unique");
            assertTrue((key - 1) % 32 < 8, "sparse order key " + key);
            long customer = Long.parseLong(o[1]);
            assertTrue(customer >= 1 && customer <= 1_500 && customer % 3 != 0, "customer " + customer);
        }
        assertEquals(TpchGenerator.orderKey(15_000), orderKeys.stream().mapToLong(k -> k).max().orElseThrow());
        assertEquals(33, TpchGenerator.orderKey(9));
        Set<String> partSuppliers = new HashSet<>();
        for (String[] ps : rows(a, TpchTable.PARTSUPP)) {
            long supplier = Long.parseLong(ps[1]);
            assertTrue(supplier >= 1 && supplier <= 100, "supplier " + supplier);
            assertTrue(partSuppliers.add(ps[0] + "/" + ps[1]), "4 distinct suppliers per part: " + ps[0]);
        }
        for (String[] n : rows(a, TpchTable.NATION)) {
            int region = Integer.parseInt(n[2]);
            assertTrue(region >= 0 && region < 5);
        }
        for (String[] c : rows(a, TpchTable.CUSTOMER)) {
            int nation = Integer.parseInt(c[3]);
            assertEquals(Integer.toString(10 + nation), c[4].substring(0, 2), "the phone's country code");
        }
        for (String[] l : rows(a, TpchTable.LINEITEM)) {
            assertTrue(orderKeys.contains(Long.parseLong(l[0])), "line item of an order");
            assertTrue(partSuppliers.contains(l[1] + "/" + l[2]), "line item of a part's supplier");
        }
    }

    @Test
    void ordersAgreeWithTheirLineItems() throws IOException {
        Path a = dir.resolve("a");
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, String> statuses = new HashMap<>();
        LocalDate current = LocalDate.of(1995, 6, 17);
        for (String[] l : rows(a, TpchTable.LINEITEM)) {
            BigDecimal price = new BigDecimal(l[5]);
            BigDecimal discount = new BigDecimal(l[6]);
            BigDecimal tax = new BigDecimal(l[7]);
            totals.merge(l[0], price.multiply(BigDecimal.ONE.add(tax)).multiply(BigDecimal.ONE.subtract(discount)),
                BigDecimal::add);
            LocalDate ship = LocalDate.parse(l[10]);
            LocalDate receipt = LocalDate.parse(l[12]);
            assertTrue(receipt.isAfter(ship));
            assertEquals(ship.isAfter(current) ? "O" : "F", l[9]);
            assertEquals(receipt.isAfter(current), l[8].equals("N"), "return flag N exactly when not yet received");
            statuses.merge(l[0], l[9], (x, y) -> x.equals(y) ? x : "P");
        }
        LocalDate last = LocalDate.of(1998, 12, 31).minusDays(151);
        for (String[] o : rows(a, TpchTable.ORDERS)) {
            BigDecimal expected = totals.get(o[0]);
            assertTrue(expected.subtract(new BigDecimal(o[3])).abs().compareTo(new BigDecimal("0.01")) <= 0,
                "total price of order " + o[0] + ": " + o[3] + ", lines give " + expected);
            assertEquals(statuses.get(o[0]), o[2], "status of order " + o[0]);
            LocalDate date = LocalDate.parse(o[4]);
            assertFalse(date.isBefore(LocalDate.of(1992, 1, 1)) || date.isAfter(last), "order date " + date);
        }
    }

    @Test
    void outputDoesNotDependOnTheThreads() throws IOException {
        new TpchGenerator(SF, 3).write(dir.resolve("b"), 1);
        for (TpchTable t : TpchTable.values()) {
            for (int part = 0; part < 3; part++) {
                Path name = Path.of(t.tableName(), "part-" + part + ".tbl");
                if (Files.exists(dir.resolve("a").resolve(name))) {
                    assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)),
                        Files.readAllBytes(dir.resolve("b").resolve(name)), name.toString());
                }
            }
        }
    }

    @Test
    void sluiceReadsEveryRow() throws Exception {
        try (SluiceEngine sluice = new SluiceEngine(dir.resolve("a"), SF, 1)) {
            for (TpchTable t : TpchTable.values()) {
                List<List<Object>> rows = sluice.query("SELECT COUNT(*) FROM " + t.tableName());
                assertEquals(List.of(List.of(BigDecimal.valueOf(counts.get(t)))), rows, t.name());
            }
            // q6 checked against the same sum over the files
            BigDecimal q6 = BigDecimal.ZERO;
            for (String[] l : rows(dir.resolve("a"), TpchTable.LINEITEM)) {
                LocalDate ship = LocalDate.parse(l[10]);
                BigDecimal discount = new BigDecimal(l[6]);
                if (!ship.isBefore(LocalDate.of(1994, 1, 1)) && ship.isBefore(LocalDate.of(1995, 1, 1))
                    && discount.compareTo(new BigDecimal("0.05")) >= 0 && discount.compareTo(new BigDecimal("0.07")) <= 0
                    && new BigDecimal(l[4]).compareTo(BigDecimal.valueOf(24)) < 0) {
                    q6 = q6.add(new BigDecimal(l[5]).multiply(discount));
                }
            }
            List<List<Object>> rows = sluice.run("q6");
            assertEquals(1, rows.size());
            assertTrue(ResultCheck.same(q6, rows.get(0).get(0)), rows + " against " + q6);
        }
    }
}
