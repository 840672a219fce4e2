package io.sluice.server;

import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.TableEnvironmentImpl;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's session: its own {@link TableEnvironment} (SET options, temporary objects, current catalog and
 * database) over the server's shared catalogs. Statements of all sessions are planned one at a time (the shared
 * catalogs are not thread-safe); the jobs they start run concurrently and are registered with the server.
 */
public final class ServerSession {
    private final String id;
    private final TableEnvironment env;
    private final SessionManager manager;
    private final AtomicLong lastUsedMillis = new AtomicLong(System.currentTimeMillis());

    ServerSession(String id, TableEnvironment env, SessionManager manager) {
        this.id = id;
        this.env = env;
        this.manager = manager;
    }

    public String id() {
        return id;
    }

    public TableEnvironment environment() {
        return env;
    }

    /** Runs one statement; a job it starts is registered with the server (and stopped at shutdown). */
    public TableResult execute(String statement) {
        return execute(statement, null);
    }

    /**
     * Runs one statement like {@link #execute(String)}; a query's result batches go to the writer {@code resultWriter}
     * creates (as the engine's Arrow batches, on the job's thread) instead of being collected as rows (null: rows).
     */
    public TableResult execute(String statement, java.util.function.Function<WriterContext, SinkWriter> resultWriter) {
        touch();
        checkLength(statement);
        String allowed = manager.allowedPaths();
        if (allowed != null && statement.contains(ExecutionOptions.FILESYSTEM_ALLOWED_PATHS.key())) {
            throw new ValidationException("'" + ExecutionOptions.FILESYSTEM_ALLOWED_PATHS.key() + "' is set by the"
                    + " server (--allowed-dir) and cannot be changed by a session.");
        }
        manager.pathGuard().checkStatement(statement);
        TableResult result;
        synchronized (manager.planningLock()) {
            try {
                result = resultWriter == null ? env.executeSql(statement)
                        : ((TableEnvironmentImpl) env).executeSql(statement, resultWriter);
            } finally {
                if (allowed != null) { // a RESET of every option must not lift the server's limit
                    env.getConfig().set(ExecutionOptions.FILESYSTEM_ALLOWED_PATHS.key(), allowed);
                }
            }
        }
        result.getJobClient().ifPresent(job -> manager.jobs().register(job, statement,
                env.getConfig().get(CheckpointingOptions.SAVEPOINT_DIRECTORY)));
        return result;
    }

    /**
     * Sets one session option directly (the SQL Gateway's {@code executionConfig}), under the same limits as a
     * {@code SET} statement: the server's allowed paths can neither be changed nor escaped.
     */
    public void setOption(String key, String value) {
        touch();
        if (manager.allowedPaths() != null && key.trim().equals(ExecutionOptions.FILESYSTEM_ALLOWED_PATHS.key())) {
            throw new ValidationException("'" + ExecutionOptions.FILESYSTEM_ALLOWED_PATHS.key() + "' is set by the"
                    + " server (--allowed-dir) and cannot be changed by a session.");
        }
        manager.pathGuard().checkOption(key, value);
        synchronized (manager.planningLock()) {
            env.getConfig().set(key, value);
        }
    }

    /** Refuses a statement longer than the server's {@code --max-statement-length}. */
    public void checkLength(String statement) {
        int max = manager.maxStatementLength();
        if (statement.length() > max) {
            throw new ValidationException("The statement is " + statement.length() + " characters long; the server"
                    + " accepts at most " + max + " (--max-statement-length).");
        }
    }

    /** The types of a query's parameters ({@code ?}), inferred from where they stand; see Flight SQL. */
    public java.util.List<io.sluice.runtime.types.LogicalType> queryParameterTypes(String query) {
        touch();
        synchronized (manager.planningLock()) {
            return ((TableEnvironmentImpl) env).queryParameterTypes(query);
        }
    }

    /** The columns a query would answer, found by planning it without running it. */
    public ResolvedSchema querySchema(String query) {
        touch();
        checkLength(query);
        synchronized (manager.planningLock()) {
            return env.sqlQuery(query).getResolvedSchema();
        }
    }

    /** The columns of a table or view ({@code catalog.database.name}, quoted as needed). */
    public ResolvedSchema tableSchema(String path) {
        synchronized (manager.planningLock()) {
            return env.from(path).getResolvedSchema();
        }
    }

    /** Whether the session runs statements in streaming mode (its queries then answer changelogs). */
    public boolean streaming() {
        return env.getConfig().get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
    }

    /** Marks the session as used now (idle sessions are closed after the configured timeout). */
    public void touch() {
        lastUsedMillis.set(System.currentTimeMillis());
    }

    /** When the session was last used (epoch milliseconds). */
    public long lastUsed() {
        return lastUsedMillis.get();
    }

    long lastUsedMillis() {
        return lastUsedMillis.get();
    }

    public void close() {
        manager.close(id);
    }
}
