package io.sluice.datastream.runtime;

/** The hash a key is routed and stored by: its {@code hashCode()}; null keys are rejected as in Flink. */
public final class KeyHashes {
    private KeyHashes() {
    }

    public static int hash(Object key) {
        if (key == null) {
            throw new NullPointerException("A key selector returned null; keys must not be null");
        }
        return key.hashCode();
    }
}
