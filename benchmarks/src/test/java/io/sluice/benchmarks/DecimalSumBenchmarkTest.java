package io.sluice.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.benchmarks.memory.MemoryDatasets;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DECIMAL SUM benchmark's query at a small size: both accumulators, both modes, against a plain loop. */
class DecimalSumBenchmarkTest {
    private BufferAllocator allocator;
    private List<RowBatch> batches;
    private final String dataset = "decimal-sum-test";

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        batches = DecimalSumBenchmark.generate(allocator, 20_007, 1000, 3);
        MemoryDatasets.register(dataset, DecimalSumBenchmark.TYPE, batches);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(DecimalSumBenchmark.WIDE_PROPERTY);
        MemoryDatasets.unregister(dataset);
        batches.forEach(RowBatch::close);
        allocator.close();
    }

    @Test
    void bothAccumulatorsInBothModesMatchAPlainLoop() throws Exception {
        TreeMap<Integer, BigDecimal> expected = new TreeMap<>();
        for (RowBatch b : batches) {
            IntVector key = (IntVector) b.vector(0);
            DecimalVector price = (DecimalVector) b.vector(1);
            for (int i = 0; i < b.rowCount(); i++) {
                if (!price.isNull(i)) {
                    expected.merge(key.get(i), price.getObject(i), BigDecimal::add);
                }
            }
        }
        for (EnvironmentSettings settings : List.of(EnvironmentSettings.inBatchMode(),
                EnvironmentSettings.inStreamingMode())) {
            TableEnvironment env = DecimalSumBenchmark.environment(settings, dataset);
            for (String wide : new String[] {"false", "true"}) {
                System.setProperty(DecimalSumBenchmark.WIDE_PROPERTY, wide);
                assertEquals(expected, DecimalSumBenchmark.collect(env), "wide accumulators: " + wide);
                env.executeSql("INSERT INTO sums " + DecimalSumBenchmark.QUERY).await();
            }
        }
    }
}
