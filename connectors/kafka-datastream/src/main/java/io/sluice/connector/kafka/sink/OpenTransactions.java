package io.sluice.connector.kafka.sink;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Aborts the open Kafka transactions a failed run of a sink writer left behind: those whose transactional id is
 * {@code <prefix>-<s>-<n>} for a writer {@code s} this writer stands for ({@code s % parallelism == subtask}, so
 * that after a rescale the writers of the old parallelism are covered too). A producer initialized with the id
 * fences and aborts the open transaction.
 */
final class OpenTransactions {
    private OpenTransactions() {
    }

    static void abort(Properties producerProperties, String prefix, int subtask, int parallelism) {
        Pattern ids = Pattern.compile(Pattern.quote(prefix + "-") + "(\\d+)-\\d+");
        Properties adminProperties = new Properties();
        producerProperties.stringPropertyNames().stream()
                .filter(k -> k.equals("bootstrap.servers") || k.startsWith("security.") || k.startsWith("sasl.")
                        || k.startsWith("ssl."))
                .forEach(k -> adminProperties.setProperty(k, producerProperties.getProperty(k)));
        Collection<TransactionListing> open;
        try (Admin admin = Admin.create(adminProperties)) {
            open = admin.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING,
                    TransactionState.PREPARE_EPOCH_FENCE))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot restore the Kafka sink writer " + subtask + ": listing the open "
                    + "transactions failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restoring the Kafka sink writer " + subtask, e);
        }
        for (TransactionListing t : open) {
            Matcher m = ids.matcher(t.transactionalId());
            if (m.matches() && Long.parseLong(m.group(1)) % parallelism == subtask) {
                Properties p = new Properties();
                p.putAll(producerProperties);
                p.put("transactional.id", t.transactionalId());
                p.put("enable.idempotence", "true");
                try (KafkaProducer<byte[], byte[]> fencing = new KafkaProducer<>(p, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
                    fencing.initTransactions();
                }
            }
        }
    }
}
