package io.sluice.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: every failed login from an address is logged, and after a few failures further
 * attempts from that address wait (up to a few seconds) before they are answered.
 */
public final class LoginThrottle {
    private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());
    private static final int FREE_FAILURES = 3;
    private static final long MAX_DELAY_MILLIS = 5_000;

    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /** Waits as long as the address's earlier failures require. */
    public void beforeAttempt(String address) throws InterruptedException {
        int n = failures.getOrDefault(address, 0);
        if (n >= FREE_FAILURES) {
            Thread.sleep(Math.min(MAX_DELAY_MILLIS, 250L * (1L << Math.min(n - FREE_FAILURES, 5))));
        }
    }

    public void failed(String address, String protocol, String user) {
        int n = failures.merge(address, 1, Integer::sum);
        LOG.log(System.Logger.Level.WARNING, "failed " + protocol + " login of user '" + user + "' from " + address
                + " (" + n + " failures from this address)");
    }

    /** The failed logins from an address since its last successful one. */
    public int failures(String address) {
        return failures.getOrDefault(address, 0);
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}
