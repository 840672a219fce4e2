package io.sluice.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.python.udf.PythonFunctionRegistrar;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves the commands of one Python process, one at a time: each is a JSON object with an {@code "op"} (and binary
 * frames when it says {@code "buffers"}), answered by a JSON object with {@code "ok"} and either a {@code "value"}
 * or an {@code "error"}, followed by the binary frames it announces.
 */
final class GatewaySession {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataInputStream in;
    private final DataOutputStream out;
    private final Handles handles = new Handles();
    private final ArgDecoder args = new ArgDecoder(handles);

    GatewaySession(DataInputStream in, DataOutputStream out) {
        this.in = in;
        this.out = out;
    }

    void serve() throws IOException {
        while (true) {
            byte[] frame = Frames.read(in);
            if (frame == null) {
                return;
            }
            JsonNode request = JSON.readTree(frame);
            List<byte[]> inBuffers = new ArrayList<>();
            for (int i = 0; i < request.path("buffers").asInt(0); i++) {
                inBuffers.add(Frames.read(in));
            }
            Reply reply = new Reply();
            try {
                reply.value = handle(request, inBuffers, reply);
                reply.json.put("ok", true);
            } catch (Throwable e) {
                reply.buffers.clear();
                reply.json.removeAll();
                reply.json.put("ok", false);
                reply.json.put("error", message(e));
                reply.json.put("java_class", e.getClass().getSimpleName());
                reply.json.put("unsupported", isUnsupported(e));
            }
            if (reply.json.path("ok").asBoolean()) {
                reply.json.set("value", encodeValue(reply.value));
            }
            reply.json.put("buffers", reply.buffers.size());
            Frames.write(out, JSON.writeValueAsBytes(reply.json));
            for (byte[] b : reply.buffers) {
                Frames.write(out, b);
            }
            out.flush();
        }
    }

    /** What a command answers besides its value: extra JSON fields and binary frames. */
    static final class Reply {
        final ObjectNode json = JSON.createObjectNode();
        final List<byte[]> buffers = new ArrayList<>();
        Object value;
    }

