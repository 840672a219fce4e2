package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The exactly-once sink's checkpoint state keeps every part of the prepared transaction's records. */
class SinkTransactionStateTest {
    @Test
    void recordsKeepPartitionTimestampKeyValueAndHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", bytes("abc"));
        headers.add("empty", null);
        List<ProducerRecord<byte[], byte[]>> records = List.of(
                new ProducerRecord<>("t", 2, 1700000000000L, bytes("k"), bytes("v"), headers),
                new ProducerRecord<>("t", null, null, null, null, null));
        SinkTransactionState decoded = SinkTransactionState.decode(new SinkTransactionState(7, 3, List.of(
                new SinkTransactionState.Prepared("p-3-4", List.of()),
                new SinkTransactionState.Prepared("p-3-5", records))).encode());
        assertEquals(7, decoded.checkpointId());
        assertEquals(3, decoded.subtaskIndex());
        assertEquals(List.of("p-3-4", "p-3-5"), decoded.transactions().stream()
                .map(SinkTransactionState.Prepared::transactionalId).toList());
        assertEquals(List.of(), decoded.transactions().get(0).records());
        ProducerRecord<byte[], byte[]> first = decoded.transactions().get(1).records().get(0);
        assertEquals(2, first.partition());
        assertEquals(1700000000000L, first.timestamp());
        assertArrayEquals(bytes("k"), first.key());
        assertArrayEquals(bytes("v"), first.value());
        assertArrayEquals(bytes("abc"), first.headers().lastHeader("trace").value());
        assertNull(first.headers().lastHeader("empty").value());
        ProducerRecord<byte[], byte[]> tombstone = decoded.transactions().get(1).records().get(1);
        assertNull(tombstone.partition());
        assertNull(tombstone.timestamp());
        assertNull(tombstone.key());
        assertNull(tombstone.value());
        assertEquals(0, tombstone.headers().toArray().length);
    }

    @Test
    void aStateOfAnEarlierVersionHoldsOnlyTheCheckpointId() {
        SinkTransactionState decoded = SinkTransactionState.decode(ByteBuffer.allocate(8).putLong(42).array());
        assertEquals(42, decoded.checkpointId());
        assertEquals(List.of(), decoded.transactions());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
