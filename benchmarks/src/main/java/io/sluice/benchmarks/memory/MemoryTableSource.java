package io.sluice.benchmarks.memory;

import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;

/** A bounded source over one registered in-memory dataset; see {@link MemoryTableSourceFactory}. */
final class MemoryTableSource implements ScanTableSource {
    private final String name;
    private final MemoryDatasets.Dataset dataset;
    private final ReplayMode mode;

    MemoryTableSource(String name, MemoryDatasets.Dataset dataset, ReplayMode mode) {
        this.name = name;
        this.dataset = dataset;
        this.mode = mode;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new MemorySourceReader(dataset.batches(), context, mode);
    }

    @Override
    public String describe() {
        return "bench-memory(dataset=" + name + ", replay=" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
