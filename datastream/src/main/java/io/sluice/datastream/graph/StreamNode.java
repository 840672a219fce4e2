package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A node of a DataStream program's logical graph: a source, an operator, a union, a side output or a partitioning. */
public abstract class StreamNode {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final int id = IDS.incrementAndGet();
    private String name;
    private TypeInformation<?> type;
    private int parallelism = -1;
    private String uid;
    private int maxParallelism = -1;
    private boolean nonParallel;
    private boolean feedsInOneInstance;
    private String description;
    private io.sluice.api.common.operators.SlotSharingGroup slotSharingGroup;

    protected StreamNode(String name, TypeInformation<?> type) {
        this.name = name;
        this.type = type;
    }

    /** The slot sharing group set on this node, or null (recorded only: Sluice has no slots). */
    public io.sluice.api.common.operators.SlotSharingGroup slotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(io.sluice.api.common.operators.SlotSharingGroup slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The type of the records; null when unknown (they are then serialized by their run-time class). */
    public TypeInformation<?> type() {
        return type;
    }

    public void setType(TypeInformation<?> type) {
        this.type = type;
    }

    /** The parallelism set on this node, or -1 for the job's. */
    public int parallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    /** The maximum parallelism (number of key groups) set on this node, or -1 for the job's. */
    public int maxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    /** Whether this node cannot run in parallel ({@code forceNonParallel}): its parallelism stays 1. */
    public boolean isNonParallel() {
        return nonParallel;
    }

    public void setNonParallel() {
        this.nonParallel = true;
    }

    /**
     * Whether operators after this node that have no parallelism of their own run in its instances until the next
     * exchange, rather than at the job's parallelism: set on the head of a non-parallel collection source
     * ({@code fromData}), so that its records keep their order until an exchange.
     */
    public boolean feedsInOneInstance() {
        return feedsInOneInstance;
    }

    public void setFeedsInOneInstance() {
        this.feedsInOneInstance = true;
    }

    /** The description set with {@code setDescription}, or null. */
    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String uid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public abstract List<StreamNode> inputs();

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
