package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.runtime.connector.ScanTableSource;
import java.util.List;

/** Reads a runtime source of serialized records. */
public final class SourceNode extends StreamNode {
    private final ScanTableSource source;
    private final TransformationProvider provider;
    private java.time.Duration idleTimeout;

    public SourceNode(String name, TypeInformation<?> type, ScanTableSource source) {
        super(name, type);
        this.source = source;
        this.provider = null;
    }

    /**
     * A source whose serialized records come from a transformation built with the job (a table converted into a
     * stream): {@code provider} returns it when the job graph is built.
     */
    public SourceNode(String name, TypeInformation<?> type, TransformationProvider provider) {
        super(name, type);
        this.source = null;
        this.provider = provider;
    }

    /** The runtime source, or null when a {@link #provider()} builds this node's transformation. */
    public ScanTableSource source() {
        return source;
    }

    /** What builds this node's transformation, or null for a plain {@link #source()}. */
    public TransformationProvider provider() {
        return provider;
    }

    /**
     * Marks the source's instances idle after {@code timeout} without records ({@code WatermarkStrategy
     * .withIdleness} on a stream it feeds); the shortest of several timeouts wins. For a node built by a
     * {@link #provider()} (a table converted into a stream) the provider applies it to the sources it builds.
     */
    public void setIdleTimeout(java.time.Duration timeout) {
        if (idleTimeout == null || timeout.compareTo(idleTimeout) < 0) {
            idleTimeout = timeout;
        }
    }

    /** The idle timeout set by {@link #setIdleTimeout}, or null. */
    public java.time.Duration idleTimeout() {
        return idleTimeout;
    }

    @Override
    public List<StreamNode> inputs() {
        return List.of();
    }
}
