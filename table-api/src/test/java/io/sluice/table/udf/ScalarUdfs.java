package io.sluice.table.udf;

import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.ScalarFunction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Scalar functions for the golden tests. */
public final class ScalarUdfs {
    private ScalarUdfs() {
    }

    /** Overloads chosen by argument types: INT, BIGINT (also for INT widened? no: INT is exact) and STRING. */
    public static class Plus extends ScalarFunction {
        public int eval(int a, int b) {
            return a + b;
        }

        public long eval(long a, long b) {
            return a + b + 1000;
        }

        public String eval(String a, String b) {
            return a + "+" + b;
        }
    }

    /** An eval that declares a checked exception: the generated call must catch it. */
    public static class ParseChecked extends ScalarFunction {
        public Integer eval(String s) throws java.io.IOException {
            if (s.startsWith("x")) {
                throw new java.io.IOException("cannot parse " + s);
            }
            return Integer.parseInt(s);
        }
    }

    /** A boxed parameter receives NULL. */
    public static class Describe extends ScalarFunction {
        public String eval(Integer x) {
            return x == null ? "nothing" : "number " + x;
        }
    }

    /** A primitive parameter: NULL in, NULL out without a call. */
    public static class Twice extends ScalarFunction {
        public int eval(int x) {
            if (x == Integer.MIN_VALUE) {
                throw new IllegalStateException("not reached for NULL");
            }
            return 2 * x;
        }
    }

    /** Varargs. */
    public static class JoinAll extends ScalarFunction {
        public String eval(String sep, String... parts) {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                if (sb.length() > 0) {
                    sb.append(sep);
                }
                sb.append(p == null ? "?" : p);
            }
            return sb.toString();
        }
    }

    /** DECIMAL with a hinted result type, and temporal and binary types. */
    public static class Types extends ScalarFunction {
        @DataTypeHint("DECIMAL(10, 2)")
        public BigDecimal eval(BigDecimal d) {
            return d == null ? null : d.multiply(BigDecimal.valueOf(3));
        }

        public LocalDate eval(LocalDate d) {
            return d == null ? null : d.plusDays(1);
        }

        public LocalDateTime eval(LocalDateTime t) {
            return t == null ? null : t.plusHours(1);
        }

        public Instant eval(Instant t) {
            return t == null ? null : t.plusSeconds(1);
        }

        public Integer eval(byte[] b) {
            return b == null ? null : b.length;
        }

        public boolean eval(boolean b) {
            return !b;
        }

        public double eval(double d) {
            return d / 2;
        }
    }

    /** A BIGINT parameter accepts INT arguments by widening. */
    public static class Widen extends ScalarFunction {
        public String eval(long x) {
            return "long " + x;
        }
    }

    /** Reads a job parameter in open(). */
    public static class Prefixed extends ScalarFunction {
        private String prefix;

        @Override
        public void open(FunctionContext context) {
            prefix = context.getJobParameter("table.local-time-zone", "none") + ":";
        }

        public String eval(String s) {
            return prefix + s;
        }
    }

    /** Not a user-defined function. */
    public static class NotAFunction {
        public String eval(String s) {
            return s;
        }
    }
}
