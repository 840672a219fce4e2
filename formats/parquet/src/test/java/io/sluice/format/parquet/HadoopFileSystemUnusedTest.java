package io.sluice.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing and reading parquet never uses Hadoop's {@code FileSystem} or {@code Path} (which would need far more of
 * Hadoop than the slice on the class path): a fresh JVM writes and reads a table with class initialization logged,
 * and the log shows that neither class was ever initialized. (The JVM may load {@code FileSystem} without
 * initializing it, to verify the byte code of Hadoop's {@code Configuration}; no code of it runs.)
 */
class HadoopFileSystemUnusedTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void writingAndReadingNeverLoadsHadoopsFileSystem() throws Exception {
        Path log = tmp.resolve("classes.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        command.add("-Xlog:class+init=info:file=" + log);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RoundTrip.class.getName());
        command.add(tmp.resolve("table").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the child JVM finished");
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("ROWS [+I[1, a], +I[2, null]]"), out);
        String classes = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(classes.contains("Initializing 'org/apache/parquet/hadoop/ParquetFileReader'"), "parquet read");
        assertTrue(classes.contains("Initializing 'org/apache/parquet/hadoop/ParquetWriter'"), "parquet wrote");
        assertFalse(classes.contains("Initializing 'org/apache/hadoop/fs/FileSystem'"), "Hadoop's FileSystem was used");
        assertFalse(classes.contains("Initializing 'org/apache/hadoop/fs/LocalFileSystem'"), "a FileSystem was used");
        assertFalse(classes.contains("Initializing 'org/apache/hadoop/fs/Path'"), "Hadoop's Path was used");
    }

    /** The child JVM's program: writes and reads a parquet table, printing the rows. */
    public static final class RoundTrip {
        public static void main(String[] args) throws Exception {
            TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
            env.executeSql("CREATE TABLE t (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '"
                    + new File(args[0]) + "', 'format' = 'parquet', 'parquet.compression' = 'zstd')");
            env.executeSql("INSERT INTO t VALUES (1, 'a'), (2, CAST(NULL AS STRING))").await();
            List<String> rows = new ArrayList<>();
            try (CloseableIterator<Row> it = env.executeSql("SELECT * FROM t").collect()) {
                it.forEachRemaining(r -> rows.add(r.toString()));
            }
            rows.sort(null);
            System.out.println("ROWS " + rows);
            System.exit(0);
        }
    }
}
