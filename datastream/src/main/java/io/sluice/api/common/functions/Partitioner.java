package io.sluice.api.common.functions;

/**
 * Chooses the parallel instance of the next operator a record goes to from its key
 * ({@code DataStream.partitionCustom}).
 *
 * @param <K> the type of the key
 */
@FunctionalInterface
public interface Partitioner<K> extends java.io.Serializable, Function {

    /**
     * The instance for {@code key}.
     *
     * @param key the record's key
     * @param numPartitions the number of parallel instances of the next operator
     * @return an index from 0 to {@code numPartitions - 1}
     */
    int partition(K key, int numPartitions);
}
