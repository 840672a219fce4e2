package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.ParameterTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program's parameters ({@code ParameterTool}) and the job's global parameters its functions read. */
class ParameterToolTest {
    @TempDir
    Path dir;

    @Test
    void argumentsBecomeTypedParameters() {
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--input", "/data/in", "-parallelism", "4",
                "--offset", "-5", "--verbose", "--ratio", "0.5"});
        assertEquals(5, params.getNumberOfParameters());
        assertEquals("/data/in", params.getRequired("input"));
        assertEquals(4, params.getInt("parallelism"));
        assertEquals(-5L, params.getLong("offset"));
        assertEquals(ParameterTool.NO_VALUE_KEY, params.get("verbose"));
        assertTrue(params.has("verbose"));
        assertEquals(7, params.getInt("missing", 7));
        assertFalse(params.getBoolean("missing", false));
        assertEquals(Set.of("ratio"), params.getUnrequestedParameters());
        assertEquals(0.5, params.getDouble("ratio"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> params.getRequired("output"));
        assertEquals("No data for required key 'output'", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ParameterTool.fromArgs(new String[] {"input", "x"}));
        assertTrue(bad.getMessage().contains("Please prefix keys with -- or -."), bad.getMessage());
    }

    @Test
    void propertiesFilesMapsAndMerging() throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "input=/data/in\nretries=3\n");
        ParameterTool fromFile = ParameterTool.fromPropertiesFile(file.toString());
        ParameterTool merged = fromFile.mergeWith(ParameterTool.fromMap(Map.of("retries", "5")));
        assertEquals(Map.of("input", "/data/in", "retries", "5"), merged.toMap());
        assertEquals("5", merged.getProperties().getProperty("retries"));
        assertEquals("/data/in", merged.getConfiguration().getString("input", null));
    }

    /** Tags each record with the job parameter "tag". */
    static final class Tag extends RichMapFunction<Long, String> {
        @Override
        public String map(Long value) {
            return getRuntimeContext().getGlobalJobParameters().get("tag") + value;
        }
    }

    @Test
    void functionsReadTheJobsGlobalParameters() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--tag", "n="});
        env.getConfig().setGlobalJobParameters(params);
        assertEquals(params, env.getConfig().getGlobalJobParameters());
        List<String> out = env.fromSequence(1, 3).map(new Tag()).executeAndCollect(10);
        out.sort(null);
        assertEquals(List.of("n=1", "n=2", "n=3"), out);
    }
}
