package io.sluice.cli.scriptudf;

import io.sluice.table.functions.ScalarFunction;
import java.util.Locale;

/** A scalar function the SQL-client scripts register: its argument in upper case. */
public class UpperCase extends ScalarFunction {
    public String eval(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
