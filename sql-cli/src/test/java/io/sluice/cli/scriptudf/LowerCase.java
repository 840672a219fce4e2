package io.sluice.cli.scriptudf;

import io.sluice.table.functions.ScalarFunction;
import java.util.Locale;

/** A scalar function the SQL-client scripts register: its argument in lower case. */
public class LowerCase extends ScalarFunction {
    public String eval(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
