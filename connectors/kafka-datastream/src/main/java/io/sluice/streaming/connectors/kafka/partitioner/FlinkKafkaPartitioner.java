package io.sluice.streaming.connectors.kafka.partitioner;

import io.sluice.connector.kafka.sink.KafkaPartitioner;

/**
 * A {@link KafkaPartitioner} as a class to extend, the base of user partitioners of Flink programs.
 *
 * @param <T> the stream records
 */
public abstract class FlinkKafkaPartitioner<T> implements KafkaPartitioner<T> {
    private static final long serialVersionUID = -9086719227828020494L;

    @Override
    public void open(int parallelInstanceId, int parallelInstances) {
    }
}
