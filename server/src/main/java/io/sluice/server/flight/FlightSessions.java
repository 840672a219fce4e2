package io.sluice.server.flight;

import io.sluice.server.ServerSession;
import io.sluice.server.SessionManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sessions of Flight SQL clients, each known by a secret key the client sends with every call: the bearer token it
 * got for its Basic login, or (without credentials) the session cookie the server set on its first call. Sessions
 * unused for the idle timeout (one hour when the server has none) are closed.
 */
final class FlightSessions implements AutoCloseable {
    /** How long a session lives without calls when the server has no idle timeout. */
    static final Duration DEFAULT_IDLE = Duration.ofHours(1);

    private final SessionManager manager;
    private final Map<String, ServerSession> byKey = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long idleMillis;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-flight-sessions");
        t.setDaemon(true);
        return t;
    });

    FlightSessions(SessionManager manager, Duration idleTimeout) {
        this.manager = manager;
        this.idleMillis = (idleTimeout.isZero() ? DEFAULT_IDLE : idleTimeout).toMillis();
        long period = Math.max(1_000, Math.min(idleMillis / 4, 60_000));
        sweeper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Opens a session and returns the new secret key that names it. */
    String open() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byKey.put(key, manager.open());
        return key;
    }

    /** The session a key names, if it is still open (marked as used). */
    Optional<ServerSession> get(String key) {
        ServerSession s = key == null ? null : byKey.get(key);
        if (s != null) {
            s.touch();
        }
        return Optional.ofNullable(s);
    }

    /** Whether a key still names an open session (without marking it used). */
    boolean isOpen(String key) {
        return key != null && byKey.containsKey(key);
    }

    /** Closes the session a key names (Flight SQL's CloseSession). */
    void close(String key) {
        ServerSession s = byKey.remove(key);
        if (s != null) {
            s.close();
        }
    }

    int size() {
        return byKey.size();
    }

    private void closeIdle() {
        long now = System.currentTimeMillis();
        byKey.forEach((key, s) -> {
            if (now - s.lastUsed() > idleMillis) {
                close(key);
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        byKey.keySet().forEach(this::close);
    }
}
