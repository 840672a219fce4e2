package io.sluice.planner;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/** Flink's SQL conformance: Calcite's default plus {@code !=}, {@code %} and {@code LIMIT start, count}. */
final class SluiceConformance extends SqlDelegatingConformance {
    static final SluiceConformance INSTANCE = new SluiceConformance();

    private SluiceConformance() {
        super(SqlConformanceEnum.DEFAULT);
    }

    @Override
    public boolean isBangEqualAllowed() {
        return true;
    }

    @Override
    public boolean isPercentRemainderAllowed() {
        return true;
    }

    @Override
    public boolean isLimitStartCountAllowed() {
        return true;
    }

    @Override
    public boolean allowCharLiteralAlias() {
        return true;
    }
}
