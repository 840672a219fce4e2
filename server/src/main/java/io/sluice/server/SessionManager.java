package io.sluice.server;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.internal.TableEnvironmentImpl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's sessions. Every session shares the catalogs of one root environment (so a table created by one
 * client is seen by all) and keeps its own options, temporary objects and current catalog/database.
 */
public final class SessionManager {
    private static final System.Logger LOG = System.getLogger(SessionManager.class.getName());

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

    /** Closes sessions unused for longer than {@code idleMillis}; returns their ids. */
    public List<String> closeIdle(long idleMillis) {
        long now = System.currentTimeMillis();
        List<String> closed = sessions.values().stream()
                .filter(s -> now - s.lastUsedMillis() > idleMillis).map(ServerSession::id).toList();
        closed.forEach(id -> {
            sessions.remove(id);
            LOG.log(System.Logger.Level.INFO, "closed idle session " + id);
        });
        return closed;
    }

    Object planningLock() {
        return planningLock;
    }

    public JobRegistry jobs() {
        return jobs;
    }
}
