package io.sluice.server.pg;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.server.ServerOptions;
import io.sluice.server.ServerSession;
import io.sluice.sql.parser.ScriptSplitter;
import io.sluice.sql.parser.ScriptStatement;
import io.sluice.table.api.TableResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One client connection speaking the PostgreSQL protocol v3: startup (SSL refused with 'N'), authentication
 * (SCRAM-SHA-256 when the server has a password, trust otherwise), then the simple and extended query protocols
 * over its own {@link ServerSession}. Runs on its own thread; {@link #cancel()} is called from the thread serving a
 * CancelRequest.
 */
final class PgConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(PgConnection.class.getName());
    private static final int PROTOCOL_V3 = 196608;
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;

    private final Socket socket;
    private final PgServer server;
    private final int processId;
    private final int secretKey;
    private final String remote;
    private PgMessageReader in;
    private PgMessageWriter out;

    private ServerSession session;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private PgCatalogAnswers answers;
    private final Map<String, PgPreparedStatement> statements = new HashMap<>();
    private final Map<String, PgPortal> portals = new HashMap<>();
    private char transactionStatus = 'I';
    private boolean skipUntilSync;
    private volatile PgResult running;
    private volatile boolean cancelRequested;
    /** The text of the statement run last (error positions of the extended protocol refer to it). */
    private String lastStatement = "";

    PgConnection(Socket socket, PgServer server, int processId, int secretKey) {
        this.socket = socket;
        this.server = server;
        this.processId = processId;
        this.secretKey = secretKey;
        this.remote = socket.getInetAddress().getHostAddress();
    }

    int secretKey() {
        return secretKey;
    }

    @Override
    public void run() {
        try {
            long idle = server.options().idleSessionTimeout().toMillis();
            if (idle > 0) {
                socket.setSoTimeout((int) Math.min(idle, Integer.MAX_VALUE));
            }
            in = new PgMessageReader(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
            out = new PgMessageWriter(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
            if (startup()) {
                serve();
            }
        } catch (SocketTimeoutException e) {
            try {
                fatal("57P05", "terminating connection due to idle-session timeout");
            } catch (IOException ignored) {
                // the client is gone anyway
            }
        } catch (EOFException | SocketException e) {
            // the client went away
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "connection from " + remote + " failed", e);
        } finally {
            portals.values().forEach(PgPortal::close);
            PgResult r = running;
            if (r != null) {
                r.close();
            }
            if (session != null) {
                session.close();
            }
            server.unregister(processId);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Cancels the statement running now, if any (CancelRequest). */
    void cancel() {
        PgResult r = running;
        if (r != null) {
            cancelRequested = true;
            r.close();
        }
    }

    // ---------------------------------------------------------------- startup

    private boolean startup() throws IOException, InterruptedException {
        PgMessageReader.StartupPacket packet;
        while (true) {
            packet = in.readStartupPacket();
            if (packet.code() == SSL_REQUEST || packet.code() == GSSENC_REQUEST) {
                out.rawByte('N');
                continue;
            }
            if (packet.code() == CANCEL_REQUEST) {
                server.cancel(packet.body().readInt(), packet.body().readInt());
                return false;
            }
            break;
        }
        if (packet.code() != PROTOCOL_V3) {
            fatal("0A000", "unsupported frontend protocol " + (packet.code() >> 16) + "." + (packet.code() & 0xffff)
                    + ": Sluice speaks protocol 3.0");
            return false;
        }
        Map<String, String> startup = new HashMap<>();
        PgMessage body = packet.body();
        while (body.hasRemaining()) {
            String key = body.readCString();
            if (key.isEmpty()) {
                break;
            }
            startup.put(key, body.readCString());
        }
        String user = startup.getOrDefault("user", "");
        if (!authenticate(user)) {
            return false;
        }
        session = server.sessions().open();
        String database = startup.get("database");
        if (database != null && !database.isEmpty() && !database.equals(PgRelations.currentCatalog(session))) {
            try {
                session.execute("USE CATALOG " + PgRelations.quote(database));
            } catch (RuntimeException e) {
                fatal("3D000", "database \"" + database + "\" does not exist: Sluice's databases are its catalogs ("
                        + String.join(", ", catalogs()) + ")");
                return false;
            }
        }
        parameters.put("server_version", PgCatalogAnswers.SERVER_VERSION);
        parameters.put("server_encoding", "UTF8");
        parameters.put("client_encoding", "UTF8");
        parameters.put("DateStyle", "ISO, MDY");
        parameters.put("IntervalStyle", "postgres");
        parameters.put("TimeZone", sessionZone().getId());
        parameters.put("integer_datetimes", "on");
        parameters.put("standard_conforming_strings", "on");
        parameters.put("is_superuser", "off");
        parameters.put("session_authorization", user);
        parameters.put("application_name", startup.getOrDefault("application_name", ""));
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            out.parameterStatus(p.getKey(), p.getValue());
        }
        parameters.put("user", user);
        answers = new PgCatalogAnswers(parameters, server.relations());
        out.backendKeyData(processId, secretKey);
        readyForQuery();
        return true;
    }

    private List<String> catalogs() {
        List<String> names = new ArrayList<>();
        try (var it = session.execute("SHOW CATALOGS").collect()) {
            it.forEachRemaining(r -> names.add(String.valueOf(r.getField(0))));
        }
        return names;
    }

    private boolean authenticate(String user) throws IOException, InterruptedException {
        ServerOptions options = server.options();
        if (!options.passwordRequired()) {
            out.authenticationOk();
            return true;
        }
        server.loginThrottle().beforeAttempt(remote);
        ScramSha256 scram = new ScramSha256(options.password());
        out.authenticationSasl(List.of(ScramSha256.MECHANISM));
        out.flush();
        PgMessage initial = in.read();
        if (initial == null) {
            return false;
        }
        if (initial.type() != 'p') {
            fatal("28000", "expected a SASL initial response");
            return false;
        }
        String mechanism = initial.readCString();
        if (!ScramSha256.MECHANISM.equals(mechanism)) {
            fatal("28000", "SASL mechanism " + mechanism + " is not supported; use " + ScramSha256.MECHANISM);
            return false;
        }
        int length = initial.readInt();
        String clientFirst = new String(initial.readBytes(length), StandardCharsets.UTF_8);
        out.authenticationSaslContinue(scram.serverFirst(clientFirst).getBytes(StandardCharsets.UTF_8));
        out.flush();
        PgMessage response = in.read();
        if (response == null) {
            return false;
        }
        String serverFinal = response.type() == 'p'
                ? scram.verifyClientFinal(new String(response.readRemaining(), StandardCharsets.UTF_8)) : null;
        if (serverFinal == null || !ServerOptions.USER.equals(user)) {
            server.loginThrottle().failed(remote, "PostgreSQL", user);
            fatal("28P01", "password authentication failed for user \"" + user + "\"");
            return false;
        }
        server.loginThrottle().succeeded(remote);
        out.authenticationSaslFinal(serverFinal.getBytes(StandardCharsets.UTF_8));
        out.authenticationOk();
        return true;
    }

    private void fatal(String sqlState, String message) throws IOException {
        out.errorOrNotice('E', PgErrors.fields("FATAL", sqlState, message, 0));
        out.flush();
    }

    // ---------------------------------------------------------------- message loop

    private void serve() throws IOException {
        while (true) {
            PgMessage m = in.read();
            if (m == null || m.type() == 'X') {
                return;
            }
            if (skipUntilSync && m.type() != 'S') {
                continue;
            }
            try {
                switch (m.type()) {
                    case 'Q' -> simpleQuery(m.readCString());
                    case 'P' -> parse(m);
                    case 'B' -> bind(m);
                    case 'D' -> describe(m);
                    case 'E' -> execute(m);
                    case 'C' -> close(m);
                    case 'S' -> sync();
                    case 'H' -> out.flush();
                    default -> throw new PgProtocolException("08P01", "unsupported message type '" + m.type() + "'");
                }
            } catch (RuntimeException e) {
                error(e, lastStatement, 0);
                skipUntilSync = true;
            }
        }
    }

    private void readyForQuery() throws IOException {
        out.readyForQuery(transactionStatus);
        out.flush();
    }

    private void error(Throwable e, String statement, int offset) throws IOException {
        if (!(e instanceof PgProtocolException) && !(e instanceof io.sluice.table.api.TableException)) {
            LOG.log(System.Logger.Level.WARNING, "statement failed: " + statement, e);
        }
        out.errorOrNotice('E', PgErrors.of(e, statement, offset));
        if (transactionStatus == 'T') {
            transactionStatus = 'E';
        }
    }

    // ---------------------------------------------------------------- simple query

    private void simpleQuery(String text) throws IOException {
        List<ScriptStatement> parts;
        try {
            session.checkLength(text);
            parts = ScriptSplitter.split(text);
        } catch (RuntimeException e) {
            error(e, text, 0);
            readyForQuery();
            return;
        }
        if (parts.isEmpty()) {
            out.emptyQueryResponse();
        }
        for (ScriptStatement part : parts) {
            try (PgResult result = run(part.text())) {
                if (result.hasRows()) {
                    out.rowDescription(result.columns(), null);
                }
                sendRows(result, 0, null);
                out.commandComplete(result.completionTag());
            } catch (RuntimeException e) {
                error(e, part.text(), part.offset());
                break;
            }
        }
        readyForQuery();
    }

    // ---------------------------------------------------------------- extended query

    private void parse(PgMessage m) throws IOException {
        String name = m.readCString();
        String text = m.readCString();
        int n = m.readShort();
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = m.readInt();
        }
        session.checkLength(text);
        List<ScriptStatement> parts = ScriptSplitter.split(text);
        if (parts.size() > 1) {
            throw new PgProtocolException("42601", "cannot insert multiple commands into a prepared statement");
        }
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new PgProtocolException("42P05", "prepared statement \"" + name + "\" already exists");
        }
        statements.put(name, new PgPreparedStatement(parts.isEmpty() ? "" : parts.get(0).text(), types));
        out.parseComplete();
    }

    private void bind(PgMessage m) throws IOException {
        String portalName = m.readCString();
        String statementName = m.readCString();
        short[] paramFormats = readShorts(m);
        int n = m.readShort();
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            int length = m.readInt();
            values[i] = length < 0 ? null : m.readBytes(length);
        }
        short[] resultFormats = readShorts(m);
        PgPreparedStatement statement = statement(statementName);
        String sql = PgParameterBinder.bind(statement.sql(), statement.parameterTypes(), paramFormats, values);
        PgPortal old = portals.put(portalName, new PgPortal(sql, resultFormats));
        if (old != null) {
            old.close();
        }
        out.bindComplete();
    }

    private static short[] readShorts(PgMessage m) {
        short[] values = new short[m.readShort()];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.readShort();
        }
        return values;
    }

    private PgPreparedStatement statement(String name) {
        PgPreparedStatement s = statements.get(name);
        if (s == null) {
            throw new PgProtocolException("26000", "prepared statement \"" + name + "\" does not exist");
        }
        return s;
    }

    private PgPortal portal(String name) {
        PgPortal p = portals.get(name);
        if (p == null) {
            throw new PgProtocolException("34000", "portal \"" + name + "\" does not exist");
        }
        return p;
    }

    private void describe(PgMessage m) throws IOException {
        char kind = (char) m.readByte();
        String name = m.readCString();
        if (kind == 'S') {
            PgPreparedStatement s = statement(name);
            int[] oids = s.describedParameterTypes();
            out.parameterDescription(oids);
            List<PgColumn> columns = describeStatement(s);
            if (columns == null || columns.isEmpty()) {
                out.noData();
            } else {
                out.rowDescription(columns, null);
            }
        } else {
            PgPortal p = portal(name);
            PgResult result = started(p);
            if (result.hasRows()) {
                out.rowDescription(result.columns(), p.resultFormats());
                p.markDescribed();
            } else {
                out.noData();
            }
        }
    }

    /** The result columns of a prepared statement, found without running it (queries are only validated). */
    private List<PgColumn> describeStatement(PgPreparedStatement s) {
        String sql = withNullParameters(s);
        String word = firstWord(sql);
        switch (word) {
            case "":
                return null;
            case "INSERT":
            case "EXECUTE":
                return PgResult.jobIdColumns();
            case "SHOW":
            case "DESCRIBE":
            case "DESC":
            case "EXPLAIN":
                try (PgResult r = run(sql)) {
                    return r.columns();
                }
            case "SELECT":
            case "WITH":
            case "VALUES":
            case "(":
                Optional<PgResult> answer = answers.answer(sql, session);
                if (answer.isPresent()) {
                    try (PgResult r = answer.get()) {
                        return r.columns();
                    }
                }
                return PgResult.describe(session.environment().sqlQuery(sql).getResolvedSchema().getColumns(),
                        streamingMode());
            default:
                return null;
        }
    }

    private static String withNullParameters(PgPreparedStatement s) {
        int n = PgParameterBinder.parameterCount(s.sql());
        return PgParameterBinder.bind(s.sql(), new int[0], new short[0], new byte[n][]);
    }

    private void execute(PgMessage m) throws IOException {
        PgPortal p = portal(m.readCString());
        int limit = m.readInt();
        if (p.sql().isEmpty()) {
            out.emptyQueryResponse();
            return;
        }
        PgResult result = started(p);
        if (result.isClosed() && result.hasRows() && !cancelRequested) {
            out.commandComplete(result.completionTag());
            return;
        }
        running = result;
        try {
            if (sendRows(result, Math.max(limit, 0), p.resultFormats())) {
                out.portalSuspended();
                return;
            }
        } finally {
            running = null;
        }
        result.close();
        out.commandComplete(result.completionTag());
    }

    /** The portal's result, running its statement on first use. */
    private PgResult started(PgPortal p) {
        if (p.result() == null) {
            p.setResult(run(p.sql()));
        }
        return p.result();
    }

    private void close(PgMessage m) throws IOException {
        char kind = (char) m.readByte();
        String name = m.readCString();
        if (kind == 'S') {
            statements.remove(name);
        } else {
            PgPortal p = portals.remove(name);
            if (p != null) {
                p.close();
            }
        }
        out.closeComplete();
    }

    private void sync() throws IOException {
        skipUntilSync = false;
        if (transactionStatus == 'I') {
            // outside a transaction block, portals end with the implicit transaction (as in PostgreSQL)
            portals.values().forEach(PgPortal::close);
            portals.clear();
        }
        readyForQuery();
    }

    // ---------------------------------------------------------------- running statements

    /** Runs one statement: answered here when it is about the server or its catalogs, else by Sluice. */
    private PgResult run(String sql) {
        cancelRequested = false;
        lastStatement = sql;
        String word = firstWord(sql);
        if (transactionStatus == 'E' && !word.equals("ROLLBACK") && !word.equals("COMMIT") && !word.equals("ABORT")) {
            throw new PgProtocolException("25P02",
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        PgResult result = answers.answer(sql, session).orElse(null);
        if (result == null) {
            TableResult table = session.execute(sql);
            boolean submitsJob = word.equals("INSERT") || word.equals("EXECUTE") || word.equals("END");
            result = submitsJob && table.getJobClient().isPresent() ? PgResult.jobSubmitted(table)
                    : PgResult.of(table, commandTag(sql));
        }
        String tag = result.completionTag();
        if ("BEGIN".equals(tag)) {
            transactionStatus = 'T';
        } else if ("COMMIT".equals(tag) || "ROLLBACK".equals(tag)) {
            transactionStatus = 'I';
        }
        return result;
    }

    /**
     * Sends rows until the result ends, {@code limit} rows were sent (0: no limit; returns true: suspended), the
     * server's row limit is reached, or the statement is cancelled. Streaming results are flushed row by row.
     */
    private boolean sendRows(PgResult result, long limit, short[] formats) throws IOException {
        if (!result.hasRows()) {
            return false;
        }
        running = result;
        try {
            PgValueEncoder encoder = new PgValueEncoder(sessionZone());
            List<PgColumn> columns = result.columns();
            long maxRows = server.options().maxResultRows();
            long n = 0;
            while (limit == 0 || n < limit) {
                if (maxRows > 0 && result.rowsSent() >= maxRows) {
                    out.errorOrNotice('N', PgErrors.fields("NOTICE", "01000", "result truncated after " + maxRows
                            + " rows (the server's per-result row limit)", 0));
                    result.close();
                    break;
                }
                Object[] row = result.nextRow();
                if (row == null) {
                    break;
                }
                byte[][] values = new byte[row.length][];
                for (int i = 0; i < row.length; i++) {
                    values[i] = encoder.encode(columns.get(i), row[i], PgFormats.formatOf(formats, i));
                }
                out.dataRow(values);
                n++;
                if (result.isStreaming()) {
                    out.flush();
                }
            }
            if (cancelRequested) {
                cancelRequested = false;
                result.close();
                throw new PgProtocolException(PgErrors.QUERY_CANCELED, "canceling statement due to user request");
            }
            return limit > 0 && n == limit;
        } finally {
            running = null;
        }
    }

    private ZoneId sessionZone() {
        return ZoneId.of(session.environment().getConfig().get(ExecutionOptions.LOCAL_TIME_ZONE));
    }

    private boolean streamingMode() {
        return session.environment().getConfig().get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
    }

    static String firstWord(String sql) {
        String s = sql.stripLeading();
        if (s.startsWith("(")) {
            return "(";
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** The CommandComplete tag of a statement without rows: its leading keywords, as PostgreSQL names them. */
    static String commandTag(String sql) {
        String[] words = sql.strip().split("\\s+");
        String first = words[0].toUpperCase(Locale.ROOT);
        if ((first.equals("CREATE") || first.equals("DROP") || first.equals("ALTER")) && words.length > 1) {
            int i = 1;
            while (i < words.length - 1 && List.of("TEMPORARY", "TEMP", "OR", "REPLACE", "SYSTEM")
                    .contains(words[i].toUpperCase(Locale.ROOT))) {
                i++;
            }
            return first + " " + words[i].toUpperCase(Locale.ROOT);
        }
        return first.replaceAll("[^A-Z]", "");
    }
}
