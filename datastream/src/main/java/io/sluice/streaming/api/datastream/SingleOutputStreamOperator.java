package io.sluice.streaming.api.datastream;

import io.sluice.api.common.typeinfo.TypeHint;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.graph.SideOutputNode;
import io.sluice.datastream.graph.StreamNode;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.OutputTag;

/** The result of an operator: a stream with a name, a parallelism, a declared type and side outputs. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, StreamNode node) {
        super(environment, node);
    }

    public String getName() {
        return node.name();
    }

    public SingleOutputStreamOperator<T> name(String name) {
        node.setName(name);
        return this;
    }

    /** A stable id of the operator (its state is restored by its position in the job in Sluice). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    /**
     * A hash that identifies the operator in Flink's job graph; Sluice identifies state by {@link #uid} (or the job's
     * structure) and accepts the hash without using it.
     */
    public SingleOutputStreamOperator<T> setUidHash(String uidHash) {
        return this;
    }

    /**
     * The number of parallel instances of this operator. An operator whose input runs at another parallelism reads
     * it round-robin ({@code rebalance}) unless its input has an exchange of its own ({@code keyBy}, ...).
     */
    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        validateParallelism(parallelism, node.isNonParallel());
        setParallelismOf(parallelism);
        return this;
    }

    /** Sets the parallelism on the nodes this stream stands for (a source: also its reader). */
    protected void setParallelismOf(int parallelism) {
        node.setParallelism(parallelism);
    }

    /**
     * The maximum parallelism of this operator: the number of key groups its keyed state is divided into (and a
     * keyed input routed by).
     */
    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        validateMaxParallelism(maxParallelism, node.isNonParallel());
        node.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Makes this operator run in one instance: its parallelism and max parallelism become 1 and stay so. */
    public SingleOutputStreamOperator<T> forceNonParallel() {
        setParallelismOf(1);
        node.setMaxParallelism(1);
        node.setNonParallel();
        return this;
    }

    /** A description of the operator (Flink shows it in its web UI); Sluice keeps it with the operator. */
    public SingleOutputStreamOperator<T> setDescription(String description) {
        node.setDescription(description);
        return this;
    }

    /** Sluice's exchanges send batches as they fill or as the chain yields; the timeout is accepted and unused. */
    public SingleOutputStreamOperator<T> setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < -1) {
            throw new IllegalArgumentException("timeout must be >= -1");
        }
        return this;
    }

    /** Checks an operator parallelism as Flink does. */
    static void validateParallelism(int parallelism, boolean nonParallel) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism of an operator must be at least 1.");
        }
        if (nonParallel && parallelism != 1) {
            throw new IllegalArgumentException("The parallelism of non parallel operator must be 1.");
        }
    }

    /** Checks an operator max parallelism as Flink does. */
    static void validateMaxParallelism(int maxParallelism, boolean nonParallel) {
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("The maximum parallelism must be greater than 0.");
        }
        if (maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("The maximum parallelism must be smaller than or equal to "
                    + UPPER_BOUND_MAX_PARALLELISM + ".");
        }
        if (nonParallel && maxParallelism != 1) {
            throw new IllegalArgumentException("The max parallelism of non parallel operator must be 1.");
        }
    }

    /** The largest max parallelism (number of key groups), as in Flink. */
    static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    /** Declares the type of the records (lambdas do not carry it). */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        node.setType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeInformation.of(typeClass));
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(TypeInformation.of(typeHint));
    }

    /**
     * Chaining is decided by the job graph builder (operators of equal parallelism connected one to one share a
     * chain); these calls change nothing in Sluice.
     */
    public SingleOutputStreamOperator<T> disableChaining() {
        return this;
    }

    public SingleOutputStreamOperator<T> startNewChain() {
        return this;
    }

    /**
     * Names the operator's slot sharing group. Sluice runs a job's instances as threads of one process, without
     * slots: the group (with the resources registered under its name, if any) is recorded on the operator and does
     * not change scheduling.
     */
    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        node.setSlotSharingGroup(environment.registeredSlotSharingGroup(slotSharingGroup).orElseGet(
                () -> io.sluice.api.common.operators.SlotSharingGroup.newBuilder(slotSharingGroup).build()));
        return this;
    }

    /**
     * Names the operator's slot sharing group and registers its resources with the environment (recorded, without
     * effect on scheduling, as {@link #slotSharingGroup(String)}).
     */
    public SingleOutputStreamOperator<T> slotSharingGroup(
            io.sluice.api.common.operators.SlotSharingGroup slotSharingGroup) {
        environment.registerSlotSharingGroup(slotSharingGroup);
        node.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /** The records this operator emitted to the side output {@code sideOutputTag}. */
    public <X> SideOutputDataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        return new SideOutputDataStream<>(environment, new SideOutputNode(node, sideOutputTag,
                sideOutputTag.getTypeInfo()));
    }
}
