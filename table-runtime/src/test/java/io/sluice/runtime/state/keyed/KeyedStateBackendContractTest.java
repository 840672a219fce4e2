package io.sluice.runtime.state.keyed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What every keyed-state backend must do; a subclass per backend runs it. */
public abstract class KeyedStateBackendContractTest {
    static final int MAX_PARALLELISM = 16;

    protected abstract <K> KeyedStateBackend<K> create(StateSerializer<K> keySerializer, int maxParallelism,
            KeyGroupRange range);

    private KeyedStateBackend<String> all() {
        return create(StateSerializers.STRING, MAX_PARALLELISM, KeyGroupRange.all(MAX_PARALLELISM));
    }

    @Test
    void valueListAndMapStatePerKey() throws Exception {
        try (KeyedStateBackend<String> b = all()) {
            KeyedValueState<VoidNamespace, Long> count = b.getValueState("count", StateSerializers.LONG);
            KeyedListState<VoidNamespace, String> seen = b.getListState("seen", StateSerializers.STRING);
            KeyedMapState<VoidNamespace, String, Integer> map = b.getMapState("map", StateSerializers.STRING,
                    StateSerializers.INT);
            for (String k : List.of("a", "b", "a", "c", "a")) {
                b.setCurrentKey(k);
                Long c = count.value();
                count.update(c == null ? 1 : c + 1);
                seen.add(k + count.value());
                map.put("n", map.get("n") == null ? 1 : map.get("n") + 1);
            }
            b.setCurrentKey("a");
            assertEquals(3L, count.value());
            assertEquals(List.of("a1", "a2", "a3"), seen.get());
            assertEquals(3, map.get("n"));
            map.put("nothing", null);
            assertTrue(map.contains("nothing"));
            assertNull(map.get("nothing"));
            b.setCurrentKey("b");
            assertEquals(1L, count.value());
            count.clear();
            assertNull(count.value());
            b.setCurrentKey("zzz");
            assertNull(count.value());
            assertEquals(List.of(), seen.get());
            assertTrue(map.isEmpty());
            assertEquals(List.of("a", "c"), sorted(b.keys("count", VoidNamespace.INSTANCE)));
            assertEquals(b.getValueState("count", StateSerializers.LONG).value(), null);
        }
    }

    @Test
    void namespacesSeparateState() throws Exception {
        try (KeyedStateBackend<String> b = all()) {
            KeyedValueState<Long, String> s = b.getValueState("w", StateSerializers.LONG, 0L, StateSerializers.STRING);
            b.setCurrentKey("k");
            s.update("default");
            s.setCurrentNamespace(10L);
            assertNull(s.value());
            s.update("ten");
            s.setCurrentNamespace(0L);
            assertEquals("default", s.value());
            assertEquals(List.of("k"), b.keys("w", 10L));
        }
    }

    @Test
    void registeringAgainWithAnotherTypeFails() throws Exception {
        try (KeyedStateBackend<String> b = all()) {
            b.getValueState("s", StateSerializers.LONG);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> b.getValueState("s", StateSerializers.STRING));
            assertTrue(e.getMessage().contains("'s'"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> b.getListState("s", StateSerializers.LONG));
        }
    }

