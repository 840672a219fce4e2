package io.sluice.table.api.fluent;

import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.ScalarFunction;
import io.sluice.table.functions.TableFunction;
import io.sluice.types.Row;

/** User-defined functions for the Table API tests. */
public final class FluentUdfs {
    private FluentUdfs() {
    }

    /** Doubles a value. */
    public static class Twice extends ScalarFunction {
        public int eval(int x) {
            return 2 * x;
        }
    }

    /** A string and its length, as one ROW value (Flink's map example returns such rows). */
    public static class WithLength extends ScalarFunction {
        @DataTypeHint("ROW<s STRING, n INT>")
        public Row eval(String s) {
            return Row.of(s, s.length());
        }
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
}
