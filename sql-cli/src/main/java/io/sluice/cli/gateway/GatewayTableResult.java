package io.sluice.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.ResultKind;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The result of a statement run on a Sluice server: its columns (as the server formats their values, so every
 * column is a string here), its rows fetched page by page through the gateway's {@code nextResultUri} chain with
 * their row kinds, and, for a statement that started a job, a {@link GatewayJobClient}.
 */
final class GatewayTableResult implements TableResult {
    private final GatewayClient client;
    private final String operationPath;
    private final ResultKind kind;
    private final ResolvedSchema schema;
    private final JobClient job;
    private final boolean query;
    private JsonNode page;
    private boolean consumed;

    private GatewayTableResult(GatewayClient client, String operationPath, JsonNode firstPage) {
        this.client = client;
        this.operationPath = operationPath;
        this.page = firstPage;
        this.kind = firstPage.path("resultKind").asText("SUCCESS_WITH_CONTENT").equals("SUCCESS")
                ? ResultKind.SUCCESS : ResultKind.SUCCESS_WITH_CONTENT;
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : firstPage.path("results").path("columns")) {
            columns.add(Column.physical(c.path("name").asText(), DataTypes.STRING()));
        }
        this.schema = new ResolvedSchema(columns);
        String jobId = firstPage.path("jobID").asText("");
        this.job = jobId.isEmpty() ? null : new GatewayJobClient(client, jobId);
        this.query = firstPage.path("isQueryResult").asBoolean(false);
    }

    /** Waits for the operation's first page of results (the statement has run, or its job has started). */
    static GatewayTableResult fetch(GatewayClient client, String session, String operation) {
        String operationPath = "/v2/sessions/" + session + "/operations/" + operation;
        String next = operationPath + "/result/0?rowFormat=PLAIN_TEXT";
        while (true) {
            JsonNode page = client.get(next);
            if (!page.path("resultType").asText().equals("NOT_READY")) {
                return new GatewayTableResult(client, operationPath, page);
            }
            next = page.path("nextResultUri").asText(next);
        }
    }

    @Override
    public ResultKind getResultKind() {
        return kind;
    }

    @Override
    public ResolvedSchema getResolvedSchema() {
        return schema;
    }

    @Override
    public Optional<JobClient> getJobClient() {
        return Optional.ofNullable(job);
    }

    @Override
    public CloseableIterator<Row> collect() {
        if (consumed) {
            throw new IllegalStateException("The result was already collected");
        }
        consumed = true;
        return new Rows();
    }

    @Override
    public void print() {
        PrintWriter out = new PrintWriter(System.out, true);
        try (CloseableIterator<Row> rows = collect()) {
            rows.forEachRemaining(r -> out.println(r));
        }
    }

    /** Waits until the statement's job ends (a query: until its rows were read); fails when the job failed. */
    @Override
    public void await() throws Exception {
        if (job != null && !query) {
            job.getJobExecutionResult().get();
        }
    }

    /** Rows of the current page, then of the pages that follow, until the server says the end (EOS). */
    private final class Rows implements CloseableIterator<Row> {
        private Iterator<JsonNode> data = page.path("results").path("data").iterator();
        private boolean closed;

        @Override
        public boolean hasNext() {
            while (!closed && !data.hasNext()) {
                String next = page.path("nextResultUri").asText("");
                if (next.isEmpty() || page.path("resultType").asText().equals("EOS")) {
                    return false;
                }
                page = client.get(next);
                data = page.path("results").path("data").iterator();
            }
            return !closed && data.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonNode r = data.next();
            JsonNode fields = r.path("fields");
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = fields.get(i).isNull() ? null : fields.get(i).asText();
            }
            return Row.ofKind(RowKind.valueOf(r.path("kind").asText("INSERT")), values);
        }

        /** Stops reading: a query still running on the server is cancelled and its operation closed. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!page.path("resultType").asText().equals("EOS") && !page.path("nextResultUri").asText("").isEmpty()) {
                    client.post(operationPath + "/cancel", null);
                }
                client.delete(operationPath + "/close");
            } catch (TableException e) {
                // the operation may already be gone on the server
            }
        }
    }
}
