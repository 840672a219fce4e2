package io.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.server.LoginThrottle;
import io.sluice.server.ServerOptions;
import io.sluice.server.ServerSession;
import io.sluice.server.SessionManager;
import io.sluice.server.metrics.JobMetricsCollector;
import io.sluice.server.metrics.RateHistory;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sluice.table.api.TableResult;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's SQL Gateway REST API (same paths, JSON and semantics) on the JDK's HTTP server: sessions, statements as
 * operations, and paged results, under the prefixes {@code /v1} to {@code /v4}; Flink's job API ({@link JobsApi})
 * over the server's jobs; Prometheus metrics at {@code /metrics} ({@link JobMetricsCollector} and the JVM's); and
 * the web UI at {@code /} ({@link StaticFiles}).
 * With a server password every request
 * needs HTTP Basic authentication as user {@code sluice} (else 401).
 */
public final class RestGateway implements AutoCloseable {
    private static final Pattern VERSIONED = Pattern.compile("^/v([1-4])(/.*)$");
    private static final Pattern SESSION = Pattern.compile("^/sessions/([^/]+)(/.*)?$");
    private static final Pattern OPERATION = Pattern.compile(
            "^/operations/([^/]+)/(status|cancel|close|result/(\\d+))$");
    private static final long FETCH_WAIT_MILLIS = 1000;

    private final ServerOptions options;
    private final SessionManager sessions;
    private final LoginThrottle throttle;
    private final Map<String, RestSession> restSessions = new ConcurrentHashMap<>();
    private final ExecutorService httpExecutor = Executors.newFixedThreadPool(8, daemon("sluice-rest"));
    /**
     * How long a REST session lives without requests when the server has no idle timeout: Flink's gateway default
     * ({@code sql-gateway.session.idle-timeout}, 10 minutes), so a client that goes away frees its results and jobs.
     */
    static final java.time.Duration DEFAULT_IDLE = java.time.Duration.ofMinutes(10);
    private final ExecutorService statementExecutor = Executors.newCachedThreadPool(daemon("sluice-rest-statement"));
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(daemon("sluice-rest-idle"));
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(daemon("sluice-rate-history"));
    private final HttpServer http;
    private final JobsApi jobs;

