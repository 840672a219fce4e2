package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The changelog an upsert reader derives from keyed records, and its state across a checkpoint. */
class UpsertNormalizerTest {
    private static long offset;

    private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
        return new ConsumerRecord<>("t", 0, offset++, key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> apply(UpsertNormalizer n, List<ConsumerRecord<byte[], byte[]>> records) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        List<RowKind> kinds = new ArrayList<>();
        n.apply(records, out, kinds);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            result.add(kinds.get(i).shortString() + " " + new String(out.get(i).value(), StandardCharsets.UTF_8));
        }
        return result;
    }

    @Test
    void aRestoredNormalizerKnowsTheKeysSeenBeforeTheCheckpoint() throws Exception {
        UpsertNormalizer first = new UpsertNormalizer("t");
        assertEquals(List.of("+I a1", "+I b1", "-U a1", "+U a2"),
                apply(first, List.of(record("a", "a1"), record("b", "b1"), record("a", "a2"))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            first.snapshot(out);
        }
        UpsertNormalizer restored = new UpsertNormalizer("t");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored.restore(in);
        }
        assertEquals(List.of("-U a2", "+U a3", "-D b1", "+I c1"),
                apply(restored, List.of(record("a", "a3"), record("b", null), record("x", null), record("c", "c1"))));
    }
}
