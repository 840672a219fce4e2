package io.sluice.server.rest;

import com.sun.net.httpserver.HttpExchange;
import io.sluice.server.ServerOptions;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Keeps web pages of other sites away from the HTTP port, now that a browser talks to it (the UI): a request a
 * browser sends from another origin ({@code Origin} differs from {@code Host}) may not change anything (only GET),
 * and a server listening on loopback without a password answers only requests addressed to a loopback name
 * ({@code Host: localhost}, {@code 127.0.0.1}, {@code [::1]}), so a site whose name is made to resolve to
 * 127.0.0.1 (DNS rebinding) cannot reach it. Tools that send no {@code Origin} (curl, Flink's clients) are
 * unaffected.
 */
final class BrowserGuard {
    private BrowserGuard() {
    }

    /** Why the request is refused (403), or null when it may proceed. */
    static String refusal(HttpExchange exchange, ServerOptions options) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (!options.passwordRequired() && options.bind().isLoopbackAddress() && !isLoopbackName(hostName(host))) {
            return "this server listens on loopback and answers only requests to localhost, 127.0.0.1 or [::1], not to "
                    + host;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String method = exchange.getRequestMethod();
        if (origin != null && !method.equals("GET") && !method.equals("HEAD") && !sameOrigin(origin, host)) {
            return "cross-origin " + method + " requests are refused (Origin " + origin + ", Host " + host + ")";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI o = URI.create(origin);
            return host != null && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host of a Host header without its port, or null. */
    static String hostName(String host) {
        if (host == null) {
            return null;
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopbackName(String name) {
        if (name == null) {
            return true; // HTTP/1.0 without Host: not a browser
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("localhost") || n.endsWith(".localhost")) {
            return true;
        }
        if (!n.matches("[0-9.]+") && !n.contains(":")) {
            return false; // a DNS name other than localhost: never resolved here
        }
        try {
            return InetAddress.getByName(n).isLoopbackAddress(); // an address literal: no lookup
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
