/**
 * Apache Flink as a peer of the Nexmark benchmark: runs the statements that the Sluice benchmark
 * writes ({@code NexmarkBenchmark --write-csv}) on the same CSV files through Flink's own table
 * planner and runtime, embedded in one JVM, and prints the same machine-readable result lines.
 */
package io.sluice.benchmarks.flinkpeer;
