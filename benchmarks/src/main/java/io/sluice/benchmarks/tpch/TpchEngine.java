package io.sluice.benchmarks.tpch;

import java.util.List;

/** One engine (and setting) the benchmark runs the queries on. */
interface TpchEngine extends AutoCloseable {
    /** The name in the output, e.g. {@code sluice} or {@code duckdb-mem}. */
    String name();

    /** Runs query {@code name} once and returns its rows, cells {@link ResultCheck#normalize normalized}. */
    List<List<Object>> run(String name) throws Exception;

    @Override
    void close() throws Exception;
}
