package io.sluice.benchmarks.flinkpeer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;

/**
 * Runs Nexmark queries on Apache Flink (embedded: each INSERT runs on a local mini-cluster in this JVM)
 * in streaming mode, from the statements files that {@code NexmarkBenchmark --write-csv} writes, and
 * prints for each query and parallelism the line
 * {@code RESULT engine=flink query=q5 p=1 rows=N seconds=S events_per_s=E} (median of the timed runs
 * after the warm-ups), or {@code RESULT engine=flink query=q5 p=1 rows=N error=<first line>}.
 *
 * <p>Events/s = rows of the tables the query reads (lines of their CSV files) ÷ wall time of
 * {@code executeSql(INSERT ...)} + {@code await()}, planning and job submission included, as in the
 * Sluice benchmark. System property {@code flink.cluster}: {@code per-job} (the default) lets each
 * {@code executeSql} start and stop its own embedded mini-cluster (what a plain
 * {@code TableEnvironment.create} does, and how the earlier Flink baseline was measured), whose start is
 * then a part of each timed run; {@code session} starts one mini-cluster per parallelism and submits every
 * job to it through its REST endpoint on the loopback address. A
 * {@code startup} line times {@code INSERT INTO blackhole VALUES (1)}: the fixed cost of one job.
 *
 * <p>State and checkpoints: system property {@code flink.state-backend} ({@code hashmap}, the default, or
 * {@code rocksdb}) sets {@code state.backend.type}; {@code flink.checkpoint-interval} (e.g. {@code 10s}; unset:
 * no checkpoints) sets {@code execution.checkpointing.interval}, exactly-once, with filesystem checkpoint
 * storage in a temporary directory (emptied after each run, deleted at the end), incremental when
 * {@code flink.checkpoint-incremental} is {@code true} ({@code execution.checkpointing.incremental}). With checkpoints, each
 * RESULT line also says {@code checkpoints=a,b,c}: the checkpoints each timed run completed (Flink's
 * {@code numberOfCompletedCheckpoints} job metric, read through {@link CheckpointCounter}).
 *
 * <p>Arguments: {@code queries} (comma-separated, or {@code all}), {@code timed runs}, {@code warm-up
 * runs}, then one {@code P:FILE} per parallelism: run at parallelism P on the statements file FILE.
 */
public final class FlinkNexmark {
    private FlinkNexmark() {
    }

