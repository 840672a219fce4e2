package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.operators.SlotSharingGroup;
import io.sluice.configuration.MemorySize;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Slot sharing groups are accepted and recorded as in Flink (the builder checks the resources); Sluice has no slots,
 * so a job with groups runs as one without.
 */
class SlotSharingGroupTest {
    @Test
    void theBuilderChecksTheResources() {
        SlotSharingGroup named = SlotSharingGroup.newBuilder("a").build();
        assertEquals("a", named.getName());
        assertEquals(Optional.empty(), named.getCpuCores());

        SlotSharingGroup sized = SlotSharingGroup.newBuilder("b").setCpuCores(1.5).setTaskHeapMemoryMB(100)
                .setExternalResource("gpu", 1).build();
        assertEquals(Optional.of(1.5), sized.getCpuCores());
        assertEquals(Optional.of(MemorySize.ofMebiBytes(100)), sized.getTaskHeapMemory());
        assertEquals(Optional.of(MemorySize.ZERO), sized.getManagedMemory());
        assertEquals(1.0, sized.getExternalResources().get("gpu"));

        Exception e = assertThrows(IllegalArgumentException.class,
                () -> SlotSharingGroup.newBuilder("c").setCpuCores(1).build());
        assertTrue(e.getMessage().contains("task heap memory"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlotSharingGroup.newBuilder("d").setCpuCores(0));
        assertEquals(MemorySize.parse("64 mb"), MemorySize.ofMebiBytes(64));
        assertEquals("1536 kb", MemorySize.parse("1536k").toString());
    }

    @Test
    void aJobWithGroupsRunsAsWithout() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SlotSharingGroup heavy = SlotSharingGroup.newBuilder("heavy").setCpuCores(2).setTaskHeapMemoryMB(256).build();
        env.registerSlotSharingGroup(heavy);
        assertEquals(Optional.of(heavy), env.registeredSlotSharingGroup("heavy"));
        env.setParallelism(2);
        List<Long> out = new ArrayList<>();
        try (CloseableIterator<Long> it = env.fromSequence(1, 4)
                .map(x -> x * 10).slotSharingGroup("heavy")
                .filter(x -> x > 10).slotSharingGroup(SlotSharingGroup.newBuilder("light").build())
                .executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(null);
        assertEquals(List.of(20L, 30L, 40L), out);
    }
}
