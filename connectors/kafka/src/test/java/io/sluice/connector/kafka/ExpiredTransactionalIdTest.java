package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A checkpoint restored after the broker forgot its transactions' ids (a savepoint restored long after it was
 * taken): the transaction's first record, read with {@code read_committed}, tells whether it was committed. The
 * broker here forgets an id a second after its transaction ended.
 */
class ExpiredTransactionalIdTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new EmbeddedKafka(Map.of("transactional.id.expiration.ms", "1000",
                "transaction.remove.expired.transaction.cleanup.interval.ms", "200",
                "transaction.abort.timed.out.transaction.cleanup.interval.ms", "200"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    @Timeout(60)
    void aCommittedTransactionWhoseIdExpiredIsNotWrittenAgain() throws Exception {
        kafka.createTopic("expired_committed", 1);
        SinkTransactions first = new SinkTransactions("t", properties(), "exp-c", 0);
        send(first, "expired_committed", 1, 50);
        first.flush();
        byte[] state = first.prepare(1);
        first.commitUpTo(1);
        first.close();
        awaitForgotten("exp-c-0");
        restoreAndFinish("expired_committed", "exp-c", state);
        assertEquals(expected(), sorted(kafka.values("expired_committed", "read_committed")));
        assertEquals(60, kafka.values("expired_committed", "read_uncommitted").size(), "rows 1-50 written once");
    }

    @Test
    @Timeout(60)
    void anAbortedTransactionWhoseIdExpiredIsWrittenAgain() throws Exception {
        kafka.createTopic("expired_aborted", 1);
        Properties shortTimeout = properties();
        // the broker aborts it a few seconds after it began: long enough for its records to be written first on a
        // loaded machine (with 1 s they were sometimes refused as the transaction had already timed out)
        shortTimeout.put("transaction.timeout.ms", "3000");
        SinkTransactions first = new SinkTransactions("t", shortTimeout, "exp-a", 0);
        send(first, "expired_aborted", 1, 50);
        first.flush();
        assertEquals(50, kafka.readAll("expired_aborted", "read_uncommitted").size(),
                "rows 1-50 were written in the transaction before it timed out");
        byte[] state = first.prepare(1);
        first.close(); // the process "dies": never committed
        awaitForgotten("exp-a-0");
        restoreAndFinish("expired_aborted", "exp-a", state);
        assertEquals(expected(), sorted(kafka.values("expired_aborted", "read_committed")));
    }

    private static void restoreAndFinish(String topic, String prefix, byte[] state) {
        try (SinkTransactions restored = new SinkTransactions("t", properties(), prefix, 0)) {
            restored.restore(state);
            send(restored, topic, 51, 60);
            restored.flush();
            restored.commitAll();
        }
        try {
            kafka.awaitTransactionMarkers(topic); // else read_committed may end before the last transaction
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the broker no longer knows transactional id {@code id}. */
    private static void awaitForgotten(String id) throws Exception {
        try (Admin admin = Admin.create(properties())) {
            while (true) {
                try {
                    admin.describeTransactions(List.of(id)).description(id).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TransactionalIdNotFoundException) {
                        return;
                    }
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        return p;
    }

    private static void send(SinkTransactions transactions, String topic, int from, int to) {
        for (int i = from; i <= to; i++) {
            byte[] value = String.valueOf(i).getBytes(StandardCharsets.UTF_8);
            transactions.send(new ProducerRecord<>(topic, null, null, null, value), (meta, e) -> { });
        }
    }

    private static List<String> expected() {
        return IntStream.rangeClosed(1, 60).mapToObj(String::valueOf).sorted().toList();
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
