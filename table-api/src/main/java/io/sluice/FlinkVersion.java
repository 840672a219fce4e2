package io.sluice;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Flink versions, oldest first, as Flink's enum of the same name lists them. Sluice mirrors the SQL and APIs of
 * {@link #current()}; a plan compiled by Sluice reports that version ({@code CompiledPlan.getFlinkVersion()}).
 */
public enum FlinkVersion {
    v1_3("1.3"),
    v1_4("1.4"),
    v1_5("1.5"),
    v1_6("1.6"),
    v1_7("1.7"),
    v1_8("1.8"),
    v1_9("1.9"),
    v1_10("1.10"),
    v1_11("1.11"),
    v1_12("1.12"),
    v1_13("1.13"),
    v1_14("1.14"),
    v1_15("1.15"),
    v1_16("1.16"),
    v1_17("1.17"),
    v1_18("1.18"),
    v1_19("1.19"),
    v1_20("1.20"),
    v2_0("2.0"),
    v2_1("2.1"),
    v2_2("2.2"),
    v2_3("2.3");

    private final String code;

    FlinkVersion(String code) {
        this.code = code;
    }

    /** The version as {@code major.minor}, e.g. {@code 2.3}. */
    @Override
    public String toString() {
        return code;
    }

    /** Whether this version came after {@code otherVersion}. */
    public boolean isNewerVersionThan(FlinkVersion otherVersion) {
        return ordinal() > otherVersion.ordinal();
    }

    /** The versions from {@code start} to {@code end}, both included, oldest first. */
    public static Set<FlinkVersion> rangeOf(FlinkVersion start, FlinkVersion end) {
        return Arrays.stream(values()).filter(v -> v.ordinal() >= start.ordinal() && v.ordinal() <= end.ordinal())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The version written {@code code} ({@code "2.3"}), if there is one. */
    public static Optional<FlinkVersion> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** The version {@code majorVersion.minorVersion}; fails for an unknown one. */
    public static FlinkVersion valueOf(int majorVersion, int minorVersion) {
        return byCode(majorVersion + "." + minorVersion).orElseThrow(() -> new IllegalArgumentException(
                "Unknown Flink version " + majorVersion + "." + minorVersion));
    }

    /** The version whose SQL and APIs Sluice mirrors. */
    public static FlinkVersion current() {
        return values()[values().length - 1];
    }
}
