/**
 * The benchmark-only {@code 'connector' = 'bench-memory'} source: replays Arrow batches that a
 * benchmark generated in memory beforehand, so a timed query pays no decoding cost.
 */
package io.sluice.benchmarks.memory;