    @Test
    void timersFireInOrderWithTheirKeyAndOnlyOnce() throws Exception {
        try (KeyedStateBackend<String> b = all()) {
            TimerService<String, VoidNamespace> timers = b.getTimerService("t", StateSerializers.VOID_NAMESPACE);
            b.setCurrentKey("x");
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 30);
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 10);
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 10);
            b.setCurrentKey("y");
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 20);
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 25);
            timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, 25);
            timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, 1000);
            assertEquals(4, timers.numTimers());
            assertEquals(1000, timers.nextProcessingTime());
            List<String> fired = new ArrayList<>();
            timers.advanceWatermark(20, (key, ns, time) -> {
                assertEquals(key, b.getCurrentKey());
                fired.add(key + "@" + time);
                if (time == 10) {
                    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 15); // fires in the same advance
                }
            });
            assertEquals(List.of("x@10", "x@15", "y@20"), fired);
            fired.clear();
            timers.advanceWatermark(100, (key, ns, time) -> fired.add(key + "@" + time));
            assertEquals(List.of("x@30"), fired);
            timers.advanceProcessingTime(999, (key, ns, time) -> fired.add("p" + time));
            timers.advanceProcessingTime(1000, (key, ns, time) -> fired.add(key + "@p" + time));
            assertEquals(List.of("x@30", "y@p1000"), fired);
            assertEquals(Long.MAX_VALUE, timers.nextProcessingTime());
            assertEquals(0, timers.numTimers());
        }
    }

    @Test
    void snapshotRestoresAtAnotherParallelism() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        List<byte[]> snapshots = new ArrayList<>();
        int oldParallelism = 2;
        for (int i = 0; i < oldParallelism; i++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(MAX_PARALLELISM, oldParallelism, i);
            try (KeyedStateBackend<String> b = create(StateSerializers.STRING, MAX_PARALLELISM, range)) {
                KeyedValueState<VoidNamespace, Long> v = b.getValueState("v", StateSerializers.LONG);
                KeyedListState<VoidNamespace, Long> l = b.getListState("l", StateSerializers.LONG);
                KeyedMapState<VoidNamespace, Long, String> m = b.getMapState("m", StateSerializers.LONG,
                        StateSerializers.STRING);
                TimerService<String, VoidNamespace> t = b.getTimerService("t", StateSerializers.VOID_NAMESPACE);
                for (long k = 0; k < 200; k++) {
                    String key = "key" + k;
                    int kg = KeyGroupAssignment.keyGroupFor(key.hashCode(), MAX_PARALLELISM);
                    if (!range.contains(kg)) {
                        continue;
                    }
                    b.setCurrentKey(key);
                    v.update(k);
                    l.add(k);
                    l.add(k + 1);
                    m.put(k, "m" + k);
                    t.registerEventTimeTimer(VoidNamespace.INSTANCE, k);
                    expected.put(key, k);
                }
                snapshots.add(snapshot(b));
            }
        }
        assertEquals(200, expected.size());
        int newParallelism = 3;
        Map<String, Long> restored = new TreeMap<>();
        Map<String, Long> firedTimers = new HashMap<>();
        for (int i = 0; i < newParallelism; i++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(MAX_PARALLELISM, newParallelism, i);
            try (KeyedStateBackend<String> b = create(StateSerializers.STRING, MAX_PARALLELISM, range)) {
                b.restore(streams(snapshots));
                // a snapshot taken before any state is registered again keeps the restored state
                byte[] again = snapshot(b);
                b.close();
                try (KeyedStateBackend<String> b2 = create(StateSerializers.STRING, MAX_PARALLELISM, range)) {
                    b2.restore(List.of(new ByteArrayInputStream(again)));
                    KeyedValueState<VoidNamespace, Long> v = b2.getValueState("v", StateSerializers.LONG);
                    KeyedListState<VoidNamespace, Long> l = b2.getListState("l", StateSerializers.LONG);
                    KeyedMapState<VoidNamespace, Long, String> m = b2.getMapState("m", StateSerializers.LONG,
                            StateSerializers.STRING);
                    for (String key : b2.keys("v", VoidNamespace.INSTANCE)) {
                        assertTrue(range.contains(KeyGroupAssignment.keyGroupFor(key.hashCode(), MAX_PARALLELISM)));
                        b2.setCurrentKey(key);
                        long k = v.value();
                        assertEquals(List.of(k, k + 1), l.get());
                        assertEquals("m" + k, m.get(k));
                        assertFalse(restored.containsKey(key));
                        restored.put(key, k);
                    }
                    TimerService<String, VoidNamespace> t = b2.getTimerService("t", StateSerializers.VOID_NAMESPACE);
                    t.advanceWatermark(Long.MAX_VALUE, (key, ns, time) -> firedTimers.put(key, time));
                }
            }
        }
        assertEquals(expected, restored);
        assertEquals(expected, new TreeMap<>(firedTimers));
    }

    @Test
    void restoreRejectsAnotherMaxParallelismOrStateType() throws Exception {
        byte[] snap;
        try (KeyedStateBackend<String> b = all()) {
            KeyedValueState<VoidNamespace, Long> v = b.getValueState("v", StateSerializers.LONG);
            b.setCurrentKey("a");
            v.update(1L);
            snap = snapshot(b);
        }
        try (KeyedStateBackend<String> b = create(StateSerializers.STRING, 32, KeyGroupRange.all(32))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> b.restore(List.of(new ByteArrayInputStream(snap))));
            assertTrue(e.getMessage().contains("pipeline.max-parallelism = 16"), e.getMessage());
        }
        try (KeyedStateBackend<String> b = all()) {
            b.restore(List.of(new ByteArrayInputStream(snap)));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> b.getValueState("v", StateSerializers.STRING));
            assertTrue(e.getMessage().contains("cannot be read with another type"), e.getMessage());
        }
    }

    @Test
    void keysOutsideTheRangeAreRejected() throws Exception {
        KeyGroupRange half = KeyGroupAssignment.rangeForOperator(MAX_PARALLELISM, 2, 0);
        try (KeyedStateBackend<String> b = create(StateSerializers.STRING, MAX_PARALLELISM, half)) {
            int outside = half.endKeyGroup() + 1;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.setCurrentKey("k", outside));
            assertTrue(e.getMessage().contains("does not own"), e.getMessage());
        }
    }

    /**
     * An asynchronous snapshot written after the state changed (values updated and cleared, list elements and map
     * entries added, keys added, timers registered and deleted, a restored state registered) is the state when it
     * was frozen: byte for byte the synchronous snapshot taken then.
     */
    @Test
    void anAsynchronousSnapshotIsTheStateWhenItWasFrozen() throws Exception {
        byte[] restoredState;
        try (KeyedStateBackend<String> b = all()) {
            KeyedValueState<VoidNamespace, Long> pending = b.getValueState("pending", StateSerializers.LONG);
            for (int k = 0; k < 40; k++) {
                b.setCurrentKey("p" + k);
                pending.update((long) k);
            }
            restoredState = snapshot(b);
        }
        try (KeyedStateBackend<String> b = all()) {
            b.restore(List.of(new ByteArrayInputStream(restoredState))); // "pending" is not registered yet
            KeyedValueState<VoidNamespace, Long> v = b.getValueState("v", StateSerializers.LONG);
            KeyedListState<VoidNamespace, Long> l = b.getListState("l", StateSerializers.LONG);
            KeyedMapState<VoidNamespace, Long, String> m = b.getMapState("m", StateSerializers.LONG,
                    StateSerializers.STRING);
            TimerService<String, VoidNamespace> t = b.getTimerService("t", StateSerializers.VOID_NAMESPACE);
            for (long k = 0; k < 300; k++) {
                b.setCurrentKey("key" + k);
                v.update(k);
                l.add(k);
                m.put(k, "m" + k);
                t.registerEventTimeTimer(VoidNamespace.INSTANCE, k);
            }
            byte[] atFreeze = snapshot(b);
            try (KeyedStateSnapshot frozen = b.snapshotAsync()) {
                for (long k = 0; k < 400; k++) {
                    b.setCurrentKey("key" + k);
                    if (k % 3 == 0) {
                        v.clear();
                    } else {
                        v.update(-k);
                    }
                    l.add(k * 10);
                    m.put(k + 1000, "later");
                    t.registerEventTimeTimer(VoidNamespace.INSTANCE, k + 5000);
                    t.deleteEventTimeTimer(VoidNamespace.INSTANCE, k);
                }
                b.getValueState("pending", StateSerializers.LONG); // registers the restored state
                ByteArrayOutputStream later = new ByteArrayOutputStream();
                frozen.writeTo(later);
                assertTrue(java.util.Arrays.equals(atFreeze, later.toByteArray()),
                        "the asynchronous snapshot differs from the state when it was frozen");
                assertFalse(java.util.Arrays.equals(atFreeze, snapshot(b)), "the state changed meanwhile");
            }
        }
    }

    static byte[] snapshot(KeyedStateBackend<?> b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.snapshot(out);
        return out.toByteArray();
    }

    static List<InputStream> streams(List<byte[]> snapshots) {
        List<InputStream> in = new ArrayList<>();
        for (byte[] s : snapshots) {
            in.add(new ByteArrayInputStream(s));
        }
        return in;
    }

    static List<String> sorted(List<String> keys) {
        List<String> copy = new ArrayList<>(keys);
        copy.sort(null);
        return copy;
    }
}
