/**
 * The DataStream side of Sink V2: topologies a sink adds around its writer and committer
 * ({@link io.sluice.streaming.api.connector.sink2.SupportsPreWriteTopology},
 * {@link io.sluice.streaming.api.connector.sink2.SupportsPreCommitTopology},
 * {@link io.sluice.streaming.api.connector.sink2.SupportsPostCommitTopology}) and the messages passed from writers
 * to committers ({@link io.sluice.streaming.api.connector.sink2.CommittableMessage}).
 */
package io.sluice.streaming.api.connector.sink2;
