package io.sluice.server;

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
    private final JobRegistry jobs = new JobRegistry();

    /** Opens a session in streaming mode (SET 'execution.runtime-mode' changes it). */
    public ServerSession open() {
        String id = UUID.randomUUID().toString();
        TableEnvironmentImpl env;
        synchronized (planningLock) {
            env = root.newSessionSharingCatalogs(EnvironmentSettings.inStreamingMode());
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