    public RestGateway(ServerOptions options, SessionManager sessions, LoginThrottle throttle) throws IOException {
        this.options = options;
        this.sessions = sessions;
        this.throttle = throttle;
        RateHistory rates = new RateHistory(sessions.jobs());
        sampler.scheduleAtFixedRate(rates::sample, 1, 1, TimeUnit.SECONDS);
        this.jobs = new JobsApi(sessions.jobs(), options.savepointDir(), rates, sessions.pathGuard());
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new JobMetricsCollector(sessions.jobs(), options.bind().getHostAddress()));
        JvmMetrics.builder().register(registry);
        MetricsHandler metrics = new MetricsHandler(registry);
        this.http = HttpServer.create(new InetSocketAddress(options.bind(), options.httpPort()), 64);
        http.setExecutor(httpExecutor);
        http.createContext("/", this::handle);
        http.createContext("/metrics", exchange -> {
            String refused = BrowserGuard.refusal(exchange, options);
            if (refused != null) {
                try (exchange) {
                    send(exchange, 403, error(refused));
                }
            } else if (authorized(exchange)) {
                metrics.handle(exchange);
            } else {
                try (exchange) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"sluice\"");
                    send(exchange, 401, error("authentication required: HTTP Basic as user '" + ServerOptions.USER
                            + "'"));
                }
            }
        });
        http.start();
        long idle = (options.idleSessionTimeout().isZero() ? DEFAULT_IDLE : options.idleSessionTimeout()).toMillis();
        long period = Math.max(100, Math.min(idle / 4, 60_000));
        sweeper.scheduleWithFixedDelay(() -> closeIdle(idle), period, period, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void closeIdle(long idleMillis) {
        long now = System.currentTimeMillis();
        restSessions.forEach((id, s) -> {
            if (now - s.session().lastUsed() > idleMillis) {
                restSessions.remove(id);
                s.close();
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String refused = BrowserGuard.refusal(exchange, options);
                if (refused != null) {
                    send(exchange, 403, error(refused));
                    return;
                }
                if (!authorized(exchange)) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"sluice\"");
                    send(exchange, 401,
                            error("authentication required: HTTP Basic as user '" + ServerOptions.USER + "'"));
                    return;
                }
                if (!exchange.getRequestMethod().equals("GET") || !StaticFiles.serve(exchange)) {
                    Object answer = route(exchange);
                    if (answer instanceof JobsApi.Status s) {
                        send(exchange, s.code(), s.body());
                    } else {
                        send(exchange, 200, (JsonNode) answer);
                    }
                }
            } catch (RestException e) {
                send(exchange, e.status(), error(e.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, 500, error(String.valueOf(e.getMessage())));
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        if (!options.passwordRequired()) {
            return true;
        }
        String remote = exchange.getRemoteAddress().getAddress().getHostAddress();
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            throttle.beforeAttempt(remote);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String user = "";
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon >= 0) {
                user = decoded.substring(0, colon);
                boolean ok = ServerOptions.USER.equals(user) & MessageDigest.isEqual(
                        decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
                        options.password().getBytes(StandardCharsets.UTF_8));
                if (ok) {
                    throttle.succeeded(remote);
                    return true;
                }
            }
        }
        if (header != null) {
            throttle.failed(remote, "HTTP", user);
        }
        return false;
    }

    private Object route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        if (JobsApi.handles(uri.getPath())) {
            return jobs.route(method, uri.getPath(), uri.getRawQuery(),
                    method.equals("POST") ? body(exchange) : RestJson.MAPPER.createObjectNode());
        }
        Matcher versioned = VERSIONED.matcher(uri.getPath());
        if (!versioned.matches()) {
            throw new RestException(404, "unknown path " + uri.getPath() + " (the API lives under /v1 ... /v4)");
        }
        int version = Integer.parseInt(versioned.group(1));
        String path = versioned.group(2);
        if (path.equals("/info") && method.equals("GET")) {
            ObjectNode n = RestJson.MAPPER.createObjectNode();
            n.put("productName", "Sluice");
            n.put("version", version());
            return n;
        }
        if (path.equals("/api_versions") && method.equals("GET")) {
            ObjectNode n = RestJson.MAPPER.createObjectNode();
            n.putArray("versions").add("V1").add("V2").add("V3").add("V4");
            return n;
        }
        if (path.equals("/sessions") && method.equals("POST")) {
            return openSession(body(exchange));
        }
        Matcher s = SESSION.matcher(path);
        if (!s.matches()) {
            throw new RestException(404, "unknown path " + uri.getPath());
        }
        String sessionId = s.group(1);
        String rest = s.group(2) == null ? "" : s.group(2);
        RestSession session = restSessions.get(sessionId);
        if (session == null) {
            throw new RestException(404, "session " + sessionId + " does not exist");
        }
        session.session().touch();
        switch (method + " " + rest) {
            case "GET ":
                return sessionConfig(session);
            case "DELETE ":
                restSessions.remove(sessionId);
                session.close();
                return status("CLOSED");
            case "POST /heartbeat":
                return RestJson.MAPPER.createObjectNode();
            case "POST /configure-session":
                configure(session, text(body(exchange), "statement"));
                return RestJson.MAPPER.createObjectNode();
            case "POST /statements":
                return submit(session, body(exchange));
            default:
                break;
        }
        Matcher op = OPERATION.matcher(rest);
        if (!op.matches()) {
            throw new RestException(404, "unknown path " + uri.getPath());
        }
        RestOperation operation = session.operation(op.group(1));
        String action = op.group(2);
        if (action.equals("status") && method.equals("GET")) {
            return status(operation.status());
        }
        if (action.equals("cancel") && method.equals("POST")) {
            operation.cancel();
            return status(operation.status());
        }
        if (action.equals("close") && method.equals("DELETE")) {
            session.remove(operation.id()).close();
            return status("CLOSED");
        }
        if (op.group(3) != null && method.equals("GET")) {
            return fetch(version, uri, session, operation, Long.parseLong(op.group(3)));
        }
        throw new RestException(405, method + " is not allowed on " + uri.getPath());
    }

    private ObjectNode openSession(JsonNode body) {
        ServerSession session = sessions.open();
        String name = body.path("sessionName").asText(null);
        RestSession rest = new RestSession(session, name);
        try {
            Iterator<Map.Entry<String, JsonNode>> props = body.path("properties").fields();
            while (props.hasNext()) {
                Map.Entry<String, JsonNode> p = props.next();
                configure(rest, "SET '" + p.getKey().replace("'", "''") + "' = '"
                        + p.getValue().asText().replace("'", "''") + "'");
            }
        } catch (RuntimeException e) {
            rest.close();
            throw new RestException(400, "the session properties are invalid: " + e.getMessage(), e);
        }
        restSessions.put(session.id(), rest);
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("sessionHandle", session.id());
        return n;
    }

    private ObjectNode sessionConfig(RestSession session) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        ObjectNode props = n.putObject("properties");
        try (CloseableIterator<io.sluice.types.Row> it = session.session().execute("SET").collect()) {
            it.forEachRemaining(r -> props.put(String.valueOf(r.getField(0)), String.valueOf(r.getField(1))));
        }
        return n;
    }

    private static void configure(RestSession session, String statement) {
        TableResult r = session.session().execute(statement);
        if (r.getJobClient().isPresent()) {
            r.getJobClient().get().cancel();
            throw new RestException(400, "configure-session takes statements that configure the session (SET, RESET, "
                    + "USE, CREATE, DROP, ALTER, ADD JAR), not: " + statement);
        }
        r.collect().close();
    }

    private ObjectNode submit(RestSession session, JsonNode body) {
        String statement = text(body, "statement");
        Iterator<Map.Entry<String, JsonNode>> config = body.path("executionConfig").fields();
        while (config.hasNext()) {
            Map.Entry<String, JsonNode> c = config.next();
            try {
                session.session().setOption(c.getKey(), c.getValue().asText());
            } catch (io.sluice.table.api.ValidationException e) {
                throw new RestException(400, e.getMessage(), e);
            }
        }
        RestOperation op = new RestOperation(UUID.randomUUID().toString(), statement, options.maxResultRows());
        session.add(op);
        op.start(session.session(), statementExecutor);
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("operationHandle", op.id());
        return n;
    }

    private ObjectNode fetch(int version, URI uri, RestSession session, RestOperation op, long token) {
        String rowFormat = queryParameter(uri, "rowFormat");
        if (rowFormat == null) {
            if (version >= 2) {
                throw new RestException(400, "the rowFormat parameter (JSON or PLAIN_TEXT) is required from /v2 on");
            }
            rowFormat = "JSON";
        }
        if (!rowFormat.equals("JSON") && !rowFormat.equals("PLAIN_TEXT")) {
            throw new RestException(400, "rowFormat must be JSON or PLAIN_TEXT, not " + rowFormat);
        }
        RestOperation.Page page;
        try {
            page = op.fetch(token, FETCH_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestException(503, "interrupted");
        }
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        ObjectNode results = n.putObject("results");
        RestJson.columns(results, page.columns());
        if (version >= 2) {
            results.put("rowFormat", rowFormat);
        }
        ZoneId zone = ZoneId.of(session.session().environment().getConfig().get(ExecutionOptions.LOCAL_TIME_ZONE));
        RestJson.rows(results, page.columns(), page.rows(), rowFormat.equals("PLAIN_TEXT"), zone);
        n.put("resultType", page.resultType());
        if (version >= 2 && page.result() != null) {
            n.put("isQueryResult", page.result().getJobClient().isPresent() && !page.columns().isEmpty()
                    && !page.columns().get(0).getName().equals("job id"));
            page.result().getJobClient().ifPresent(j -> n.put("jobID", j.getJobID()));
            n.put("resultKind", page.result().getResultKind().name());
        }
        if (page.hasNext()) {
            long next = page.resultType().equals("NOT_READY") ? token : token + 1;
            n.put("nextResultUri", "/v" + version + "/sessions/" + session.session().id() + "/operations/" + op.id()
                    + "/result/" + next + (version >= 2 ? "?rowFormat=" + rowFormat : ""));
        }
        return n;
    }

    private static String queryParameter(URI uri, String name) {
        return parameter(uri.getRawQuery(), name);
    }

    /** The decoded value of parameter {@code name} in a raw query string, or null. */
    static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new RestException(400, "the request body needs a \"" + field + "\" string");
        }
        return v.asText();
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        // a statement of the longest length, each character up to 4 bytes of UTF-8 (or 6 as a JSON escape), and the rest
        long limit = (long) sessions.maxStatementLength() * 6 + 65_536;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new RestException(413, "the request body is larger than " + limit + " bytes (a statement may"
                        + " have at most " + sessions.maxStatementLength() + " characters: --max-statement-length)");
            }
            if (bytes.length == 0) {
                return RestJson.MAPPER.createObjectNode();
            }
            try {
                return RestJson.MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new RestException(400, "the request body is not JSON: " + e.getMessage());
            }
        }
    }

    private static ObjectNode status(String status) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("status", status);
        return n;
    }

    private static ObjectNode error(String message) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.putArray("errors").add(message);
        return n;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = RestJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String version() {
        String v = RestGateway.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** Stops the HTTP endpoint and closes every REST session. */
    @Override
    public void close() {
        http.stop(0);
        sweeper.shutdownNow();
        sampler.shutdownNow();
        restSessions.values().forEach(RestSession::close);
        restSessions.clear();
        httpExecutor.shutdownNow();
        statementExecutor.shutdownNow();
    }
}
