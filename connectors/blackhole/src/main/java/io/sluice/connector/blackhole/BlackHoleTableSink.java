package io.sluice.connector.blackhole;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.WriterContext;

/** Discards everything; accepts every row kind. */
public final class BlackHoleTableSink implements DynamicTableSink {
    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode;
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
