package io.sluice.streaming.api.datastream;

/** A broadcast stream; not supported yet (its constructors are not reachable). */
public class BroadcastStream<T> {
    private BroadcastStream() {
    }
}
