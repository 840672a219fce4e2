package io.sluice.python.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.common.RuntimeExecutionMode;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.configuration.Configuration;
import io.sluice.connector.file.src.FileSource;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import io.sluice.core.fs.Path;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.graph.PartitionNode;
import io.sluice.datastream.graph.StreamNode;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the DataStream job of a Python program from the graph the Python side describes (JSON, with binary frames
 * for collections and pickled functions). Nodes come in an order where inputs precede their consumers:
 * {@code collection} (records of a frame), {@code sequence}, {@code datagen} (record indexes), {@code text_file},
 * {@code python} (a {@link PythonFunctionOperator} on one or two inputs, keyed or not), {@code watermarks},
 * {@code java_source} (a Java Source class by name), {@code kafka_source} ({@link KafkaNodes}),
 * {@code side_output}, {@code union}, {@code partition} (rebalance, global, broadcast, forward, custom: by the
 * index a Python {@code partition_custom} function computed, see {@link CustomPartitioning}) and {@code java} (a
 * stream a table environment made, by its handle); sinks are described by {@link #addSinks}. A graph of a
 * {@code StreamTableEnvironment} grows: each request adds the nodes it has not seen yet. Records are typed by their
 * Java classes (the engine serializes them by class).
 */
public final class PythonStreamGraph {
    private final StreamExecutionEnvironment env;
    private final Map<Integer, DataStream<Object>> streams = new HashMap<>();
    /** The parallelism after each {@code partition_custom} partition node, by node id. */
    private final Map<Integer, Integer> customPartitions = new HashMap<>();
    /** The same, by the id of the Python node that indexes the partition's records. */
    private final Map<Integer, Integer> indexPartitions = new HashMap<>();

    /** RuntimeExecutionMode.AUTOMATIC: batch when every source is bounded, decided when the job starts. */
    private boolean automatic;
    /** The graph has a source that may not end (or one whose end is not known, such as a table's stream). */
    private boolean unboundedSource;

    private PythonStreamGraph(StreamExecutionEnvironment env) {
        this.env = env;
    }

    /**
     * The environment for running the graph's job: in AUTOMATIC mode its runtime mode becomes batch when every
     * source of the graph is bounded (collections, sequences, data generators, files not monitored, Kafka with
     * bounded stopping offsets, Java sources that say so), else streaming.
     */
    public StreamExecutionEnvironment environmentForExecution() {
        if (automatic) {
            env.setRuntimeMode(unboundedSource ? RuntimeExecutionMode.STREAMING : RuntimeExecutionMode.BATCH);
        }
        return env;
    }

    /** The environment of the graph's settings, with the graph's nodes and sinks added. */
    public static PythonStreamGraph build(JsonNode graph, List<byte[]> buffers) throws IOException {
        PythonStreamGraph g = create(graph);
        g.addNodes(graph, buffers, null);
        g.addSinks(graph);
        return g;
    }

    /** An empty graph in an environment of the graph's settings (its nodes come with {@link #addNodes}). */
    public static PythonStreamGraph create(JsonNode graph) {
        Configuration conf = new Configuration();
        graph.path("config").fields().forEachRemaining(e -> conf.setString(e.getKey(), e.getValue().asText()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        if (graph.hasNonNull("parallelism")) {
            env.setParallelism(graph.get("parallelism").asInt());
        }
        if (graph.hasNonNull("max_parallelism")) {
            env.setMaxParallelism(graph.get("max_parallelism").asInt());
        }
        boolean automatic = "automatic".equals(graph.path("mode").asText());
        if (graph.hasNonNull("mode") && !automatic) {
            env.setRuntimeMode("batch".equals(graph.get("mode").asText()) ? RuntimeExecutionMode.BATCH
                    : RuntimeExecutionMode.STREAMING);
        }
        if (graph.hasNonNull("checkpoint_interval")) {
            env.enableCheckpointing(graph.get("checkpoint_interval").asLong());
        }
        PythonStreamGraph g = new PythonStreamGraph(env);
        g.automatic = automatic;
        return g;
    }

    /**
     * Adds the graph's nodes that this graph does not have yet (by id); {@code objects} resolves the engine objects
     * that {@code java} nodes name (streams made by a table environment), or is null when there are none.
     */
    public void addNodes(JsonNode graph, List<byte[]> buffers, java.util.function.LongFunction<Object> objects)
            throws IOException {
        Map<String, String> jobParameters = new LinkedHashMap<>();
        graph.path(graph.has("job_parameters") ? "job_parameters" : "config").fields()
                .forEachRemaining(e -> jobParameters.put(e.getKey(), e.getValue().asText()));
        customPartitions(graph);
        for (JsonNode n : graph.path("nodes")) {
            if (!streams.containsKey(n.get("id").asInt())) {
                Map<String, String> parameters = jobParameters;
                Integer partitions = indexPartitions.get(n.get("id").asInt());
                if (partitions != null) {
                    parameters = new LinkedHashMap<>(jobParameters);
                    parameters.put(CustomPartitioning.NUM_PARTITIONS, Integer.toString(partitions));
                }
                add(n, buffers, graph.path("python").asText(), graph.path("python_path").asText(), parameters,
                        objects);
            }
        }
    }

    /**
     * Finds the {@code partition_custom} partitions of the graph and the parallelism of the operator after each (the
     * first consumer's, else the environment's): the partition's own node and its indexing Python node get it.
     */
    private void customPartitions(JsonNode graph) {
        for (JsonNode n : graph.path("nodes")) {
            if (!"partition".equals(n.path("kind").asText()) || !"custom".equals(n.path("how").asText())) {
                continue;
            }
            int id = n.get("id").asInt();
            int parallelism = env.getParallelism();
            for (JsonNode c : graph.path("nodes")) {
                boolean consumes = c.path("input").asInt(-1) == id;
                for (JsonNode in : c.path("inputs")) {
                    consumes |= in.asInt() == id;
                }
                if (consumes && c.path("parallelism").asInt(0) > 0) {
                    parallelism = c.get("parallelism").asInt();
                    break;
                }
            }
            customPartitions.put(id, parallelism);
            indexPartitions.put(n.get("input").asInt(), parallelism);
        }
    }

    /**
     * Adds the graph's sinks: {@code print} (the default kind), {@code file} ({@link RowFileSink}) and {@code discard}
     * (after a Python {@code add_sink} function, which writes the records itself), {@code kafka} ({@link KafkaNodes})
     * and {@code java_sink} (a Java Sink class by name).
     */
    @SuppressWarnings("unchecked")
    public void addSinks(JsonNode graph) {
        for (JsonNode s : graph.path("sinks")) {
            DataStream<Object> in = stream(s.get("input").asInt());
            String kind = s.path("kind").asText("print");
            if ("java_sink".equals(kind)) {
                in.sinkTo((io.sluice.api.connector.sink2.Sink<Object>) newInstance(s.get("class").asText(),
                        io.sluice.api.connector.sink2.Sink.class));
                continue;
            }
            if ("kafka".equals(kind)) {
                KafkaNodes.sink(in, s);
                continue;
            }
            if ("discard".equals(kind)) {
                // a Python add_sink: the Python node before it wrote the records; nothing reaches this sink
                in.sinkTo(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>()).name("Discard");
                continue;
            }
            if ("file".equals(kind)) {
                in.sinkTo(new RowFileSink(s.get("path").asText(), s.path("charset").asText("UTF-8"),
                        s.path("prefix").asText("part"), s.path("suffix").asText(""),
                        s.hasNonNull("bucket_format") ? s.get("bucket_format").asText() : null,
                        s.hasNonNull("zone") ? s.get("zone").asText() : null,
                        s.path("part_size").asLong(Long.MAX_VALUE), s.path("rollover_ms").asLong(Long.MAX_VALUE)));
                continue;
            }
            if ("bulk_file".equals(kind)) {
                java.util.Map<String, String> options = new java.util.HashMap<>();
                s.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
                in.sinkTo(new BulkFileSink(s.get("path").asText(), s.get("format").asText(),
                        s.get("row_type").asText(), options, s.path("prefix").asText("part"),
                        s.path("suffix").asText(""), s.hasNonNull("bucket_format") ? s.get("bucket_format").asText()
                        : null, s.hasNonNull("zone") ? s.get("zone").asText() : null));
                continue;
            }
            String id = s.path("identifier").asText("");
            if (s.path("stderr").asBoolean(false)) {
                in.printToErr(id);
            } else {
                in.print(id);
            }
        }
    }

    /**
     * The stream of node {@code id} with the type information {@code type} (Python's, as JSON), for a table to
     * read: records pass unchanged through a map that declares the type.
     */
    public DataStream<Object> typed(int id, JsonNode type) {
        @SuppressWarnings("unchecked")
        io.sluice.api.common.typeinfo.TypeInformation<Object> t =
                (io.sluice.api.common.typeinfo.TypeInformation<Object>) PythonTypes.of(type);
        return stream(id).map(new Identity(), t);
    }

    /** The map that gives a stream its type. */
    static final class Identity implements io.sluice.api.common.functions.MapFunction<Object, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object map(Object value) {
            return value;
        }
    }

    public StreamExecutionEnvironment environment() {
        return env;
    }

    /** The stream of node {@code id}. */
    public DataStream<Object> stream(int id) {
        DataStream<Object> s = streams.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown stream node " + id);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private void add(JsonNode n, List<byte[]> buffers, String python, String pythonPath,
            Map<String, String> jobParameters, java.util.function.LongFunction<Object> objects) throws IOException {
        int id = n.get("id").asInt();
        String kind = n.get("kind").asText();
        DataStream<Object> s;
        switch (kind) {
            case "collection":
                s = env.fromData(records(buffers.get(n.get("buffer").asInt())), null);
                break;
            case "sequence":
                s = (DataStream<Object>) (DataStream<?>) env.fromSequence(n.get("from").asLong(), n.get("to").asLong());
                break;
            case "datagen": {
                // the indexes 0, 1, ... (rate-limited); the Python generator function maps them afterwards
                io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy rate = n.hasNonNull("per_second")
                        ? io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy.perSecond(
                                n.get("per_second").asDouble())
                        : io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy.noOp();
                s = (DataStream<Object>) (DataStream<?>) env.fromSource(
                        new io.sluice.connector.datagen.source.DataGeneratorSource<>(new Index(),
                                n.get("count").asLong(), rate, io.sluice.api.common.typeinfo.Types.LONG),
                        WatermarkStrategy.noWatermarks(), n.path("name").asText("Data Generator"));
                break;
            }
            case "kafka_source":
                s = KafkaNodes.source(env, n);
                unboundedSource |= !(n.hasNonNull("stopping_offsets") && n.path("bounded").asBoolean(true));
                break;
            case "java_source": {
                Object source = newInstance(n.get("class").asText(), io.sluice.api.connector.source.Source.class);
                unboundedSource |= ((io.sluice.api.connector.source.Source<?, ?, ?>) source).getBoundedness()
                        != io.sluice.api.connector.source.Boundedness.BOUNDED;
                s = (DataStream<Object>) (DataStream<?>) env.fromSource(
                        (io.sluice.api.connector.source.Source<Object, ?, ?>) source,
                        WatermarkStrategy.noWatermarks(), n.path("name").asText("Java Source"));
                break;
            }
            case "text_file": {
                List<Path> paths = new ArrayList<>();
                for (JsonNode p : n.get("paths")) {
                    paths.add(new Path(p.asText()));
                }
                FileSource.FileSourceBuilder<String> b = FileSource.forRecordStreamFormat(new TextLineInputFormat(
                        n.path("charset").asText("UTF-8")), paths.toArray(new Path[0]));
                if (n.hasNonNull("monitor_ms")) {
                    unboundedSource = true;
                    b.monitorContinuously(Duration.ofMillis(n.get("monitor_ms").asLong()));
                }
                s = (DataStream<Object>) (DataStream<?>) env.fromSource(b.build(), WatermarkStrategy.noWatermarks(),
                        n.path("name").asText("File Source"));
                break;
            }
            case "format_file": {
                List<String> paths = new ArrayList<>();
                for (JsonNode p : n.get("paths")) {
                    paths.add(p.asText());
                }
                java.util.Map<String, String> options = new java.util.HashMap<>();
                n.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
                @SuppressWarnings("unchecked")
                io.sluice.api.common.typeinfo.TypeInformation<Object> type =
                        (io.sluice.api.common.typeinfo.TypeInformation<Object>) PythonTypes.of(n.get("type"));
                s = env.fromSource(new FormatFileSource(paths, n.get("format").asText(), n.get("row_type").asText(),
                        options, type), WatermarkStrategy.noWatermarks(), n.path("name").asText("File Source"));
                break;
            }
            case "python": {
                List<StreamNode> inputs = new ArrayList<>();
                boolean keyed = n.path("keyed").asBoolean(false);
                boolean broadcastSecond = n.path("broadcast_second").asBoolean(false);
                JsonNode ins = n.get("inputs");
                for (JsonNode in : ins) {
                    StreamNode node = stream(in.asInt()).getNode();
                    if (broadcastSecond && inputs.size() == 1) {
                        inputs.add(new PartitionNode(node, PartitionNode.Kind.BROADCAST, null, null));
                    } else {
                        inputs.add(keyed ? new PartitionNode(node, PartitionNode.Kind.KEY,
                                new PythonFunctionOperator.PythonKey(), null) : node);
                    }
                }
                String name = n.path("name").asText("Python");
                PythonFunctionOperator op = new PythonFunctionOperator(name, buffers.get(n.get("buffer").asInt()),
                        python, pythonPath, jobParameters, ins.size(), keyed, broadcastSecond);
                OperatorNode node = new OperatorNode(name, null, op, inputs);
                s = new SingleOutputStreamOperator<>(env, node);
                break;
            }
            case "partition": {
                DataStream<Object> in = stream(n.get("input").asInt());
                switch (n.get("how").asText()) {
                    case "rebalance":
                        s = in.rebalance();
                        break;
                    case "global":
                        s = in.global();
                        break;
                    case "custom": {
                        int parallelism = customPartitions.getOrDefault(id, env.getParallelism());
                        s = in.keyBy(new CustomPartitioning.IndexKey(parallelism, env.getMaxParallelism()))
                                .map(new CustomPartitioning.StripIndex());
                        s.getNode().setParallelism(parallelism);
                        s.getNode().setName("PartitionCustom");
                        break;
                    }
                    case "broadcast":
                        s = new DataStream<>(env, new PartitionNode(in.getNode(), PartitionNode.Kind.BROADCAST, null,
                                null));
                        break;
                    default:
                        s = in.forward();
                        break;
                }
                break;
            }
            case "java": {
                unboundedSource = true;
                if (objects == null) {
                    throw new IllegalArgumentException("a stream of a table environment in a graph without one");
                }
                s = (DataStream<Object>) objects.apply(n.get("handle").asLong());
                if (s.getExecutionEnvironment() != env) {
                    throw new IllegalArgumentException("The stream belongs to another StreamExecutionEnvironment");
                }
                break;
            }
            case "watermarks": {
                JsonNode w = n.get("strategy");
                WatermarkStrategy<Object> strategy;
                switch (w.path("type").asText()) {
                    case "bounded":
                        strategy = WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(w.get("ms").asLong()));
                        break;
                    case "monotonous":
                        strategy = WatermarkStrategy.forMonotonousTimestamps();
                        break;
                    default:
                        strategy = WatermarkStrategy.noWatermarks();
                        break;
                }
                if (w.hasNonNull("idle_ms")) {
                    strategy = strategy.withIdleness(Duration.ofMillis(w.get("idle_ms").asLong()));
                }
                s = stream(n.get("input").asInt()).assignTimestampsAndWatermarks(strategy);
                break;
            }
            case "side_output":
                s = ((SingleOutputStreamOperator<Object>) stream(n.get("input").asInt()))
                        .getSideOutput(new io.sluice.util.OutputTag<>(n.get("tag").asText()));
                break;
            case "union": {
                List<DataStream<Object>> others = new ArrayList<>();
                JsonNode ins = n.get("inputs");
                for (int i = 1; i < ins.size(); i++) {
                    others.add(stream(ins.get(i).asInt()));
                }
                s = stream(ins.get(0).asInt()).union(others.toArray(new DataStream[0]));
                break;
            }
            default:
                throw new IllegalArgumentException("unknown Python stream node kind '" + kind + "'");
        }
        if ("partition".equals(kind) || "java".equals(kind)) {
            streams.put(id, s);
            return;
        }
        if (n.hasNonNull("parallelism") && n.get("parallelism").asInt() > 0) {
            s.getNode().setParallelism(n.get("parallelism").asInt());
        }
        if (n.hasNonNull("uid")) {
            s.getNode().setUid(n.get("uid").asText());
        }
        if (n.hasNonNull("name") && !"union".equals(kind)) {
            s.getNode().setName(n.get("name").asText());
        }
        streams.put(id, s);
    }

    /**
     * A new instance (public no-argument constructor) of the Java class {@code className}, which must implement
     * {@code api}: a source or sink a Python program names.
     */
    static Object newInstance(String className, Class<?> api) {
        Class<?> c;
        try {
            c = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : PythonStreamGraph.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("The Java class '" + className + "' is not on the engine's class path "
                    + "(SLUICE_GATEWAY_CLASSPATH).", e);
        }
        if (!api.isAssignableFrom(c)) {
            throw new IllegalArgumentException("The Java class '" + className + "' does not implement "
                    + api.getName() + ".");
        }
        try {
            return c.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("The Java class '" + className + "' has no public constructor without "
                    + "arguments.", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot create the Java " + api.getSimpleName() + " '" + className
                    + "': " + e.getCause(), e);
        }
    }

    /** The generator of the engine's half of a Python DataGeneratorSource: the record's index. */
    static final class Index implements io.sluice.connector.datagen.source.GeneratorFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    /** The records of a collection frame: an int32 count, then each record ({@link RecordCodec}). */
    static List<Object> records(byte[] buffer) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(buffer));
        int n = in.readInt();
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(RecordCodec.read(in));
        }
        return out;
    }
}
