package io.sluice.table.api.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ARRAY, MAP and ROW values reach Java as Flink's classes, and print in Flink's text. */
class CollectionCollectTest {
    @Test
    void collectReturnsJavaArraysMapsAndRows() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        try (CloseableIterator<Row> rows = env.executeSql("SELECT ARRAY[1, 2], ARRAY['a', CAST(NULL AS STRING)],"
                + " MAP['k', DATE '2024-01-02'], ROW(1, ARRAY[ROW('x', 2.5)])").collect()) {
            Row row = rows.next();
            assertArrayEquals(new Integer[] {1, 2}, (Integer[]) row.getField(0));
            assertArrayEquals(new String[] {"a", null}, (String[]) row.getField(1));
            Map<String, LocalDate> expected = new LinkedHashMap<>();
            expected.put("k", LocalDate.of(2024, 1, 2));
            assertEquals(expected, row.getField(2));
            Row nested = assertInstanceOf(Row.class, row.getField(3));
            assertEquals(1, nested.getField(0));
            Row[] inner = (Row[]) nested.getField(1);
            assertEquals("x", inner[0].getField(0));
            assertEquals(0, new java.math.BigDecimal("2.5").compareTo((java.math.BigDecimal) inner[0].getField(1)));
            assertEquals("+I[[1, 2], [a, null], {k=2024-01-02}, +I[1, [+I[x, 2.5]]]]", row.toString());
        }
    }

    @Test
    void printShowsFlinksText() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            env.executeSql("SELECT ARRAY[1, CAST(NULL AS INT)] AS a, MAP['k', TRUE] AS m, ROW(1, 'abc') AS r").print();
        } finally {
            System.setOut(old);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(true, text.contains("| [1, NULL] | {k=TRUE} | (1, abc) |"), text);
    }
}
