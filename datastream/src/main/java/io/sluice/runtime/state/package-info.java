/**
 * The contexts a {@code CheckpointedFunction} gets (Flink's {@code org.apache.flink.runtime.state}); the package
 * also holds the runtime's state classes of the table runtime module.
 */
package io.sluice.runtime.state;
