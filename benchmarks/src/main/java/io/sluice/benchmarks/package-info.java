/**
 * Benchmark programs (plain {@code main} classes with warm-up and median-of-N timing) and their
 * helpers. Not a dependency of the engine; see {@code BENCHMARKS.md} at the repository root.
 */
package io.sluice.benchmarks;
