package io.sluice.server.rest;

import io.sluice.server.ServerSession;
import io.sluice.table.api.Column;
import io.sluice.table.api.ResultKind;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * One statement submitted over REST. It runs on the gateway's executor; its rows are read from the result into a
 * buffer by the same task, and clients page through them with increasing tokens (re-fetching the last token returns
 * the same page again, as Flink's gateway does). Status names are Flink's: PENDING, RUNNING, FINISHED, CANCELED,
 * CLOSED, ERROR.
 */
final class RestOperation {
    /** The most rows one page returns. */
    static final int PAGE_ROWS = 1000;
    /**
     * The most rows kept for the client; when it does not fetch them, reading pauses and the query's job is
     * back-pressured (its result queue fills) instead of rows piling up in memory.
     */
    static final int MAX_BUFFERED_ROWS = 10 * PAGE_ROWS;

    private final String id;
    private final String statement;
    private String status = "PENDING";
    private TableResult result;
    private List<Column> columns = List.of();
    private CloseableIterator<Row> rows;
    private Throwable failure;
    private final Deque<Row> buffer = new ArrayDeque<>();
    private boolean ended;
    private long lastToken = -1;
    private List<Row> lastPage = List.of();
    private final long maxRows;
    private long rowsRead;

    RestOperation(String id, String statement, long maxRows) {
        this.id = id;
        this.statement = statement;
        this.maxRows = maxRows;
    }

    String id() {
        return id;
    }

    /** Starts the statement on {@code executor} within {@code session}. */
    void start(ServerSession session, ExecutorService executor) {
        executor.execute(() -> {
            CloseableIterator<Row> it;
            synchronized (this) {
                if (!status.equals("PENDING")) {
                    return;
                }
                status = "RUNNING";
            }
            try {
                TableResult r = session.execute(statement);
                // INSERT, CREATE TABLE AS, statement sets, EXECUTE/COMPILE AND EXECUTE PLAN: a job, not a query's rows
                boolean submitsJob = r.getJobClient().isPresent()
                        && !(r instanceof io.sluice.table.api.internal.TableResultImpl t && t.isQueryJob());
                it = submitsJob ? jobIdRow(r) : r.collect();
                synchronized (this) {
                    result = r;
                    columns = submitsJob ? List.of(Column.physical("job id", io.sluice.table.api.DataTypes.STRING()))
                            : r.getResolvedSchema().getColumns();
                    rows = it;
                    if (!status.equals("RUNNING")) {
                        it.close();
                        return;
                    }
                }
                while (it.hasNext()) {
                    Row row = it.next();
                    synchronized (this) {
                        while (buffer.size() >= MAX_BUFFERED_ROWS && status.equals("RUNNING")) {
                            wait(1_000);
                        }
                        if (!status.equals("RUNNING")) {
                            return; // cancelled or closed: release() closed the result
                        }
                        buffer.add(row);
                        rowsRead++;
                        notifyAll();
                        if (maxRows > 0 && rowsRead >= maxRows) {
                            it.close();
                            break;
                        }
                    }
                }
                synchronized (this) {
                    ended = true;
                    if (status.equals("RUNNING")) {
                        status = "FINISHED";
                    }
                    notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (status.equals("RUNNING")) {
                        failure = e;
                        status = "ERROR";
                    }
                    ended = true;
                    notifyAll();
                }
            }
        });
    }

    /** A submitted INSERT answers with its job id, as Flink's gateway does. */
    private static CloseableIterator<Row> jobIdRow(TableResult r) {
        java.util.Iterator<Row> it = List.of(Row.of(r.getJobClient().get().getJobID())).iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }

    synchronized String status() {
        return status;
    }

    synchronized Throwable failure() {
        return failure;
    }

    /** What one fetch returns. */
    record Page(String resultType, List<Column> columns, List<Row> rows, boolean hasNext, TableResult result) {}

    /**
     * The page for {@code token}: the same page again for the last token, the next rows for the token after it.
     * Waits up to {@code waitMillis} for the statement to produce its schema or first rows.
     */
    synchronized Page fetch(long token, long waitMillis) throws InterruptedException {
        if (failure != null) {
            throw new RestException(500, "the statement failed: " + failure.getMessage(), failure);
        }
        if (status.equals("CLOSED") || status.equals("CANCELED")) {
            throw new RestException(404, "operation " + id + " is " + status.toLowerCase());
        }
        if (token == lastToken) {
            return new Page("PAYLOAD", columns, lastPage, true, result);
        }
        if (token != lastToken + 1) {
            throw new RestException(400, "token " + token + " is out of order: the next token is " + (lastToken + 1));
        }
        long deadline = System.currentTimeMillis() + waitMillis;
        while (result == null && failure == null || buffer.isEmpty() && !ended && result != null && isQuery()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        if (failure != null) {
            throw new RestException(500, "the statement failed: " + failure.getMessage(), failure);
        }
        if (result == null) {
            return new Page("NOT_READY", List.of(), List.of(), true, null);
        }
        if (buffer.isEmpty() && ended) {
            lastToken = token;
            lastPage = List.of();
            return new Page("EOS", columns, List.of(), false, result);
        }
        List<Row> page = new ArrayList<>();
        while (!buffer.isEmpty() && page.size() < PAGE_ROWS) {
            page.add(buffer.poll());
        }
        notifyAll(); // room in the buffer again
        lastToken = token;
        lastPage = page;
        return new Page("PAYLOAD", columns, page, true, result);
    }

    private boolean isQuery() {
        return result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT;
    }

    /** Cancels a pending or running statement (its job too). */
    synchronized void cancel() {
        if (status.equals("PENDING") || status.equals("RUNNING")) {
            status = "CANCELED";
            release();
        }
    }

    synchronized void close() {
        status = "CLOSED";
        release();
    }

    private void release() {
        if (rows != null) {
            rows.close();
        }
        buffer.clear();
        notifyAll();
    }
}
