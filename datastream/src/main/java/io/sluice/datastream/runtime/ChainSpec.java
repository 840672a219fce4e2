package io.sluice.datastream.runtime;

import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators of one chain and how the node's inputs reach its head: per input, the exit id of the producing
 * chain whose rows it reads (-1: every row, from a source), the serializer of those records and the head's input
 * index. Serialized once when the job is built; every parallel instance deserializes its own copy.
 */
public final class ChainSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    final String name;
    final ChainedOperator head;
    final List<Integer> inputExits = new ArrayList<>();
    final List<Integer> headInputs = new ArrayList<>();
    final List<StateSerializer<?>> inputSerializers = new ArrayList<>();
    /** The serializer of the keys of a keyed head; null otherwise. */
    StateSerializer<?> keySerializer;

    public ChainSpec(String name, ChainedOperator head) {
        this.name = name;
        this.head = head;
    }

    /** Adds a node input: rows of exit {@code exit} (-1 for all), deserialized, fed to head input {@code headInput}. */
    public void addInput(int exit, StateSerializer<?> serializer, int headInput) {
        inputExits.add(exit);
        inputSerializers.add(serializer);
        headInputs.add(headInput);
    }

    public void setKeySerializer(StateSerializer<?> keySerializer) {
        this.keySerializer = keySerializer;
    }

    public ChainedOperator head() {
        return head;
    }

    public String name() {
        return name;
    }

    /** Every operator of the chain, the head first, each before the operators chained after it. */
    public List<ChainedOperator> operators() {
        List<ChainedOperator> out = new ArrayList<>();
        collect(head, out);
        return out;
    }

    private static void collect(ChainedOperator op, List<ChainedOperator> out) {
        out.add(op);
        for (ChainedOperator next : op.successors) {
            collect(next, out);
        }
    }
}