    private static final String BACKEND = System.getProperty("flink.state-backend", "hashmap");
    private static final String INTERVAL = System.getProperty("flink.checkpoint-interval", "");
    private static final String INCREMENTAL = System.getProperty("flink.checkpoint-incremental", "false");
    private static Path checkpointDir;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FlinkNexmark QUERIES|all RUNS WARMUPS P:STATEMENTS_FILE...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        if (!INTERVAL.isBlank()) {
            checkpointDir = Files.createTempDirectory("flink-nexmark-checkpoints-");
        }
        for (String spec : Arrays.copyOfRange(args, 3, args.length)) {
            int colon = spec.indexOf(':');
            int p = Integer.parseInt(spec.substring(0, colon));
            NexmarkScript script = NexmarkScript.read(Path.of(spec.substring(colon + 1)));
            List<String> names = args[0].equals("all") ? new ArrayList<>(script.queries().keySet())
                    : List.of(args[0].split(","));
            boolean session = "session".equals(System.getProperty("flink.cluster", "per-job"));
            MiniCluster cluster = session ? startCluster(p) : null;
            TableEnvironment env = environment(p, script, cluster);
            Map<String, Long> tableRows = new HashMap<>();
            runStartup(env, p, runs, warmups);
            for (String name : names) {
                NexmarkScript.Query q = script.queries().get(name.trim());
                if (q == null) {
                    throw new IllegalArgumentException("no query " + name + " in " + spec + "; known: "
                            + script.queries().keySet());
                }
                long rows = 0;
                for (String table : q.tables()) {
                    rows += tableRows.computeIfAbsent(table, t -> lines(script.dir().resolve(t)));
                }
                run(env, script, q, p, rows, runs, warmups);
            }
            if (cluster != null) {
                cluster.close();
            }
        }
        if (checkpointDir != null) {
            emptyDirectory(checkpointDir);
            try {
                Files.deleteIfExists(checkpointDir);
            } catch (IOException e) {
                System.out.println("could not delete " + checkpointDir + ": " + e);
            }
        }
        System.exit(0);
    }

    /** An embedded cluster with {@code p} task slots, its REST endpoint on a free loopback port. */
    private static MiniCluster startCluster(int p) throws Exception {
        Configuration conf = loopbackRest();
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(p).build());
        cluster.start();
        return cluster;
    }

    private static Configuration loopbackRest() {
        Configuration conf = new Configuration();
        conf.setString("rest.bind-address", "127.0.0.1");
        conf.setString("rest.address", "127.0.0.1");
        conf.setString("rest.bind-port", "0");
        conf.setString("state.backend.type", BACKEND);
        if (!INTERVAL.isBlank()) {
            conf.setString("execution.checkpointing.interval", INTERVAL);
            conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
            conf.setString("execution.checkpointing.storage", "filesystem");
            conf.setString("execution.checkpointing.incremental", INCREMENTAL);
            conf.setString("execution.checkpointing.dir", checkpointDir.toUri().toString());
            conf.setString("metrics.reporter.checkpoints.factory.class", CheckpointCounter.class.getName());
        }
        return conf;
    }

    private static TableEnvironment environment(int p, NexmarkScript script, MiniCluster cluster) throws Exception {
        Configuration conf = loopbackRest();
        conf.setString("parallelism.default", Integer.toString(p));
        if (cluster != null) {
            URI rest = cluster.getRestAddress().get();
            conf.setString("execution.target", "remote");
            conf.setString("rest.address", rest.getHost());
            conf.setString("rest.port", Integer.toString(rest.getPort()));
        }
        TableEnvironment env = TableEnvironment.create(
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(conf).build());
        for (String statement : script.setup()) {
            env.executeSql(statement);
        }
        env.createTemporarySystemFunction("count_char", CountChar.class);
        env.executeSql("CREATE TABLE flink_startup (x INT) WITH ('connector' = 'blackhole')");
        return env;
    }

    private static void runStartup(TableEnvironment env, int p, int runs, int warmups) throws Exception {
        for (int w = 0; w < warmups; w++) {
            env.executeSql("INSERT INTO flink_startup VALUES (1)").await();
        }
        long[] times = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            env.executeSql("INSERT INTO flink_startup VALUES (1)").await();
            times[r] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "RESULT engine=flink query=startup p=%d rows=1 seconds=%.4f events_per_s=0%n",
                p, median(times) / 1e9);
    }

    private static void run(TableEnvironment env, NexmarkScript script, NexmarkScript.Query q, int p, long rows,
            int runs, int warmups) {
        Path output = script.dir().resolve("output").resolve(q.name());
        try {
            env.executeSql(q.sinkDdl());
            for (int w = 0; w < warmups; w++) {
                env.executeSql(q.insert()).await();
                deleteTree(output);
            }
            long[] times = new long[runs];
            StringBuilder checkpoints = new StringBuilder();
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                TableResult result = env.executeSql(q.insert());
                result.await();
                times[r] = System.nanoTime() - start;
                deleteTree(output);
                String counted = "";
                if (checkpointDir != null) {
                    long completed = CheckpointCounter.completed(result.getJobClient().orElseThrow().getJobID()
                            .toHexString());
                    checkpoints.append(checkpoints.length() == 0 ? "" : ",").append(completed);
                    counted = ", " + completed + " checkpoints completed";
                    emptyDirectory(checkpointDir);
                }
                System.out.printf(Locale.ROOT, "  flink %s p=%d run %d: %.0f ev/s%s%n", q.name(), p, r,
                        rows / (times[r] / 1e9), counted);
            }
            double seconds = median(times) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT engine=flink query=%s p=%d backend=%s rows=%d seconds=%.4f"
                    + " events_per_s=%.0f%s%n", q.name(), p, BACKEND, rows, seconds, rows / seconds,
                    checkpointDir == null ? "" : " checkpoints=" + checkpoints);
        } catch (Exception | Error e) {
            System.out.printf(Locale.ROOT, "  flink %s p=%d FAILED%n", q.name(), p);
            e.printStackTrace(System.out);
            System.out.printf(Locale.ROOT, "RESULT engine=flink query=%s p=%d backend=%s rows=%d error=%s%n", q.name(),
                    p, BACKEND, rows, firstLine(e));
        }
    }

    /** The first line of the error's message (the error's class when it has none). */
    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end).strip();
        return e.getClass().getSimpleName() + ": " + line;
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Newline count of the files under {@code dir} whose names do not start with '.' or '_'. */
    private static long lines(Path dir) {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                count++;
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return count;
    }

    /**
     * Deletes what the finished jobs left under {@code dir}, best effort: Flink discards a finished job's
     * checkpoints in the background, so files may vanish while this walks them.
     */
    private static void emptyDirectory(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                deleteTree(child);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // deleted meanwhile; what is left goes at the next run or at the end
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
