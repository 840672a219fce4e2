/**
 * TPC-H side by side with DuckDB: a generator of the eight tables ({@link io.sluice.benchmarks.tpch.TpchGenerator}),
 * the 22 queries ({@link io.sluice.benchmarks.tpch.TpchQueries}) and the benchmark that runs them on both engines
 * and checks Sluice's rows against DuckDB's ({@link io.sluice.benchmarks.tpch.TpchBenchmark}).
 */
package io.sluice.benchmarks.tpch;
