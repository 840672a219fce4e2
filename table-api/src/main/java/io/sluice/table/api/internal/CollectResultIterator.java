package io.sluice.table.api.internal;

import io.sluice.runtime.execution.JobExecution;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Iterates the rows a running job collects. Blocks for the next row; ends when the job has ended and
 * every row was read; rethrows the job's failure; {@link #close()} cancels the job.
 */
final class CollectResultIterator implements CloseableIterator<Row> {
    private final BlockingQueue<Object> queue;
    private final JobExecution job;
    private Row next;
    /** Volatile: {@link #close()} may come from another thread (a shell's Ctrl-C) while hasNext() waits. */
    private volatile boolean ended;

    CollectResultIterator(BlockingQueue<Object> queue, JobExecution job) {
        this.queue = queue;
        this.job = job;
        job.terminationFuture().whenComplete((v, e) -> queue.offer(CollectSinkWriter.END));
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        try {
            while (true) {
                Object o = queue.poll(100, TimeUnit.MILLISECONDS);
                if (o == null) {
                    if (ended) {
                        return false; // closed meanwhile; close() may have cleared the end marker
                    }
                    if (!job.terminationFuture().isDone() || !queue.isEmpty()) {
                        continue;
                    }
                    // the job has ended and every row it queued was read: the end marker may never come, as the
                    // queue can have been full when the job ended and the marker's offer failed
                    o = CollectSinkWriter.END;
                }
                if (o == CollectSinkWriter.END) {
                    if (!queue.isEmpty()) {
                        // rows were queued after the end marker raced ahead; keep reading them
                        queue.offer(CollectSinkWriter.END);
                        continue;
                    }
                    ended = true;
                    Throwable failure = job.failure();
                    if (failure != null) {
                        throw failure instanceof TableException ? (TableException) failure
                                : new TableException("Job failed: " + failure.getMessage(), failure);
                    }
                    return false;
                }
                next = (Row) o;
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            throw new TableException("Interrupted while waiting for results", e);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        if (!ended) {
            job.cancel();
            ended = true;
            queue.clear();
        }
    }
}
