package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaterializedResultTest {
    @Test
    void retractionsRemoveTheLatestEqualRow() {
        MaterializedResult r = new MaterializedResult(100);
        r.apply(Row.ofKind(RowKind.INSERT, "a", 1L));
        r.apply(Row.ofKind(RowKind.INSERT, "b", 1L));
        r.apply(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L));
        r.apply(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
        r.apply(Row.ofKind(RowKind.DELETE, "b", 1L));
        r.apply(Row.ofKind(RowKind.DELETE, "zzz", 9L));
        assertEquals(1, r.size());
        assertEquals(6, r.changes());
        assertArrayEquals(new Object[] {"a", 2L}, r.rows(0, 10).get(0));
    }

    @Test
    void duplicatesAreKeptAndOneIsRetracted() {
        MaterializedResult r = new MaterializedResult(100);
        r.apply(Row.of("x"));
        r.apply(Row.of("y"));
        r.apply(Row.of("x"));
        r.apply(Row.ofKind(RowKind.DELETE, "x"));
        List<Object[]> rows = r.rows(0, 10);
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {"x"}, rows.get(0));
        assertArrayEquals(new Object[] {"y"}, rows.get(1));
    }

    @Test
    void oldestRowsAreDroppedBeyondTheLimit() {
        MaterializedResult r = new MaterializedResult(2);
        r.apply(Row.of(1));
        r.apply(Row.of(2));
        r.apply(Row.of(3));
        assertEquals(2, r.size());
        assertEquals(1, r.dropped());
        assertArrayEquals(new Object[] {2}, r.rows(0, 1).get(0));
        assertEquals(1, r.rows(1, 5).size());
        assertEquals(0, r.rows(7, 5).size());
    }
}
