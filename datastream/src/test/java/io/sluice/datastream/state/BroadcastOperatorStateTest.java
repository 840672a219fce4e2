package io.sluice.datastream.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.datastream.runtime.ChainOperator;
import io.sluice.datastream.runtime.ChainSpec;
import io.sluice.datastream.runtime.operators.BroadcastProcessOperator;
import io.sluice.datastream.types.DynamicSerializer;
import io.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import io.sluice.util.Collector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broadcast state is operator state: saved and restored per instance, and it makes the chain stateful. */
class BroadcastOperatorStateTest {

    static BroadcastProcessOperator operator() {
        return new BroadcastProcessOperator("b", null, null, new BroadcastProcessFunction<Object, Object, Object>() {
            @Override
            public void processElement(Object value, ReadOnlyContext ctx, Collector<Object> out) {
            }

            @Override
            public void processBroadcastElement(Object value, Context ctx, Collector<Object> out) {
            }
        }, List.of("rules"));
    }

    @Test
    void broadcastStateRoundTripsThroughASnapshot() throws Exception {
        Map<String, Map<Object, Object>> states = new LinkedHashMap<>();
        Map<Object, Object> rules = new LinkedHashMap<>();
        rules.put("red", 10);
        rules.put("blue", 3);
        states.put("rules", rules);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        DynamicSerializer.instance().serialize(states, new DataOutputStream(written));

        BroadcastProcessOperator op = operator();
        op.restoreOperatorState(new DataInputStream(new ByteArrayInputStream(written.toByteArray())));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        op.snapshotOperatorState(new DataOutputStream(again));
        assertArrayEquals(written.toByteArray(), again.toByteArray());
        assertEquals(states, DynamicSerializer.instance().deserialize(
                new DataInputStream(new ByteArrayInputStream(again.toByteArray()))));
        assertFalse(new ChainOperator(new ChainSpec("b", operator())).isStateless());
    }
}
