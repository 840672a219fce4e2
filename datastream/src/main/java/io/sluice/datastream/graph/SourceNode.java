package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.runtime.connector.ScanTableSource;
import java.util.List;

/** Reads a runtime source of serialized records. */
public final class SourceNode extends StreamNode {
    private final ScanTableSource source;

    public SourceNode(String name, TypeInformation<?> type, ScanTableSource source) {
        super(name, type);
        this.source = source;
    }

    public ScanTableSource source() {
        return source;
    }

    @Override
    public List<StreamNode> inputs() {
        return List.of();
    }
}
