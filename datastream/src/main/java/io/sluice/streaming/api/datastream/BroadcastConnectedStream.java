package io.sluice.streaming.api.datastream;

/** A stream connected to a broadcast stream; not supported yet. */
public class BroadcastConnectedStream<IN1, IN2> {
    private BroadcastConnectedStream() {
    }
}
