package io.sluice.api.connector.source;

/**
 * A source for {@code StreamExecutionEnvironment.fromSource}. Sluice runs its own sources
 * ({@code DataGeneratorSource}, {@code FileSource}); implementing this interface for a custom source is not
 * supported yet.
 */
public interface Source<T, SplitT, EnumChkT> extends java.io.Serializable {
    /** Whether the source ends by itself. */
    Boundedness getBoundedness();
}
