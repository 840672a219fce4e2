package io.sluice.server.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.sluice.runtime.types.LogicalType;
import io.sluice.server.ServerSession;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.TableResultImpl;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.FlightConstants;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.ServerHeaderMiddleware;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCatalogs;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTableTypes;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutUpdateResult;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Answers Flight SQL over the server's sessions: a query ({@code CommandStatementQuery}, or a prepared statement) is
 * planned and its job started when the client asks for its FlightInfo, whose one endpoint's ticket the client then
 * redeems once with DoGet to stream the result (see {@link FlightResult}); updates ({@code CommandStatementUpdate}:
 * DDL, SET, INSERT, ...) run in DoPut and answer update count 0 (an INSERT returns once its job is submitted, before
 * it wrote anything; JDBC drivers take -1, Flight SQL's "unknown", for "there is a result set" and would run the
 * statement again); catalog metadata comes from {@link FlightCatalogs}. Results not fetched within
 * {@value #UNFETCHED_MINUTES} minutes are dropped (their jobs stopped).
 */
final class SluiceFlightSqlProducer extends NoOpFlightSqlProducer {
    private static final System.Logger LOG = System.getLogger(SluiceFlightSqlProducer.class.getName());
    static final long UNFETCHED_MINUTES = 5;

    /**
     * A prepared statement: its session, text, result schema (no columns: an update), the types of its parameters
     * and the literals of the values last bound to them.
     */
    private static final class Prepared {
        final String sessionKey;
        final String sql;
        final Schema schema;
        final List<LogicalType> parameterTypes;
        volatile List<String> bound;

        Prepared(String sessionKey, String sql, Schema schema, List<LogicalType> parameterTypes) {
            this.sessionKey = sessionKey;
            this.sql = sql;
            this.schema = schema;
            this.parameterTypes = parameterTypes;
        }

        String sessionKey() {
            return sessionKey;
        }

        Schema schema() {
            return schema;
        }

        /** The statement to run: its text with the bound values in place of its parameters. */
        String sql() {
            if (parameterTypes.isEmpty()) {
                return sql;
            }
            List<String> values = bound;
            if (values == null) {
                throw new ValidationException("no values are bound to the " + parameterTypes.size()
                        + " parameters of the prepared statement");
            }
            return FlightParameters.substitute(sql, values);
        }
    }

    private final FlightSessions sessions;
    private final BufferAllocator allocator;
    private final long maxResultRows;
    private final Map<String, FlightResult> pending = new ConcurrentHashMap<>();
    private final Map<String, FlightResult> streaming = new ConcurrentHashMap<>();
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final SqlInfoBuilder sqlInfo;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-flight-results");
        t.setDaemon(true);
        return t;
    });

    SluiceFlightSqlProducer(FlightSessions sessions, BufferAllocator parent, long maxResultRows) {
        this.sessions = sessions;
        this.allocator = parent.newChildAllocator("flight-sql-results", 0, Long.MAX_VALUE);
        this.maxResultRows = maxResultRows;
        this.sqlInfo = sqlInfo();
        sweeper.scheduleWithFixedDelay(this::dropStale, 30, 30, TimeUnit.SECONDS);
    }

    private static SqlInfoBuilder sqlInfo() {
        String version = Optional.ofNullable(SluiceFlightSqlProducer.class.getPackage().getImplementationVersion())
                .orElse("development build");
        String arrow = Optional.ofNullable(VectorSchemaRoot.class.getPackage().getImplementationVersion())
                .orElse("unknown");
        return new SqlInfoBuilder()
                .withFlightSqlServerName("Sluice")
                .withFlightSqlServerVersion(version)
                .withFlightSqlServerArrowVersion(arrow)
                .withFlightSqlServerReadOnly(false)
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                .withFlightSqlServerTransaction(FlightSql.SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withFlightSqlServerCancel(true)
                .withSqlIdentifierQuoteChar("`")
                .withSqlSearchStringEscape("\\")
                .withSqlCatalogTerm("catalog")
                .withSqlSchemaTerm("database")
                .withSqlDdlCatalog(true)
                .withSqlDdlSchema(true)
                .withSqlDdlTable(true)
                .withSqlIdentifierCase(FlightSql.SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
                .withSqlQuotedIdentifierCase(
                        FlightSql.SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
                .withSqlAllTablesAreSelectable(true)
                .withSqlTransactionsSupported(false)
                .withSqlNullOrdering(FlightSql.SqlNullOrdering.SQL_NULLS_SORTED_LOW);
    }

    // ------------------------------------------------------------------ sessions

    private static String sessionKey(CallContext context) {
        ServerHeaderMiddleware headers = context.getMiddleware(FlightConstants.HEADER_KEY);
        return headers == null ? null : headers.headers().get(FlightSessionInterceptor.SESSION_HEADER);
    }

    private ServerSession session(String key) {
        return sessions.get(key).orElseThrow(() -> CallStatus.UNAUTHENTICATED
                .withDescription("the Flight SQL session has expired; connect again").toRuntimeException());
    }

    private ServerSession session(CallContext context) {
        return session(sessionKey(context));
    }

    @Override
    public void closeSession(CloseSessionRequest request, CallContext context,
            StreamListener<CloseSessionResult> listener) {
        sessions.close(sessionKey(context));
        listener.onNext(new CloseSessionResult(CloseSessionResult.Status.CLOSED));
        listener.onCompleted();
    }

    // ------------------------------------------------------------------ statements

    /** Runs a statement and keeps its result for the client's DoGet. */
    private FlightResult run(ServerSession session, String sql) {
        QueryBatches batches = new QueryBatches(allocator);
        TableResult result;
        try {
            result = session.execute(sql, context -> batches.writer());
        } catch (RuntimeException e) {
            batches.close();
            throw e;
        }
        String id = UUID.randomUUID().toString();
        FlightResult r;
        if (result instanceof TableResultImpl && ((TableResultImpl) result).isQueryJob()) {
            boolean withRowKind = ((TableResultImpl) result).isStreaming();
            Schema schema = FlightSchemas.of(result.getResolvedSchema(), withRowKind);
            batches.start(schema, FlightSchemas.types(result.getResolvedSchema()), withRowKind,
                    result.getJobClient().orElseThrow());
            r = new FlightResult(id, schema, batches);
        } else {
            batches.close();
            List<Row> rows = new ArrayList<>();
            try (CloseableIterator<Row> it = result.collect()) {
                it.forEachRemaining(rows::add);
            }
            Schema schema = FlightSchemas.of(result.getResolvedSchema(), false);
            r = new FlightResult(id, schema, new FixedBatches(schema, FlightSchemas.types(result.getResolvedSchema()),
                    rows, allocator));
        }
        pending.put(id, r);
        return r;
    }

    private static FlightInfo info(FlightResult r, FlightDescriptor descriptor) {
        TicketStatementQuery ticket = TicketStatementQuery.newBuilder()
                .setStatementHandle(ByteString.copyFromUtf8(r.id())).build();
        return new FlightInfo(r.schema(), descriptor,
                List.of(new FlightEndpoint(new Ticket(Any.pack(ticket).toByteArray()))), -1, -1);
    }

    @Override
    public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        try {
            return info(run(session(context), command.getQuery()), descriptor);
        } catch (RuntimeException e) {
            throw FlightErrors.toFlight(e);
        }
    }

    @Override
    public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        try {
            return new SchemaResult(describe(session(context), command.getQuery()));
        } catch (RuntimeException e) {
            throw FlightErrors.toFlight(e);
        }
    }

    @Override
    public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        String id = ticket.getStatementHandle().toStringUtf8();
        FlightResult r = pending.remove(id);
        if (r == null) {
            listener.error(CallStatus.NOT_FOUND.withDescription("no result " + id + " (a result is fetched once, within "
                    + UNFETCHED_MINUTES + " minutes of its FlightInfo)").toRuntimeException());
            return;
        }
        stream(r, listener);
    }

    private void stream(FlightResult r, ServerStreamListener listener) {
        streaming.put(r.id(), r);
        try {
            r.stream(listener, allocator, maxResultRows);
        } finally {
            streaming.remove(r.id());
        }
    }

    @Override
    public Runnable acceptPutStatement(CommandStatementUpdate command, CallContext context, FlightStream flightStream,
            StreamListener<PutResult> ackStream) {
        String key = sessionKey(context);
        return () -> {
            try {
                ackUpdate(ackStream, update(session(key), command.getQuery()));
            } catch (Throwable t) {
                ackStream.onError(FlightErrors.toFlight(t));
            }
        };
    }

    /** Runs a statement without a result set; its update count (0, also for an INSERT's submitted job). */
    private long update(ServerSession session, String sql) {
        if (isQuery(sql)) {
            throw new ValidationException("a query has no update count; execute it as a query");
        }
        TableResult result = session.execute(sql);
        boolean submittedJob = result.getJobClient().isPresent();
        try (CloseableIterator<Row> it = result.collect()) {
            if (submittedJob && it.hasNext()) {
                LOG.log(System.Logger.Level.INFO, "Flight SQL statement submitted job " + it.next().getField(0));
            }
        }
        return 0;
    }

    private void ackUpdate(StreamListener<PutResult> ack, long count) {
        byte[] bytes = DoPutUpdateResult.newBuilder().setRecordCount(count).build().toByteArray();
        try (ArrowBuf buffer = allocator.buffer(bytes.length)) {
            buffer.writeBytes(bytes);
            ack.onNext(PutResult.metadata(buffer));
        }
        ack.onCompleted();
    }

    // ------------------------------------------------------------------ prepared statements

    @Override
    public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        try {
            String key = sessionKey(context);
            String sql = request.getQuery();
            List<LogicalType> parameterTypes = List.of();
            Schema schema;
            if (hasParameterMarker(sql)) {
                if (!isQuery(sql)) {
                    throw new io.sluice.table.api.UnsupportedFeatureException("parameters (?) of Flight SQL prepared"
                            + " statements other than queries; put the values into the statement text");
                }
                ServerSession session = session(key);
                parameterTypes = session.queryParameterTypes(sql);
                schema = describe(session, FlightParameters.withNulls(sql, parameterTypes));
            } else {
                schema = describe(session(key), sql);
            }
            String handle = UUID.randomUUID().toString();
            prepared.put(handle, new Prepared(key, sql, schema, parameterTypes));
            ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
                    .setPreparedStatementHandle(ByteString.copyFromUtf8(handle))
                    .setDatasetSchema(ByteString.copyFrom(schema.serializeAsMessage()))
                    .setParameterSchema(ByteString.copyFrom(
                            FlightParameters.schema(parameterTypes).serializeAsMessage()))
                    .build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (Throwable t) {
            listener.onError(FlightErrors.toFlight(t));
        }
    }

    private Prepared prepared(ByteString handle) {
        Prepared p = prepared.get(handle.toStringUtf8());
        if (p == null) {
            throw CallStatus.NOT_FOUND.withDescription("no prepared statement " + handle.toStringUtf8())
                    .toRuntimeException();
        }
        return p;
    }

    @Override
    public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        prepared.remove(request.getPreparedStatementHandle().toStringUtf8());
        listener.onCompleted();
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        try {
            Prepared p = prepared(command.getPreparedStatementHandle());
            return info(run(session(p.sessionKey()), p.sql()), descriptor);
        } catch (RuntimeException e) {
            throw FlightErrors.toFlight(e);
        }
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        return new SchemaResult(prepared(command.getPreparedStatementHandle()).schema());
    }

    @Override
    public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
            ServerStreamListener listener) {
        FlightResult r;
        try {
            Prepared p = prepared(command.getPreparedStatementHandle());
            r = run(session(p.sessionKey()), p.sql());
            pending.remove(r.id());
        } catch (RuntimeException e) {
            listener.error(FlightErrors.toFlight(e));
            return;
        }
        stream(r, listener);
    }

    @Override
    public Runnable acceptPutPreparedStatementUpdate(CommandPreparedStatementUpdate command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        return () -> {
            try {
                Prepared p = prepared(command.getPreparedStatementHandle());
                refuseParameters(flightStream);
                ackUpdate(ackStream, update(session(p.sessionKey()), p.sql()));
            } catch (Throwable t) {
                ackStream.onError(FlightErrors.toFlight(t));
            }
        };
    }

    @Override
    public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        return () -> {
            try {
                Prepared p = prepared(command.getPreparedStatementHandle());
                if (p.parameterTypes.isEmpty()) {
                    refuseParameters(flightStream);
                } else {
                    p.bound = boundRow(flightStream, p.parameterTypes);
                }
                ackStream.onCompleted();
            } catch (Throwable t) {
                ackStream.onError(FlightErrors.toFlight(t));
            }
        };
    }

    /** The literals of the one row of parameter values a client bound to a prepared query. */
    private static List<String> boundRow(FlightStream parameters, List<LogicalType> types) {
        List<String> row = null;
        while (parameters.next()) {
            VectorSchemaRoot root = parameters.getRoot();
            for (int i = 0; i < root.getRowCount(); i++) {
                if (row != null) {
                    throw new io.sluice.table.api.UnsupportedFeatureException("several rows of parameter values for"
                            + " one Flight SQL query; run the query once per row");
                }
                row = FlightParameters.literals(root, i, types);
            }
        }
        if (row == null) {
            throw new ValidationException("no parameter values were sent for the prepared query's "
                    + types.size() + " parameters");
        }
        return row;
    }

    private static void refuseParameters(FlightStream parameters) {
        while (parameters.next()) {
            if (parameters.getRoot().getRowCount() > 0) {
                throw new io.sluice.table.api.UnsupportedFeatureException("parameters of Flight SQL prepared"
                        + " statements (put the values into the statement text)");
            }
        }
    }

    /**
     * The result schema of a statement, found without running it where possible: queries are planned, SHOW /
     * DESCRIBE / EXPLAIN run (they only read the catalog), other statements answer no columns (updates).
     */
    private static Schema describe(ServerSession session, String sql) {
        if (isQuery(sql)) {
            return FlightSchemas.of(session.querySchema(sql), session.streaming());
        }
        String word = firstWord(sql);
        if (word.equals("SHOW") || word.equals("DESCRIBE") || word.equals("DESC") || word.equals("EXPLAIN")) {
            TableResult r = session.execute(sql);
            try (CloseableIterator<Row> it = r.collect()) {
                return FlightSchemas.of(r.getResolvedSchema(), false);
            }
        }
        return new Schema(List.of());
    }

    /** Whether the statement has a {@code ?} outside string literals, quoted identifiers and comments. */
    static boolean hasParameterMarker(String sql) {
        return !FlightParameters.markers(sql).isEmpty();
    }

    private static boolean isQuery(String sql) {
        String word = firstWord(sql);
        return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES") || word.equals("(");
    }

    /** The statement's first keyword in upper case (after blanks and comments), or "(". */
    static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        if (i < n && sql.charAt(i) == '(') {
            return "(";
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ catalog metadata

    private static FlightInfo metadataInfo(Message command, Schema schema, FlightDescriptor descriptor) {
        return new FlightInfo(schema, descriptor,
                List.of(new FlightEndpoint(new Ticket(Any.pack(command).toByteArray()))), -1, -1);
    }

    private void streamRows(CallContext context, ServerStreamListener listener, Schema schema,
            List<LogicalType> types, java.util.function.Function<ServerSession, List<Row>> rows) {
        List<Row> values;
        try {
            values = rows.apply(session(context));
        } catch (RuntimeException e) {
            listener.error(FlightErrors.toFlight(e));
            return;
        }
        new FlightResult("metadata", schema, new FixedBatches(schema, types, values, allocator))
                .stream(listener, allocator, 0);
    }

    @Override
    public FlightInfo getFlightInfoCatalogs(CommandGetCatalogs request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_CATALOGS_SCHEMA, descriptor);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        streamRows(context, listener, Schemas.GET_CATALOGS_SCHEMA, FlightCatalogs.CATALOG_TYPES,
                FlightCatalogs::catalogs);
    }

    @Override
    public FlightInfo getFlightInfoSchemas(CommandGetDbSchemas request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_SCHEMAS_SCHEMA, descriptor);
    }

    @Override
    public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        streamRows(context, listener, Schemas.GET_SCHEMAS_SCHEMA, FlightCatalogs.SCHEMA_TYPES,
                s -> FlightCatalogs.schemas(s, command));
    }

    @Override
    public FlightInfo getFlightInfoTables(CommandGetTables request, CallContext context, FlightDescriptor descriptor) {
        return metadataInfo(request, request.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA
                : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, descriptor);
    }

    @Override
    public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
        boolean withSchema = command.getIncludeSchema();
        streamRows(context, listener, withSchema ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA,
                withSchema ? FlightCatalogs.TABLE_WITH_SCHEMA_TYPES : FlightCatalogs.TABLE_NO_SCHEMA_TYPES,
                s -> FlightCatalogs.tables(s, command));
    }

    @Override
    public FlightInfo getFlightInfoTableTypes(CommandGetTableTypes request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_TABLE_TYPES_SCHEMA, descriptor);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        streamRows(context, listener, Schemas.GET_TABLE_TYPES_SCHEMA, FlightCatalogs.TABLE_TYPES_TYPES,
                s -> FlightCatalogs.tableTypes());
    }

    @Override
    public FlightInfo getFlightInfoSqlInfo(CommandGetSqlInfo request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_SQL_INFO_SCHEMA, descriptor);
    }

    @Override
    public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        sqlInfo.send(command.getInfoList(), listener);
    }

    @Override
    public FlightInfo getFlightInfoTypeInfo(FlightSql.CommandGetXdbcTypeInfo request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_TYPE_INFO_SCHEMA, descriptor);
    }

    @Override
    public void getStreamTypeInfo(FlightSql.CommandGetXdbcTypeInfo request, CallContext context,
            ServerStreamListener listener) {
        FlightTypeInfo.stream(request.hasDataType() ? request.getDataType() : null, allocator, listener);
    }

    @Override
    public FlightInfo getFlightInfoPrimaryKeys(FlightSql.CommandGetPrimaryKeys request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_PRIMARY_KEYS_SCHEMA, descriptor);
    }

    @Override
    public void getStreamPrimaryKeys(FlightSql.CommandGetPrimaryKeys command, CallContext context,
            ServerStreamListener listener) {
        streamRows(context, listener, Schemas.GET_PRIMARY_KEYS_SCHEMA, FlightCatalogs.PRIMARY_KEY_TYPES,
                s -> FlightCatalogs.primaryKeys(s, command));
    }

    /** Sluice tables have no foreign keys: the key queries answer no rows. */
    @Override
    public FlightInfo getFlightInfoExportedKeys(FlightSql.CommandGetExportedKeys request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_EXPORTED_KEYS_SCHEMA, descriptor);
    }

    @Override
    public void getStreamExportedKeys(FlightSql.CommandGetExportedKeys command, CallContext context,
            ServerStreamListener listener) {
        streamRows(context, listener, Schemas.GET_EXPORTED_KEYS_SCHEMA, List.of(), s -> List.of());
    }

    @Override
    public FlightInfo getFlightInfoImportedKeys(FlightSql.CommandGetImportedKeys request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_IMPORTED_KEYS_SCHEMA, descriptor);
    }

    @Override
    public void getStreamImportedKeys(FlightSql.CommandGetImportedKeys command, CallContext context,
            ServerStreamListener listener) {
        streamRows(context, listener, Schemas.GET_IMPORTED_KEYS_SCHEMA, List.of(), s -> List.of());
    }

    @Override
    public FlightInfo getFlightInfoCrossReference(FlightSql.CommandGetCrossReference request, CallContext context,
            FlightDescriptor descriptor) {
        return metadataInfo(request, Schemas.GET_CROSS_REFERENCE_SCHEMA, descriptor);
    }

    @Override
    public void getStreamCrossReference(FlightSql.CommandGetCrossReference command, CallContext context,
            ServerStreamListener listener) {
        streamRows(context, listener, Schemas.GET_CROSS_REFERENCE_SCHEMA, List.of(), s -> List.of());
    }

    // ------------------------------------------------------------------ cancelling

    /**
     * Flight's CancelFlightInfo: stops the query behind the FlightInfo's ticket, fetched or not (its job stops, a
     * stream being read ends); a result that has already ended is {@code NOT_CANCELLABLE}.
     */
    @Override
    public void cancelFlightInfo(org.apache.arrow.flight.CancelFlightInfoRequest request, CallContext context,
            StreamListener<org.apache.arrow.flight.CancelStatus> listener) {
        listener.onNext(cancel(request.getInfo()) ? org.apache.arrow.flight.CancelStatus.CANCELLED
                : org.apache.arrow.flight.CancelStatus.NOT_CANCELLABLE);
        listener.onCompleted();
    }

    /** Flight SQL's older CancelQuery action, answered like {@link #cancelFlightInfo}. */
    @Override
    public void cancelQuery(FlightInfo info, CallContext context,
            StreamListener<org.apache.arrow.flight.sql.CancelResult> listener) {
        listener.onNext(cancel(info) ? org.apache.arrow.flight.sql.CancelResult.CANCELLED
                : org.apache.arrow.flight.sql.CancelResult.NOT_CANCELLABLE);
        listener.onCompleted();
    }

    private boolean cancel(FlightInfo info) {
        boolean cancelled = false;
        for (FlightEndpoint endpoint : info.getEndpoints()) {
            String id;
            try {
                Any any = Any.parseFrom(endpoint.getTicket().getBytes());
                if (!any.is(TicketStatementQuery.class)) {
                    continue;
                }
                id = any.unpack(TicketStatementQuery.class).getStatementHandle().toStringUtf8();
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                continue;
            }
            FlightResult r = pending.remove(id);
            if (r == null) {
                r = streaming.get(id);
            }
            if (r != null) {
                r.close();
                cancelled = true;
            }
        }
        return cancelled;
    }

    // ------------------------------------------------------------------ housekeeping

    /** Drops results nobody fetched in time and prepared statements whose session is gone. */
    private void dropStale() {
        long limit = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(UNFETCHED_MINUTES);
        pending.values().removeIf(r -> {
            if (r.createdMillis() < limit) {
                r.close();
                return true;
            }
            return false;
        });
        prepared.values().removeIf(p -> !sessions.isOpen(p.sessionKey()));
    }

    /** Closes every result, pending or streaming (their jobs stop; streams end). */
    void closeResults() {
        sweeper.shutdownNow();
        pending.values().forEach(FlightResult::close);
        pending.clear();
        streaming.values().forEach(FlightResult::close);
    }

    @Override
    public void close() {
        closeResults();
        allocator.close();
    }

    /** For tests: results waiting for their DoGet. */
    int pendingResults() {
        return pending.size();
    }
}
