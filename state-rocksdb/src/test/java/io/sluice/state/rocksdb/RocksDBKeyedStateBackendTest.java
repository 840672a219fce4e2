package io.sluice.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.state.keyed.HeapKeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedListState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackendContractTest;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keyed-state contract on RocksDB, plus what only RocksDB does. */
class RocksDBKeyedStateBackendTest extends KeyedStateBackendContractTest {
    @Override
    protected <K> KeyedStateBackend<K> create(StateSerializer<K> keySerializer, int maxParallelism,
            KeyGroupRange range) {
        try {
            return new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism, range,
                    Files.createTempDirectory("rocksdb-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void snapshotsMoveBetweenHeapAndRocksDB() throws Exception {
        byte[] fromHeap;
        try (KeyedStateBackend<Long> heap = new HeapKeyedStateBackend<>(StateSerializers.LONG, 16,
                KeyGroupRange.all(16))) {
            KeyedListState<VoidNamespace, String> l = heap.getListState("l", StateSerializers.STRING);
            for (long k = 0; k < 50; k++) {
                heap.setCurrentKey(k);
                l.add("a" + k);
                l.add("b" + k);
            }
            fromHeap = snapshot(heap);
        }
        byte[] fromRocks;
        try (KeyedStateBackend<Long> rocks = create(StateSerializers.LONG, 16, KeyGroupRange.all(16))) {
            rocks.restore(List.of(new ByteArrayInputStream(fromHeap)));
            KeyedListState<VoidNamespace, String> l = rocks.getListState("l", StateSerializers.STRING);
            rocks.setCurrentKey(7L);
            assertEquals(List.of("a7", "b7"), l.get());
            l.add("c7");
            fromRocks = snapshot(rocks);
        }
        try (KeyedStateBackend<Long> heap = new HeapKeyedStateBackend<>(StateSerializers.LONG, 16,
                KeyGroupRange.all(16))) {
            heap.restore(List.of(new ByteArrayInputStream(fromRocks)));
            KeyedListState<VoidNamespace, String> l = heap.getListState("l", StateSerializers.STRING);
            heap.setCurrentKey(7L);
            assertEquals(List.of("a7", "b7", "c7"), l.get());
            assertEquals(50, heap.keys("l", VoidNamespace.INSTANCE).size());
        }
    }

    @Test
    void chosenByStateBackendTypeAndDeletesItsFilesOnClose() throws Exception {
        Path dir = Files.createTempDirectory("rocksdb-local");
        Configuration config = new Configuration();
        config.setString("state.backend.type", "rocksdb");
        config.setString("state.backend.rocksdb.localdir", dir.toString());
        KeyedStateBackend<String> b = KeyedStateBackends.create(config, StateSerializers.STRING,
                KeyGroupRange.all(128), "join-3/0");
        assertInstanceOf(RocksDBKeyedStateBackend.class, b);
        KeyedValueState<VoidNamespace, byte[]> v = b.getValueState("v", StateSerializers.BYTES);
        byte[] big = new byte[64 * 1024];
        for (int i = 0; i < 200; i++) {
            b.setCurrentKey("k" + i);
            v.update(big);
        }
        assertTrue(b.stateSizeBytes() > 0);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        b.close();
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }

    @Test
    void anOperatorNamedByALongSqlDescriptionGetsItsWorkingDirectory() throws Exception {
        Path dir = Files.createTempDirectory("rocksdb-local");
        Configuration config = new Configuration();
        config.setString("state.backend.type", "rocksdb");
        config.setString("state.backend.rocksdb.localdir", dir.toString());
        String name = "GroupAggregate(groupBy=[region], select=[region, " + "COUNT(DISTINCT $1) AS EXPR$1, ".repeat(20)
                + "])#0";
        try (KeyedStateBackend<String> b = KeyedStateBackends.create(config, StateSerializers.STRING,
                KeyGroupRange.all(128), name)) {
            b.setCurrentKey("k");
            KeyedValueState<VoidNamespace, String> v = b.getValueState("v", StateSerializers.STRING);
            v.update("x");
            assertEquals("x", v.value());
            try (var files = Files.list(dir)) {
                String created = files.findFirst().orElseThrow().getFileName().toString();
                assertTrue(created.startsWith("sluice-rocksdb-GroupAggregate_groupBy__region"), created);
                assertTrue(created.length() < 120, created);
            }
        }
    }

    static byte[] snapshot(KeyedStateBackend<?> b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.snapshot(out);
        return out.toByteArray();
    }
}
