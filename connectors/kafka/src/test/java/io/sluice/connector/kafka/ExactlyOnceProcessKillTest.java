package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once sink's transactions survive the kill of the process between a checkpoint's completion and the
 * commit of its transaction. A child JVM writes rows 1-60, takes checkpoint 1, writes rows 61-100, takes checkpoint 2
 * (its state goes to a file: checkpoint 2 is complete), writes rows 101-130, takes checkpoint 3 (never completed),
 * writes rows 131-150 and is killed (SIGKILL) without committing anything; this JVM restores from checkpoint 2,
 * writes rows 151-200 and ends. A {@code read_committed} consumer sees rows 1-100 and 151-200, each once.
 */
class ExactlyOnceProcessKillTest extends KafkaTestBase {
    @TempDir
    Path tmp;

    @Test
    @Timeout(90)
    void theTransactionOfACompletedCheckpointIsCommittedAfterTheProcessWasKilled() throws Exception {
        kafka.createTopic("kill_open", 2);
        byte[] state = runAndKill("kill_open", "kill-open", 0, false);
        assertEquals(List.of(), kafka.values("kill_open", "read_committed"), "nothing was committed before the kill");
        restoreAndFinish("kill_open", "kill-open", 0, state);
        // (had the transactions after checkpoint 2 stayed open, read_committed would end before rows 151-200)
        kafka.awaitTransactionMarkers("kill_open"); // the last commit's markers are written asynchronously
        assertEquals(expected(), sorted(kafka.values("kill_open", "read_committed")));
        // the killed run's records stay in the log, aborted: rows 1-100 twice (aborted, then rewritten), 101-150
        assertEquals(300, kafka.values("kill_open", "read_uncommitted").size());
    }

    @Test
    @Timeout(90)
    void aTransactionCommittedBeforeTheKillIsNotWrittenAgain() throws Exception {
        kafka.createTopic("kill_committed", 1);
        byte[] state = runAndKill("kill_committed", "kill-committed", 0, true);
        restoreAndFinish("kill_committed", "kill-committed", 0, state);
        kafka.awaitTransactionMarkers("kill_committed"); // the last commit's markers are written asynchronously
        assertEquals(expected(), sorted(kafka.values("kill_committed", "read_committed")));
        List<String> all = kafka.values("kill_committed", "read_uncommitted");
        assertEquals(200, all.size(), () -> "rows 1-100 written once, then 101-150 (aborted) and 151-200: " + all);
    }

    @Test
    @Timeout(90)
    void anotherWriterTakesOverAKilledWritersTransactions() throws Exception {
        kafka.createTopic("kill_rescaled", 1);
        // written as subtask 1, restored by subtask 0 (a restart at a lower parallelism): the killed writer's open
        // transactions after the checkpoint must be aborted too, or read_committed readers would wait for them
        byte[] state = runAndKill("kill_rescaled", "kill-rescaled", 1, false);
        restoreAndFinish("kill_rescaled", "kill-rescaled", 0, state);
        kafka.awaitTransactionMarkers("kill_rescaled"); // the last commit's markers are written asynchronously
        assertEquals(expected(), sorted(kafka.values("kill_rescaled", "read_committed")));
    }

    private static List<String> expected() {
        return sorted(IntStream.concat(IntStream.rangeClosed(1, 100), IntStream.rangeClosed(151, 200))
                .mapToObj(String::valueOf).toList());
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    /** Runs {@link #main} in a child JVM until it took checkpoint 1 and wrote on, kills it, returns its state. */
    private byte[] runAndKill(String topic, String prefix, int subtask, boolean commitCheckpoint) throws Exception {
        Path stateFile = tmp.resolve(topic + ".state");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ExactlyOnceProcessKillTest.class.getName(), kafka.bootstrap(),
                topic, prefix, String.valueOf(subtask), stateFile.toString(), String.valueOf(commitCheckpoint));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                output.add(line);
            }
            assertEquals("ready", line, () -> "the child process ended early:\n" + String.join("\n", output));
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no producer close, nothing committed
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        return Files.readAllBytes(stateFile);
    }

    /** A new writer restores checkpoint 2, writes rows 151-200 and ends (committing them). */
    private static void restoreAndFinish(String topic, String prefix, int subtask, byte[] state) {
        try (SinkTransactions restored = new SinkTransactions(topic, properties(kafka.bootstrap()), prefix,
                subtask)) {
            restored.restore(state);
            send(restored, topic, 151, 200);
            restored.flush();
            restored.commitAll();
        }
    }

    private static Properties properties(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    private static void send(SinkTransactions transactions, String topic, int from, int to) {
        for (int i = from; i <= to; i++) {
            byte[] value = String.valueOf(i).getBytes(StandardCharsets.UTF_8);
            transactions.send(new ProducerRecord<>(topic, null, null, value, value), (meta, e) -> {
                if (e != null) {
                    e.printStackTrace();
                }
            });
        }
    }

    /**
     * The process that is killed. Arguments: bootstrap servers, topic, transactional id prefix, subtask index, state
     * file, and whether the completion of checkpoints 1 and 2 reaches the writer (committing their transactions)
     * before the kill.
     */
    public static void main(String[] args) throws Exception {
        String topic = args[1];
        SinkTransactions writer = new SinkTransactions(topic, properties(args[0]), args[2],
                Integer.parseInt(args[3]));
        send(writer, topic, 1, 60);
        writer.flush();
        writer.prepare(1);
        send(writer, topic, 61, 100);
        writer.flush();
        byte[] state = writer.prepare(2);
        Path stateFile = Path.of(args[4]);
        Path partial = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.write(partial, state);
        Files.move(partial, stateFile, StandardCopyOption.ATOMIC_MOVE); // checkpoint 2 is complete
        if (Boolean.parseBoolean(args[5])) {
            writer.commitUpTo(2);
        }
        send(writer, topic, 101, 130);
        writer.flush();
        writer.prepare(3);
        send(writer, topic, 131, 150);
        writer.flush();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
