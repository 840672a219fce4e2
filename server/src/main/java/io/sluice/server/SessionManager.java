package io.sluice.server;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.internal.TableEnvironmentImpl;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's sessions. Every session shares the catalogs of one root environment (so a table created by one
 * client is seen by all) and keeps its own options, temporary objects and current catalog/database.
 */
public final class SessionManager {
    private final TableEnvironmentImpl root = new TableEnvironmentImpl(EnvironmentSettings.inStreamingMode());
    private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();
    private final Object planningLock = new Object();
    private final JobRegistry jobs;
    /** The directories filesystem tables of sessions may use, joined by ',' (null: any). */
    private final String allowedPaths;
    private final PathGuard pathGuard;
    private volatile int maxStatementLength = ServerOptions.DEFAULT_MAX_STATEMENT_LENGTH;

    /** Sessions whose filesystem tables may use any path. */
    public SessionManager() {
        this(java.util.List.of());
    }

    /** Sessions whose filesystem tables may only use paths under {@code allowedDirs} (empty: any). */
    public SessionManager(java.util.List<String> allowedDirs) {
        this(allowedDirs, new JobRegistry(io.sluice.server.ServerOptions.DEFAULT_JOB_HISTORY_SIZE,
                io.sluice.server.ServerOptions.DEFAULT_JOB_HISTORY_EXPIRATION));
    }

    /** Sessions limited to {@code allowedDirs} (empty: any) whose jobs go to {@code jobs}. */
    public SessionManager(java.util.List<String> allowedDirs, JobRegistry jobs) {
        this.jobs = jobs;
        this.allowedPaths = allowedDirs.isEmpty() ? null : String.join(",", allowedDirs);
        this.pathGuard = new PathGuard(allowedDirs);
    }

    /** Statements longer than {@code length} characters are refused. */
    public void setMaxStatementLength(int length) {
        this.maxStatementLength = length;
    }

    /** The longest statement a session runs, in characters. */
    public int maxStatementLength() {
        return maxStatementLength;
    }

    /** What keeps the files sessions name (plans, jars, catalogs, checkpoints) under the allowed directories. */
    public PathGuard pathGuard() {
        return pathGuard;
    }

    /** The value every session's {@code sluice.filesystem.allowed-paths} is held at, or null. */
    String allowedPaths() {
        return allowedPaths;
    }

    /** Opens a session in streaming mode (SET 'execution.runtime-mode' changes it). */
    public ServerSession open() {
        String id = UUID.randomUUID().toString();
        TableEnvironmentImpl env;
        synchronized (planningLock) {
            env = root.newSessionSharingCatalogs(EnvironmentSettings.inStreamingMode());
        }
        if (allowedPaths != null) {
            env.getConfig().set(ExecutionOptions.FILESYSTEM_ALLOWED_PATHS.key(), allowedPaths);
        }
        ServerSession session = new ServerSession(id, env, this);
        sessions.put(id, session);
        return session;
    }

    public Optional<ServerSession> get(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public int size() {
        return sessions.size();
    }

    void close(String id) {
        sessions.remove(id);
    }

    Object planningLock() {
        return planningLock;
    }

    public JobRegistry jobs() {
        return jobs;
    }
}
