package io.sluice.datastream.state;

/** State that can be scoped to a namespace (a window). */
public interface Scoped<N> {
    void setCurrentNamespace(N namespace);
}
