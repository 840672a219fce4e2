package io.sluice.benchmarks.nexmark;

import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import java.util.Locale;

/** A generated Nexmark table; see {@link NexmarkTableSourceFactory}. */
final class NexmarkTableSource implements ScanTableSource {
    private final NexmarkConfig config;
    /** For each physical column of the declared table, its index in the Nexmark table's columns. */
    private final int[] tableFields;

    NexmarkTableSource(NexmarkConfig config, int[] tableFields) {
        this.config = config;
        this.tableFields = tableFields;
    }

    @Override
    public boolean isBounded() {
        return config.bounded();
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        int[] projected = context.projectedFields();
        int[] fields = new int[projected.length];
        for (int i = 0; i < projected.length; i++) {
            fields[i] = tableFields[projected[i]];
        }
        return new NexmarkSourceReader(config, fields, context);
    }

    @Override
    public String describe() {
        return "nexmark(table=" + config.table().name().toLowerCase(Locale.ROOT)
                + (config.bounded() ? ", events=" + config.events() : "") + ", seed=" + config.seed() + ")";
    }
}
