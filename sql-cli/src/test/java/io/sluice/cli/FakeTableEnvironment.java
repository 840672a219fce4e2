package io.sluice.cli;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.execution.JobStatus;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.ResultKind;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableConfig;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scripted {@link TableEnvironment}: each statement text maps to a canned result or failure. */
final class FakeTableEnvironment implements TableEnvironment {
    private static final Pattern SET = Pattern.compile("(?is)\\s*SET\\s+'([^']*)'\\s*=\\s*'([^']*)'\\s*;?\\s*");

    private final TableConfig config = new TableConfig(new Configuration());
    private final Map<String, Supplier<TableResult>> results = new HashMap<>();
    final List<String> executed = new ArrayList<>();

    FakeTableEnvironment on(String statement, Supplier<TableResult> result) {
        results.put(statement, result);
        return this;
    }

    FakeTableEnvironment failOn(String statement, RuntimeException error) {
        return on(statement, () -> {
            throw error;
        });
    }

    @Override
    public TableResult executeSql(String statement) {
        executed.add(statement);
        Matcher set = SET.matcher(statement);
        if (set.matches()) {
            config.set(set.group(1), set.group(2));
            return FakeResult.ok();
        }
        Supplier<TableResult> r = results.get(statement);
        if (r == null) {
            throw new TableException("unexpected statement: " + statement);
        }
        return r.get();
    }

    @Override
    public Table sqlQuery(String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Table from(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Table fromValues(DataTypes.RowDataType rowType, Object... values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createTemporaryView(String path, Table table) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createTemporarySystemFunction(String name,
            Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createTemporarySystemFunction(String name,
            io.sluice.table.functions.UserDefinedFunction functionInstance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createTemporaryFunction(String path,
            Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createTemporaryFunction(String path, io.sluice.table.functions.UserDefinedFunction functionInstance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createFunction(String path, Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createFunction(String path, Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass,
            boolean ignoreIfExists) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean dropTemporarySystemFunction(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean dropTemporaryFunction(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean dropFunction(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String[] listUserDefinedFunctions() {
        return new String[0];
    }

    @Override
    public List<String> listTables() {
        return List.of();
    }

    @Override
    public String explainSql(String statement) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TableConfig getConfig() {
        return config;
    }

    /** A canned {@link TableResult}. */
    static class FakeResult implements TableResult {
        private final ResultKind kind;
        private final ResolvedSchema schema;
        private final List<Row> rows;
        private final boolean withJob;
        private final RuntimeException jobFailure;
        boolean iteratorClosed;
        boolean awaited;

        FakeResult(ResultKind kind, ResolvedSchema schema, List<Row> rows, boolean withJob, RuntimeException failure) {
            this.kind = kind;
            this.schema = schema;
            this.rows = rows;
            this.withJob = withJob;
            this.jobFailure = failure;
        }

        static FakeResult ok() {
            return new FakeResult(ResultKind.SUCCESS, ResolvedSchema.of(), List.of(), false, null);
        }

        static FakeResult query(ResolvedSchema schema, Row... rows) {
            return new FakeResult(ResultKind.SUCCESS_WITH_CONTENT, schema, List.of(rows), true, null);
        }

        static FakeResult content(ResolvedSchema schema, Row... rows) {
            return new FakeResult(ResultKind.SUCCESS_WITH_CONTENT, schema, List.of(rows), false, null);
        }

        static FakeResult failingJob(ResolvedSchema schema, RuntimeException failure) {
            return new FakeResult(ResultKind.SUCCESS_WITH_CONTENT, schema, List.of(), true, failure);
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
            if (!withJob) {
                return Optional.empty();
            }
            return Optional.of(new JobClient() {
                @Override
                public String getJobID() {
                    return "job-42";
                }

                @Override
                public JobStatus getJobStatus() {
                    return JobStatus.FINISHED;
                }

                @Override
                public CompletableFuture<Void> cancel() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<Void> getJobExecutionResult() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String dir) {
                    return CompletableFuture.failedFuture(new UnsupportedOperationException("fake job"));
                }
            });
        }

        @Override
        public CloseableIterator<Row> collect() {
            Iterator<Row> it = rows.iterator();
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
                    iteratorClosed = true;
                }
            };
        }

        @Override
        public void print() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void await() {
            awaited = true;
            if (jobFailure != null) {
                throw jobFailure;
            }
        }
    }
}
