/** Operator state of user functions: {@code CheckpointedFunction} and {@code ListCheckpointed}. */
package io.sluice.streaming.api.checkpoint;
