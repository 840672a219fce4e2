package io.sluice.server.flight;

import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.sluice.server.LoginThrottle;
import io.sluice.server.ServerOptions;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Authenticates every Flight call and names its session, before Flight sees the call. With a password, a call must
 * carry HTTP Basic credentials of user {@code sluice} (what Flight SQL JDBC drivers send first: the answer carries a
 * new bearer token and opens the connection's session) or a bearer token from such a login; wrong credentials are
 * refused ({@code UNAUTHENTICATED}), logged and slowed down like the other protocols' failed logins. Without a
 * password, Basic credentials are accepted as given, and a call without credentials gets the session of its cookie,
 * or a new session and a cookie naming it (Flight SQL JDBC drivers send cookies back).
 *
 * <p>The session found is handed to {@link SluiceFlightSqlProducer} in the call's incoming header
 * {@value #SESSION_HEADER} (a value a client sends there is removed first).
 */
final class FlightSessionInterceptor implements ServerInterceptor {
    static final String SESSION_HEADER = "x-sluice-flight-session";
    static final String COOKIE_NAME = "sluice_flight_session";
    static final Metadata.Key<String> SESSION = Metadata.Key.of(SESSION_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> COOKIE = Metadata.Key.of("cookie", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> SET_COOKIE =
            Metadata.Key.of("set-cookie", Metadata.ASCII_STRING_MARSHALLER);

    private final FlightSessions sessions;
    private final String password;
    private final LoginThrottle throttle;

    FlightSessionInterceptor(FlightSessions sessions, String password, LoginThrottle throttle) {
        this.sessions = sessions;
        this.password = password;
        this.throttle = throttle;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        headers.removeAll(SESSION);
        Metadata answer = new Metadata();
        String key;
        try {
            key = sessionKey(headers, remoteAddress(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)),
                    answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.close(Status.CANCELLED.withDescription("server shutting down"), new Metadata());
            return new ServerCall.Listener<>() { };
        } catch (Refused e) {
            call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        headers.put(SESSION, key);
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            private boolean headersSent;

            @Override
            public void sendHeaders(Metadata outgoing) {
                headersSent = true;
                outgoing.merge(answer);
                super.sendHeaders(outgoing);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                if (!headersSent) { // a trailers-only answer: the token or cookie goes with the trailers
                    trailers.merge(answer);
                }
                super.close(status, trailers);
            }
        }, headers);
    }

    /** The key of the call's session; headers for the answer go to {@code answer}. */
    private String sessionKey(Metadata headers, String remote, Metadata answer) throws InterruptedException {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (sessions.get(token).isEmpty()) {
                throw new Refused("unknown or expired bearer token; connect (log in) again");
            }
            return token;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userAndPassword = basic(authorization.substring(6).trim());
            if (password != null) {
                throttle.beforeAttempt(remote);
                if (!ServerOptions.USER.equals(userAndPassword[0]) || !equal(password, userAndPassword[1])) {
                    throttle.failed(remote, "Flight SQL", userAndPassword[0]);
                    throw new Refused("password authentication failed for user \"" + userAndPassword[0] + "\"");
                }
                throttle.succeeded(remote);
            }
            String token = sessions.open();
            answer.put(AUTHORIZATION, "Bearer " + token);
            return token;
        }
        if (authorization != null) {
            throw new Refused("unsupported authorization scheme; use Basic (user '" + ServerOptions.USER
                    + "') or a bearer token");
        }
        if (password != null) {
            throw new Refused("a password is required: log in as user '" + ServerOptions.USER + "'");
        }
        String cookie = cookie(headers.getAll(COOKIE));
        if (cookie != null && sessions.get(cookie).isPresent()) {
            return cookie;
        }
        String key = sessions.open();
        answer.put(SET_COOKIE, COOKIE_NAME + "=" + key);
        return key;
    }

    private static String[] basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new String[] {decoded, ""} : new String[] {decoded.substring(0, colon),
            decoded.substring(colon + 1)};
    }

    /** Compares in time independent of where the strings differ. */
    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of our session cookie among {@code Cookie} headers ({@code a=1; b=2}), or null. */
    static String cookie(Iterable<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return null;
        }
        for (String header : cookieHeaders) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE_NAME + "=")) {
                    return p.substring(COOKIE_NAME.length() + 1);
                }
            }
        }
        return null;
    }

    private static String remoteAddress(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress a = (InetSocketAddress) address;
            return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }

    /** A call refused for its credentials. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
