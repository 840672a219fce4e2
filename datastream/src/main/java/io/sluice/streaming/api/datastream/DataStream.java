package io.sluice.streaming.api.datastream;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.FilterFunction;
import io.sluice.api.common.functions.FlatMapFunction;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.graph.PartitionNode;
import io.sluice.datastream.graph.SinkNode;
import io.sluice.datastream.graph.StreamNode;
import io.sluice.datastream.graph.UnionNode;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.operators.FilterOperator;
import io.sluice.datastream.runtime.operators.FlatMapOperator;
import io.sluice.datastream.runtime.operators.MapOperator;
import io.sluice.datastream.runtime.operators.ProcessOperator;
import io.sluice.datastream.runtime.operators.TimestampsAndWatermarksOperator;
import io.sluice.datastream.runtime.sink.CollectSink;
import io.sluice.datastream.runtime.sink.UserSink;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.ProcessFunction;
import io.sluice.streaming.api.functions.sink.PrintSink;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.triggers.CountTrigger;
import io.sluice.streaming.api.windowing.triggers.PurgingTrigger;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/** A stream of records of type {@code T}, and the transformations that make new streams of it. */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final StreamNode node;

    public DataStream(StreamExecutionEnvironment environment, StreamNode node) {
        this.environment = environment;
        this.node = node;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The logical node behind this stream (for the job graph builder and the Table API bridge). */
    public StreamNode getNode() {
        return node;
    }

    public int getId() {
        return node.id();
    }

    public int getParallelism() {
        return node.parallelism() > 0 ? node.parallelism() : environment.getParallelism();
    }

    /** The type of the records; may be null where Sluice did not infer it (records then serialize by class). */
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getType() {
        return (TypeInformation<T>) node.type();
    }

    /** The key selector applied to records before an operator of this stream (null: not keyed). */
    protected KeySelector<?, ?> keySelector() {
        return null;
    }

    protected <R> SingleOutputStreamOperator<R> transform(String name, TypeInformation<?> type, ChainedOperator op) {
        return new SingleOutputStreamOperator<>(environment, new OperatorNode(name, type, op, List.of(node)));
    }

    /**
     * The records of each parallel instance collected into one window that closes when the input ends (for bounded
     * inputs): {@code mapPartition}, {@code reduce}, {@code aggregate} or {@code sortPartition} then process each
     * instance's records at once.
     */
    public PartitionWindowedStream<T> fullWindowPartition() {
        return new NonKeyedPartitionWindowedStream<>(this);
    }

    /**
     * A stream of tuples made of the fields {@code fieldIndexes} of this stream's tuples, in that order (a field may
     * be taken more than once). This stream's records must be tuples.
     */
    @SuppressWarnings("unchecked")
    public <R extends io.sluice.api.java.tuple.Tuple> SingleOutputStreamOperator<R> project(int... fieldIndexes) {
        if (fieldIndexes.length == 0 || fieldIndexes.length > io.sluice.api.java.tuple.Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("project takes 1 to " + io.sluice.api.java.tuple.Tuple.MAX_ARITY
                    + " field indexes, not " + fieldIndexes.length);
        }
        TypeInformation<T> in = getType();
        TypeInformation<R> out = null;
        if (in instanceof io.sluice.api.java.typeutils.TupleTypeInfo) {
            io.sluice.api.java.typeutils.TupleTypeInfo<?> tuple = (io.sluice.api.java.typeutils.TupleTypeInfo<?>) in;
            TypeInformation<?>[] fields = new TypeInformation<?>[fieldIndexes.length];
            for (int i = 0; i < fieldIndexes.length; i++) {
                if (fieldIndexes[i] < 0 || fieldIndexes[i] >= tuple.getArity()) {
                    throw new IndexOutOfBoundsException("Projection field " + fieldIndexes[i] + " of a tuple of"
                            + " arity " + tuple.getArity());
                }
                fields[i] = tuple.getTypeAt(fieldIndexes[i]);
            }
            out = (TypeInformation<R>) (TypeInformation<?>) new io.sluice.api.java.typeutils.TupleTypeInfo<>(fields);
        } else if (in != null && !(in.getTypeClass() == Object.class
                || io.sluice.api.java.tuple.Tuple.class.isAssignableFrom(in.getTypeClass()))) {
            throw new IllegalArgumentException("project works on streams of tuples, not of " + in);
        }
        int[] indexes = fieldIndexes.clone();
        MapFunction<T, R> projection = value -> {
            io.sluice.api.java.tuple.Tuple t = (io.sluice.api.java.tuple.Tuple) value;
            io.sluice.api.java.tuple.Tuple projected = io.sluice.api.java.tuple.Tuple.newInstance(indexes.length);
            for (int i = 0; i < indexes.length; i++) {
                projected.setField(t.getField(indexes[i]), i);
            }
            return (R) projected;
        };
        return transform("Projection", out != null ? out : TypeInformation.of((Class<R>) (Class<?>)
                io.sluice.api.java.tuple.Tuple.getTupleClass(indexes.length)),
                new MapOperator("Projection", keySelector(), projection));
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return map(mapper, cast(TypeExtractor.typeArgument(mapper, MapFunction.class, 1)));
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return transform("Map", outputType, new MapOperator("Map", keySelector(), mapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return flatMap(flatMapper, cast(TypeExtractor.typeArgument(flatMapper, FlatMapFunction.class, 1)));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return transform("Flat Map", outputType, new FlatMapOperator("Flat Map", keySelector(), flatMapper));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", node.type(), new FilterOperator("Filter", keySelector(), filter));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        return process(processFunction, cast(TypeExtractor.typeArgument(processFunction, ProcessFunction.class, 1)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction,
            TypeInformation<R> outputType) {
        return transform("Process", outputType, new ProcessOperator("Process", keySelector(), processFunction));
    }

    /** Partitions the stream by key: equal keys go to one parallel instance, which keeps their state. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        return keyBy(key, cast(TypeExtractor.typeArgument(key, KeySelector.class, 1)));
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
        return new KeyedStream<>(environment, new PartitionNode(node, PartitionNode.Kind.KEY, key, keyType), key,
                keyType);
    }

    /** An unchecked view of a type information (types found by reflection are not statically typed). */
    @SuppressWarnings("unchecked")
    protected static <X> TypeInformation<X> cast(TypeInformation<?> type) {
        return (TypeInformation<X>) type;
    }

    /** The records of this stream and of {@code streams}, as one stream. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<StreamNode> inputs = new ArrayList<>();
        inputs.add(node);
        for (DataStream<T> s : streams) {
            inputs.add(s.node);
        }
        return new DataStream<>(environment, new UnionNode(node.type(), inputs));
    }

    /** Connects two streams (of possibly different types) for a two-input operator sharing state. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> dataStream) {
        return new ConnectedStreams<>(environment, this, dataStream);
    }

    /** A window join with {@code otherStream} (continue with {@code where/equalTo/window/apply}). */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> otherStream) {
        return new JoinedStreams<>(this, otherStream);
    }

    /** Groups this stream and {@code otherStream} by key and window (continue with {@code where/equalTo/window/apply}). */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> otherStream) {
        return new CoGroupedStreams<>(this, otherStream);
    }

    /** Connects with a broadcast stream, whose broadcast state the operator's process function reads. */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        return new BroadcastConnectedStream<>(this, broadcastStream);
    }

    /** A stream whose records reach every instance of the operator it connects to, with broadcast state. */
    public BroadcastStream<T> broadcast(io.sluice.api.common.state.MapStateDescriptor<?, ?>... descriptors) {
        if (descriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(...) needs at least one MapStateDescriptor");
        }
        return new BroadcastStream<>(environment, new PartitionNode(node, PartitionNode.Kind.BROADCAST, null, null),
                List.of(descriptors));
    }

    /** Sends every record to every parallel instance of the next operator. */
    public DataStream<T> broadcast() {
        return partition(PartitionNode.Kind.BROADCAST);
    }

    /** Spreads the records round-robin over the next operator's parallel instances. */
    public DataStream<T> rebalance() {
        return partition(PartitionNode.Kind.REBALANCE);
    }

    /**
     * Spreads the records round-robin over a share of the next operator's instances: at equal parallelism each
     * instance feeds the one of its index; else each feeds its neighbouring share (or several share one).
     */
    public DataStream<T> rescale() {
        return partition(PartitionNode.Kind.RESCALE);
    }

    /** Spreads the records over the next operator's instances (Sluice: round-robin by batch, like rebalance). */
    public DataStream<T> shuffle() {
        return partition(PartitionNode.Kind.REBALANCE);
    }

    /** Sends every record to the first instance of the next operator. */
    public DataStream<T> global() {
        return partition(PartitionNode.Kind.GLOBAL);
    }

    /**
     * Records stay in the instance that produced them; the next operator must run at this stream's parallelism
     * (building the job fails otherwise).
     */
    public DataStream<T> forward() {
        return partition(PartitionNode.Kind.FORWARD);
    }

    /**
     * Sends each record to the instance of the next operator that {@code partitioner} chooses for the key
     * {@code keySelector} extracts (the next operator is not keyed).
     */
    public <K> DataStream<T> partitionCustom(io.sluice.api.common.functions.Partitioner<K> partitioner,
            KeySelector<T, K> keySelector) {
        if (partitioner == null || keySelector == null) {
            throw new NullPointerException("partitionCustom needs a partitioner and a key selector");
        }
        return new DataStream<>(environment, new PartitionNode(node, partitioner, keySelector));
    }

    private DataStream<T> partition(PartitionNode.Kind kind) {
        return new DataStream<>(environment, new PartitionNode(node, kind, null, null));
    }

    /** Sets each record's timestamp and generates watermarks by {@code watermarkStrategy}. */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        io.sluice.api.common.eventtime.WatermarkGenerator<T> generator = watermarkStrategy.createWatermarkGenerator(
                new io.sluice.api.common.eventtime.WatermarkGeneratorSupplier.Context() { });
        if (generator instanceof io.sluice.api.common.eventtime.WatermarksWithIdleness) {
            java.time.Duration timeout =
                    ((io.sluice.api.common.eventtime.WatermarksWithIdleness<T>) generator).idleTimeout();
            markSourcesIdleAfter(node, timeout, new java.util.HashSet<>());
        }
        return transform("Timestamps/Watermarks", node.type(),
                new TimestampsAndWatermarksOperator("Timestamps/Watermarks", watermarkStrategy));
    }

    /** Sets the idle timeout of every source feeding {@code n}. */
    private static void markSourcesIdleAfter(StreamNode n, java.time.Duration timeout, java.util.Set<StreamNode> seen) {
        if (!seen.add(n)) {
            return;
        }
        if (n instanceof io.sluice.datastream.graph.SourceNode) {
            ((io.sluice.datastream.graph.SourceNode) n).setIdleTimeout(timeout);
        }
        for (StreamNode in : n.inputs()) {
            markSourcesIdleAfter(in, timeout, seen);
        }
    }

    /** Windows over the whole (non-keyed) stream; they run in one parallel instance. */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} records over the whole stream. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll((WindowAssigner) GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows over the whole stream: every {@code slide} records, the last {@code size}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll((WindowAssigner) GlobalWindows.create())
                .evictor(io.sluice.streaming.api.windowing.evictors.CountEvictor.of(size))
                .trigger(CountTrigger.of(slide));
    }

    // ---- sinks

    public DataStreamSink<T> print() {
        return sinkTo(new PrintSink<>(), "Print to Std. Out");
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return sinkTo(new PrintSink<>(sinkIdentifier), "Print to Std. Out");
    }

    public DataStreamSink<T> printToErr() {
        return sinkTo(new PrintSink<>(true), "Print to Std. Err");
    }

    public DataStreamSink<T> printToErr(String sinkIdentifier) {
        return sinkTo(new PrintSink<>(sinkIdentifier, true), "Print to Std. Err");
    }

    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return sinkTo(sink, "Sink");
    }

    /**
     * Writes the stream with a legacy {@link io.sluice.streaming.api.functions.sink.legacy.SinkFunction}, called for
     * every record in the operator chain (with operator state when it is a {@code CheckpointedFunction}, keyed state
     * after {@code keyBy}). Deprecated in Flink 2.x in favour of {@link #sinkTo}; it runs here as in Flink.
     */
    @Deprecated
    public DataStreamSink<T> addSink(io.sluice.streaming.api.functions.sink.legacy.SinkFunction<T> sinkFunction) {
        SingleOutputStreamOperator<Object> function = transform("Sink: Unnamed", node.type(),
                new io.sluice.datastream.runtime.operators.SinkFunctionOperator("Sink: Unnamed", keySelector(),
                        sinkFunction));
        // the function emits nothing; the job graph ends every chain in a sink
        SinkNode s = new SinkNode("Sink: Unnamed", function.node,
                new UserSink(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>()));
        environment.addSink(s);
        return new DataStreamSink<>(s, function.node);
    }

    @SuppressWarnings("unchecked")
    private DataStreamSink<T> sinkTo(Sink<T> sink, String name) {
        if (sink instanceof io.sluice.streaming.api.connector.sink2.SupportsPreWriteTopology) {
            // as in Flink: the writers get what the sink's own topology makes of this stream
            DataStream<T> shaped = ((io.sluice.streaming.api.connector.sink2.SupportsPreWriteTopology<T>) sink)
                    .addPreWriteTopology(this);
            return shaped.sinkToWriters(sink, name);
        }
        return sinkToWriters(sink, name);
    }

    /** Writes this stream with the sink's writers (and committer). */
    private DataStreamSink<T> sinkToWriters(Sink<T> sink, String name) {
        if (sink instanceof io.sluice.streaming.api.connector.sink2.SupportsPreCommitTopology
                || sink instanceof io.sluice.streaming.api.connector.sink2.SupportsPostCommitTopology) {
            return sinkWithCommitTopologies(sink, name);
        }
        // a connector's sink that runs on the runtime's sink hooks itself (exactly-once Kafka, for instance)
        SinkNode s = new SinkNode(name, node, sink instanceof io.sluice.datastream.runtime.sink.RecordSink
                ? (io.sluice.datastream.runtime.sink.RecordSink) sink
                : io.sluice.datastream.runtime.sink.CommittingUserSink.handles(sink)
                ? new io.sluice.datastream.runtime.sink.CommittingUserSink(sink) : new UserSink(sink));
        environment.addSink(s);
        return new DataStreamSink<>(s);
    }

    /**
     * A committing sink with a pre- and/or post-commit topology, as in Flink: a writer operator whose committables
     * ({@code CommittableMessage}s, emitted before each checkpoint's barrier and at the end of the input) go through
     * the sink's pre-commit topology to a committer operator, whose committed committables go to its post-commit
     * topology. The sink's parallelism is that of its writers.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private DataStreamSink<T> sinkWithCommitTopologies(Sink<T> sink, String name) {
        if (!(sink instanceof io.sluice.api.connector.sink2.SupportsCommitter)) {
            throw new IllegalArgumentException("A sink with a pre- or post-commit topology commits: "
                    + sink.getClass().getName() + " must implement SupportsCommitter");
        }
        io.sluice.api.connector.sink2.SupportsCommitter<Object> committing =
                (io.sluice.api.connector.sink2.SupportsCommitter<Object>) sink;
        io.sluice.streaming.api.connector.sink2.SupportsPreCommitTopology<Object, Object> pre =
                sink instanceof io.sluice.streaming.api.connector.sink2.SupportsPreCommitTopology
                ? (io.sluice.streaming.api.connector.sink2.SupportsPreCommitTopology<Object, Object>) sink : null;
        TypeInformation<?> written = pre != null
                ? io.sluice.streaming.api.connector.sink2.CommittableMessageTypeInfo.of(
                        () -> pre.getWriteResultSerializer())
                : io.sluice.streaming.api.connector.sink2.CommittableMessageTypeInfo.of(
                        () -> committing.getCommittableSerializer());
        SingleOutputStreamOperator<io.sluice.streaming.api.connector.sink2.CommittableMessage<Object>> writers =
                transform(name + ": Writer", written,
                        new io.sluice.datastream.runtime.sink.SinkWriterOperator(name + ": Writer", sink));
        DataStream<io.sluice.streaming.api.connector.sink2.CommittableMessage<Object>> committables =
                pre != null ? pre.addPreCommitTopology(writers) : writers;
        SingleOutputStreamOperator<io.sluice.streaming.api.connector.sink2.CommittableMessage<Object>> committed =
                committables.transform(name + ": Committer",
                        io.sluice.streaming.api.connector.sink2.CommittableMessageTypeInfo.of(
                                () -> committing.getCommittableSerializer()),
                        new io.sluice.datastream.runtime.sink.CommitterOperator(name + ": Committer", committing));
        if (sink instanceof io.sluice.streaming.api.connector.sink2.SupportsPostCommitTopology) {
            ((io.sluice.streaming.api.connector.sink2.SupportsPostCommitTopology<Object>) sink)
                    .addPostCommitTopology(committed);
        }
        // the committer's stream ends in a sink of its own, so that the job runs it also without a post-commit topology
        SinkNode end = new SinkNode(name, committed.node,
                new UserSink(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>()));
        environment.addSink(end);
        return new DataStreamSink<>(end, writers.node);
    }

    /** Runs the job and iterates over this stream's records as they arrive. */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    public CloseableIterator<T> executeAndCollect(String jobExecutionName) throws Exception {
        CollectSink sink = new CollectSink();
        CollectSink.Results results = sink.results();
        JobExecution execution = environment.executeWith(jobExecutionName, new SinkNode("Collect Sink", node, sink));
        return new CollectIterator<>(sink, results, execution);
    }

    /** Runs the job and returns its first {@code limit} records (then cancels it). */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect("DataStream Collect", limit);
    }

    public List<T> executeAndCollect(String jobExecutionName, int limit) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = executeAndCollect(jobExecutionName)) {
            while (out.size() < limit && it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    /** Reads collected records until the job ends. */
    private static final class CollectIterator<T> implements CloseableIterator<T> {
        private final CollectSink sink;
        private final CollectSink.Results results;
        private final JobExecution execution;
        private Object next;
        private boolean closed;

        CollectIterator(CollectSink sink, CollectSink.Results results, JobExecution execution) {
            this.sink = sink;
            this.results = results;
            this.execution = execution;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (closed) {
                return false;
            }
            try {
                while (true) {
                    next = results.published().poll(20, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        return true;
                    }
                    if (execution.terminationFuture().isDone()) {
                        next = results.published().poll();
                        if (next != null) {
                            return true;
                        }
                        if (execution.failure() != null) {
                            throw new RuntimeException("The job failed: " + execution.failure().getMessage(),
                                    execution.failure());
                        }
                        return false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object v = next;
            next = null;
            return (T) v;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!execution.terminationFuture().isDone()) {
                    execution.cancel();
                    try {
                        execution.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                sink.release();
            }
        }
    }
}
