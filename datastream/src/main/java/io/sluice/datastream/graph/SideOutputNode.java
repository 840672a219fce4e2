package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.util.OutputTag;
import java.util.List;

/** The side output {@code tag} of an operator. */
public final class SideOutputNode extends StreamNode {
    private final StreamNode parent;
    private final OutputTag<?> tag;

    public SideOutputNode(StreamNode parent, OutputTag<?> tag, TypeInformation<?> type) {
        super("SideOutput(" + tag.getId() + ")", type);
        this.parent = parent;
        this.tag = tag;
    }

    public StreamNode parent() {
        return parent;
    }

    public OutputTag<?> tag() {
        return tag;
    }

    @Override
    public List<StreamNode> inputs() {
        return List.of(parent);
    }
}