    private Object handle(JsonNode r, List<byte[]> buffers, Reply reply) throws Exception {
        String op = r.path("op").asText();
        switch (op) {
            case "env":
                return TableEnvironment.create("batch".equals(r.path("mode").asText())
                        ? EnvironmentSettings.inBatchMode() : EnvironmentSettings.inStreamingMode());
            case "invoke":
                return Reflect.invoke(handles.get(r.get("target").asLong()), r.get("method").asText(),
                        args.decodeAll(r.get("args")));
            case "eval":
                return args.decode(r.get("arg"));
            case "schema":
                return schema(handles.get(r.get("h").asLong()));
            case "print": {
                TableResult result = (TableResult) handles.get(r.get("h").asLong());
                if (r.hasNonNull("marker") && result instanceof io.sluice.table.api.internal.TableResultImpl
                        && ((io.sluice.table.api.internal.TableResultImpl) result).isStreaming()) {
                    // a changelog is printed as it arrives: on the JVM's stdout, which Python forwards; the marker
                    // line tells Python the printing is complete
                    result.print();
                    System.out.println(r.get("marker").asText());
                    System.out.flush();
                    return null;
                }
                return print(result);
            }
            case "await": {
                TableResult result = (TableResult) handles.get(r.get("h").asLong());
                Optional<io.sluice.table.api.JobClient> job = result.getJobClient();
                if (job.isPresent()) {
                    try {
                        job.get().getJobExecutionResult().get(r.get("timeout_ms").asLong(),
                                java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        reply.json.put("timed_out", true);
                        return null;
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                                : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                    }
                }
                return null;
            }
            case "collect":
                return new ResultFetcher((TableResult) handles.get(r.get("h").asLong()));
            case "fetch": {
                ResultFetcher f = (ResultFetcher) handles.get(r.get("h").asLong());
                return f.fetch(r.path("max").asInt(8192), reply);
            }
            case "to_pandas": {
                Table t = (Table) handles.get(r.get("h").asLong());
                if (r.path("batch").asBoolean(false)) {
                    return ColumnCollect.toColumns((TableEnvironment) handles.get(r.get("env").asLong()), t, reply);
                }
                return ResultFetcher.all(t.execute(), reply);
            }
            case "from_columns":
                return FromColumns.table((TableEnvironment) handles.get(r.get("env").asLong()), r, buffers);
            case "register_function":
                PythonFunctionRegistrar.register((TableEnvironment) handles.get(r.get("env").asLong()), r,
                        buffers.get(0));
                return null;
            case "make_function":
                return PythonFunctionRegistrar.create(r, buffers.get(0));
            case "ds_graph":
                return io.sluice.python.datastream.PythonStreamGraph.create(r.get("graph"));
            case "ds_add": {
                io.sluice.python.datastream.PythonStreamGraph g = graph(r, buffers);
                if (!r.hasNonNull("stream")) {
                    return null;
                }
                return r.hasNonNull("type") ? g.typed(r.get("stream").asInt(), r.get("type"))
                        : g.stream(r.get("stream").asInt());
            }
            case "ste_create": {
                io.sluice.python.datastream.PythonStreamGraph g =
                        (io.sluice.python.datastream.PythonStreamGraph) handles.get(r.get("graph_handle").asLong());
                return io.sluice.table.api.bridge.java.StreamTableEnvironment.create(g.environment());
            }
            case "ds_execute": {
                io.sluice.python.datastream.PythonStreamGraph g = graph(r, buffers);
                g.addSinks(r.get("graph"));
                String jobName = r.path("job_name").asText("Python DataStream job");
                if (r.path("async").asBoolean(false)) {
                    return new io.sluice.python.datastream.DataStreamJobClient(g.environmentForExecution().executeAsync(jobName));
                }
                io.sluice.api.common.JobExecutionResult result = g.environmentForExecution().execute(jobName);
                if (r.hasNonNull("marker")) {
                    // what print sinks wrote is on the JVM's stdout, which Python forwards; the marker line tells
                    // Python it has all of it
                    System.out.println(r.get("marker").asText());
                    System.out.flush();
                }
                reply.json.put("net_runtime", result.getNetRuntime());
                return result.getJobID().toString();
            }
            case "ds_collect": {
                io.sluice.python.datastream.PythonStreamGraph g = graph(r, buffers);
                g.addSinks(r.get("graph"));
                g.environmentForExecution();
                return new io.sluice.python.datastream.StreamFetcher(g.stream(r.get("collect").asInt())
                        .executeAndCollect(r.path("job_name").asText("Python DataStream job")));
            }
            case "ds_fetch": {
                io.sluice.python.datastream.StreamFetcher f =
                        (io.sluice.python.datastream.StreamFetcher) handles.get(r.get("h").asLong());
                reply.buffers.add(f.fetch(r.path("max").asInt(4096)));
                reply.json.put("ended", f.ended());
                return null;
            }
            case "ds_close": {
                long h = r.get("h").asLong();
                ((AutoCloseable) handles.get(h)).close();
                handles.release(h);
                return null;
            }
            case "job_metrics":
                return UserMetricsView.of(handles.get(r.get("h").asLong()));
            case "release":
                for (JsonNode h : r.get("handles")) {
                    handles.release(h.asLong());
                }
                return null;
            default:
                throw new IllegalArgumentException("unknown gateway command '" + op + "'");
        }
    }

    /**
     * The DataStream graph of a request: the graph of a stream table environment ({@code graph_handle}) with the
     * request's new nodes added, or a new graph of the request's nodes.
     */
    private io.sluice.python.datastream.PythonStreamGraph graph(JsonNode r, List<byte[]> buffers) throws IOException {
        io.sluice.python.datastream.PythonStreamGraph g = r.hasNonNull("graph_handle")
                ? (io.sluice.python.datastream.PythonStreamGraph) handles.get(r.get("graph_handle").asLong())
                : io.sluice.python.datastream.PythonStreamGraph.create(r.get("graph"));
        g.addNodes(r.get("graph"), buffers, handles::get);
        return g;
    }

    private static ObjectNode schema(Object o) {
        ResolvedSchema s = o instanceof Table ? ((Table) o).getResolvedSchema() : ((TableResult) o).getResolvedSchema();
        ObjectNode n = JSON.createObjectNode();
        ArrayNode names = n.putArray("names");
        ArrayNode types = n.putArray("types");
        for (io.sluice.table.api.Column c : s.getColumns()) {
            names.add(c.getName());
            types.add(c.getDataType().getLogicalType().typeName());
        }
        n.put("text", s.toString());
        return n;
    }

    private static String print(TableResult result) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        boolean rowKinds = result instanceof io.sluice.table.api.internal.TableResultImpl
                && ((io.sluice.table.api.internal.TableResultImpl) result).isStreaming();
        try (CloseableIterator<Row> it = result.collect()) {
            new io.sluice.table.print.TableauPrinter(rowKinds, java.time.ZoneId.systemDefault(),
                    io.sluice.table.print.TableauPrinter.DEFAULT_MAX_COLUMN_WIDTH)
                    .print(result.getResolvedSchema(), it, w);
        }
        w.flush();
        return text.toString();
    }

    private JsonNode encodeValue(Object v) {
        if (v instanceof Optional) {
            v = ((Optional<?>) v).orElse(null);
        }
        if (v == null) {
            return JSON.nullNode();
        }
        if (v instanceof JsonNode) {
            return (JsonNode) v;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return JSON.valueToTree(v);
        }
        if (v instanceof Enum) {
            return JSON.getNodeFactory().textNode(((Enum<?>) v).name());
        }
        if (v instanceof String[]) {
            return JSON.valueToTree(v);
        }
        if (v instanceof List && ((List<?>) v).stream().allMatch(e -> e instanceof String)) {
            return JSON.valueToTree(v);
        }
        ObjectNode h = JSON.createObjectNode();
        h.put("h", handles.put(v));
        h.put("cls", apiName(v.getClass()));
        return h;
    }

    private static String apiName(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                if (i.getName().startsWith("io.sluice.table.api.")) {
                    return i.getSimpleName();
                }
            }
        }
        return c.getSimpleName();
    }

    private static boolean isUnsupported(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedFeatureException
                    || t.getMessage() != null && t.getMessage().startsWith("not supported yet")) {
                return true;
            }
        }
        return false;
    }

    /** The message of {@code e} followed by the messages of its causes that add something. */
    static String message(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && sb.indexOf(m) < 0) {
                sb.append("\nCaused by: ").append(c.getClass().getSimpleName()).append(": ").append(m);
            }
        }
        return sb.toString();
    }
}
