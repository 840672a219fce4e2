package io.sluice.connector.blackhole;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.WriterContext;

/**
 * Discards everything; accepts every row kind but needs no update-before rows, so an updating query into it
 * runs in upsert mode (as Flink's blackhole sink).
 */
public final class BlackHoleTableSink implements DynamicTableSink {
    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode.without(io.sluice.types.RowKind.UPDATE_BEFORE);
    }

    @Override
    public BlackHoleSinkWriter createWriter(WriterContext context) {
        return new BlackHoleSinkWriter();
    }

    @Override
    public String describe() {
        return "blackhole()";
    }
}
