package io.sluice.planner;

/**
 * Calcite reads its default character set from system properties once, when its classes load. Flink SQL
 * string literals are Unicode, so Sluice sets UTF-8 before Calcite is first used.
 */
public final class CalciteDefaults {
    private CalciteDefaults() {
    }

    /** Sets Calcite's default charsets to UTF-8 unless the user chose others. Call before any Calcite use. */
    public static void install() {
        setIfAbsent("calcite.default.charset", "UTF-8");
        setIfAbsent("calcite.default.nationalcharset", "UTF-8");
        setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
