package io.sluice.table.udf;

import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.TableFunction;
import io.sluice.types.Row;

/** Table functions for the golden tests. */
public final class TableUdfs {
    private TableUdfs() {
    }

    /** Splits a string at blanks into (word, length) rows. */
    @DataTypeHint("ROW<word STRING, len INT>")
    public static class Split extends TableFunction<Row> {
        public void eval(String s) {
            if (s == null) {
                return;
            }
            for (String w : s.split(" ")) {
                if (!w.isEmpty()) {
                    collect(Row.of(w, w.length()));
                }
            }
        }
    }

    /** 0 .. n-1 as one INT column f0. */
    public static class Range extends TableFunction<Integer> {
        public void eval(int n) {
            for (int i = 0; i < n; i++) {
                collect(i);
            }
        }
    }
}
