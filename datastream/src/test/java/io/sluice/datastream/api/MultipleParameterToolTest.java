package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.util.MultipleParameterTool;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code MultipleParameterTool}: repeated keys keep all their values. */
class MultipleParameterToolTest {
    @Test
    void repeatedKeysKeepEveryValue() {
        MultipleParameterTool params = MultipleParameterTool.fromArgs(new String[] {"--input", "a.txt", "--input",
                "b.txt", "-output", "out", "--verbose", "--offset", "-5"});
        assertEquals(List.of("a.txt", "b.txt"), List.copyOf(params.getMultiParameterRequired("input")));
        assertEquals("out", params.get("output"));
        assertEquals("-5", params.get("offset"));
        assertEquals(MultipleParameterTool.NO_VALUE_KEY, params.get("verbose"));
        assertThrows(IllegalStateException.class, () -> params.get("input"));
        assertNull(params.getMultiParameter("missing"));
        assertThrows(RuntimeException.class, () -> params.getMultiParameterRequired("missing"));
        assertEquals(4, params.getNumberOfParameters());
        assertEquals("a.txt,b.txt", params.toMap().get("input"));
        assertEquals(Set.of(), params.getUnrequestedParameters());
        MultipleParameterTool merged = params.mergeWith(MultipleParameterTool.fromMultiMap(
                Map.of("input", List.of("c.txt"))));
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), List.copyOf(merged.getMultiParameter("input")));
    }
}
