package io.sluice.datastream.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Saving, restoring and redistributing the operator state lists of one operator. */
class OperatorStatesTest {
    private static Map<String, OperatorStates.Saved> save(List<Long> split, List<Long> union) throws Exception {
        OperatorStates store = new OperatorStates(null);
        store.getListState(new ListStateDescriptor<>("split", Types.LONG)).update(split);
        store.getUnionListState(new ListStateDescriptor<>("union", Types.LONG)).update(union);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.write(new DataOutputStream(bytes));
        return OperatorStates.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static List<Long> values(OperatorStates store, String name, boolean union) throws Exception {
        ListStateDescriptor<Long> d = new ListStateDescriptor<>(name, Types.LONG);
        ListState<Long> s = union ? store.getUnionListState(d) : store.getListState(d);
        List<Long> out = new ArrayList<>();
        s.get().forEach(out::add);
        return out;
    }

    @Test
    void listsAreSplitEvenlyAndUnionListsCopied() throws Exception {
        List<Map<String, OperatorStates.Saved>> old = List.of(save(List.of(1L, 2L, 3L), List.of(10L)),
                save(List.of(4L, 5L), List.of(20L)), save(List.of(), List.of(30L)));
        List<Long> all = new ArrayList<>();
        for (int subtask = 0; subtask < 4; subtask++) {
            OperatorStates store = new OperatorStates(OperatorStates.redistribute(old, subtask, 4));
            List<Long> split = values(store, "split", false);
            assertTrue(split.size() == 1 || split.size() == 2, "even split: " + split);
            all.addAll(split);
            assertEquals(List.of(10L, 20L, 30L), values(store, "union", true));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), all);
    }

    @Test
    void unclaimedListsAreKeptAndModesChecked() throws Exception {
        OperatorStates store = new OperatorStates(save(List.of(7L), List.of(8L)));
        assertThrows(IllegalStateException.class,
                () -> store.getUnionListState(new ListStateDescriptor<>("split", Types.LONG)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.write(new DataOutputStream(bytes));
        OperatorStates again = new OperatorStates(
                OperatorStates.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertEquals(List.of(7L), values(again, "split", false));
        assertEquals(List.of(8L), values(again, "union", true));
    }

    private static Map<String, OperatorStates.Saved> saveBroadcast(Map<String, Long> entries) throws Exception {
        OperatorStates store = new OperatorStates(null);
        store.getBroadcastState(new MapStateDescriptor<>("rules", Types.STRING, Types.LONG)).putAll(entries);
        store.getListState(new ListStateDescriptor<>("split", Types.LONG)).update(List.of(1L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.write(new DataOutputStream(bytes));
        return OperatorStates.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static Map<String, Long> broadcast(OperatorStates store) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : store.getBroadcastState(
                new MapStateDescriptor<>("rules", Types.STRING, Types.LONG)).entries()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Test
    void broadcastStateIsSavedAndEachNewInstanceTakesOneEarlierCopy() throws Exception {
        Map<String, Long> first = new TreeMap<>(Map.of("a", 1L, "b", 2L));
        Map<String, Long> second = new TreeMap<>(Map.of("a", 1L, "c", 3L));
        first.put("n", null);
        List<Map<String, OperatorStates.Saved>> old = List.of(saveBroadcast(first), saveBroadcast(second));
        OperatorStates same = new OperatorStates(old.get(0));
        assertEquals(first, broadcast(same));
        assertEquals(Set.of("rules"), same.getRegisteredBroadcastStateNames());
        List<Long> split = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            OperatorStates store = new OperatorStates(OperatorStates.redistribute(old, subtask, 3));
            assertEquals(subtask % 2 == 0 ? first : second, broadcast(store), "instance " + subtask);
            split.addAll(values(store, "split", false));
        }
        assertEquals(List.of(1L, 1L), split, "the lists beside it are split as before");
    }
}
