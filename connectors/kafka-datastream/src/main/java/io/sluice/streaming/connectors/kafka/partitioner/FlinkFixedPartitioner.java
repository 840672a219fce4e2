package io.sluice.streaming.connectors.kafka.partitioner;

/**
 * Every parallel writer writes to one partition: writer {@code i} to the partition at index
 * {@code i % partitions.length} of the topic's partitions, so that with fewer writers than partitions some partitions
 * get nothing and with more several writers share one.
 *
 * @param <T> the stream records
 */
public class FlinkFixedPartitioner<T> extends FlinkKafkaPartitioner<T> {
    private static final long serialVersionUID = -3785320239953858777L;
    private int parallelInstanceId = -1;

    @Override
    public void open(int parallelInstanceId, int parallelInstances) {
        if (parallelInstanceId < 0) {
            throw new IllegalArgumentException("The id of the parallel instance must not be negative: "
                    + parallelInstanceId);
        }
        if (parallelInstances <= 0) {
            throw new IllegalArgumentException("The number of parallel instances must be positive: "
                    + parallelInstances);
        }
        this.parallelInstanceId = parallelInstanceId;
    }

    @Override
    public int partition(T record, byte[] key, byte[] value, String targetTopic, int[] partitions) {
        if (partitions == null || partitions.length == 0) {
            throw new IllegalArgumentException("Topic " + targetTopic + " has no partitions");
        }
        if (parallelInstanceId < 0) {
            throw new IllegalStateException("FlinkFixedPartitioner.partition called before open");
        }
        return partitions[parallelInstanceId % partitions.length];
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FlinkFixedPartitioner;
    }

    @Override
    public int hashCode() {
        return FlinkFixedPartitioner.class.hashCode();
    }
}
