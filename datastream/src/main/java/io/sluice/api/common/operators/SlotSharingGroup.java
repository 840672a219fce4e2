package io.sluice.api.common.operators;

import io.sluice.configuration.MemorySize;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named slot sharing group with the resources its slots would need. Sluice runs every instance of a job as a
 * thread of one process and has no slots: operators accept a group and record it, and it does not change how the
 * job is scheduled. The builder checks what Flink checks (CPU cores and task heap memory are needed as soon as any
 * resource is given).
 */
public final class SlotSharingGroup implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Double cpuCores;
    private final MemorySize taskHeapMemory;
    private final MemorySize taskOffHeapMemory;
    private final MemorySize managedMemory;
    private final Map<String, Double> externalResources;

    private SlotSharingGroup(String name, Double cpuCores, MemorySize taskHeapMemory, MemorySize taskOffHeapMemory,
            MemorySize managedMemory, Map<String, Double> externalResources) {
        this.name = Objects.requireNonNull(name);
        this.cpuCores = cpuCores;
        this.taskHeapMemory = taskHeapMemory;
        this.taskOffHeapMemory = taskOffHeapMemory;
        this.managedMemory = managedMemory;
        this.externalResources = new HashMap<>(externalResources);
    }

    public String getName() {
        return name;
    }

    public Optional<Double> getCpuCores() {
        return Optional.ofNullable(cpuCores);
    }

    public Optional<MemorySize> getTaskHeapMemory() {
        return Optional.ofNullable(taskHeapMemory);
    }

    public Optional<MemorySize> getTaskOffHeapMemory() {
        return Optional.ofNullable(taskOffHeapMemory);
    }

    public Optional<MemorySize> getManagedMemory() {
        return Optional.ofNullable(managedMemory);
    }

    public Map<String, Double> getExternalResources() {
        return Collections.unmodifiableMap(externalResources);
    }

    /** A builder of a group named {@code name}. */
    public static Builder newBuilder(String name) {
        return new Builder(name);
    }

    /** Groups are equal when their resources are (as in Flink, the name is not compared). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SlotSharingGroup)) {
            return false;
        }
        SlotSharingGroup that = (SlotSharingGroup) o;
        return Objects.equals(cpuCores, that.cpuCores) && Objects.equals(taskHeapMemory, that.taskHeapMemory)
                && Objects.equals(taskOffHeapMemory, that.taskOffHeapMemory)
                && Objects.equals(managedMemory, that.managedMemory)
                && externalResources.equals(that.externalResources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpuCores, taskHeapMemory, taskOffHeapMemory, managedMemory, externalResources);
    }

    @Override
    public String toString() {
        return "SlotSharingGroup{" + name + (cpuCores == null ? "" : ", cpuCores=" + cpuCores + ", taskHeapMemory="
                + taskHeapMemory + ", taskOffHeapMemory=" + taskOffHeapMemory + ", managedMemory=" + managedMemory
                + ", externalResources=" + externalResources) + "}";
    }

    /** Builds a {@link SlotSharingGroup}. */
    public static final class Builder {
        private final String name;
        private Double cpuCores;
        private MemorySize taskHeapMemory;
        private MemorySize taskOffHeapMemory;
        private MemorySize managedMemory;
        private final Map<String, Double> externalResources = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder setCpuCores(double cpuCores) {
            if (!(cpuCores > 0)) {
                throw new IllegalArgumentException("The CPU cores must be positive.");
            }
            this.cpuCores = cpuCores;
            return this;
        }

        public Builder setTaskHeapMemory(MemorySize taskHeapMemory) {
            if (taskHeapMemory.compareTo(MemorySize.ZERO) <= 0) {
                throw new IllegalArgumentException("The task heap memory must be positive.");
            }
            this.taskHeapMemory = taskHeapMemory;
            return this;
        }

        public Builder setTaskHeapMemoryMB(int taskHeapMemoryMB) {
            if (taskHeapMemoryMB <= 0) {
                throw new IllegalArgumentException("The task heap memory must be positive.");
            }
            this.taskHeapMemory = MemorySize.ofMebiBytes(taskHeapMemoryMB);
            return this;
        }

        public Builder setTaskOffHeapMemory(MemorySize taskOffHeapMemory) {
            this.taskOffHeapMemory = taskOffHeapMemory;
            return this;
        }

        public Builder setTaskOffHeapMemoryMB(int taskOffHeapMemoryMB) {
            this.taskOffHeapMemory = MemorySize.ofMebiBytes(taskOffHeapMemoryMB);
            return this;
        }

        public Builder setManagedMemory(MemorySize managedMemory) {
            this.managedMemory = managedMemory;
            return this;
        }

        public Builder setManagedMemoryMB(int managedMemoryMB) {
            this.managedMemory = MemorySize.ofMebiBytes(managedMemoryMB);
            return this;
        }

        /** Sets (or replaces) an external resource such as {@code gpu}. */
        public Builder setExternalResource(String name, double value) {
            externalResources.put(name, value);
            return this;
        }

        /** The group; fails when some resource is given without both CPU cores and task heap memory. */
        public SlotSharingGroup build() {
            if (cpuCores != null && taskHeapMemory != null) {
                return new SlotSharingGroup(name, cpuCores, taskHeapMemory,
                        taskOffHeapMemory == null ? MemorySize.ZERO : taskOffHeapMemory,
                        managedMemory == null ? MemorySize.ZERO : managedMemory, externalResources);
            }
            if (cpuCores != null || taskHeapMemory != null || taskOffHeapMemory != null || managedMemory != null
                    || !externalResources.isEmpty()) {
                throw new IllegalArgumentException("Slot sharing group '" + name + "' has resources: it needs "
                        + "positive CPU cores and task heap memory too.");
            }
            return new SlotSharingGroup(name, null, null, null, null, Map.of());
        }
    }
}
