package io.sluice.streaming.api.environment;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.common.RuntimeExecutionMode;
import io.sluice.api.common.eventtime.NoWatermarksGenerator;
import io.sluice.api.common.eventtime.WatermarkGeneratorSupplier;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.connector.source.Source;
import io.sluice.datastream.runtime.source.RecordSourceProvider;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.core.execution.CheckpointingMode;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.SavepointFormatType;
import io.sluice.datastream.graph.JobGraphBuilder;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.graph.SinkNode;
import io.sluice.datastream.graph.SourceNode;
import io.sluice.datastream.runtime.JobAccumulators;
import io.sluice.datastream.runtime.JobResources;
import io.sluice.datastream.runtime.operators.PassThroughOperator;
import io.sluice.datastream.runtime.source.CollectionSource;
import io.sluice.datastream.runtime.source.SequenceSource;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.execution.LocalExecutor;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.streaming.api.datastream.DataStreamSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where a DataStream program starts: it creates sources, holds the job's settings and runs the job. A job runs in
 * this JVM on Sluice's runtime (the executors of SQL jobs): one task thread at parallelism 1, task threads and
 * exchanges above, with the same checkpoints, restarts and state backends.
 */
public class StreamExecutionEnvironment {
    private final Configuration config = new Configuration();
    private final ExecutionConfig executionConfig = new ExecutionConfig(config);
    private final CheckpointConfig checkpointConfig = new CheckpointConfig(config);
    private final List<SinkNode> sinks = new ArrayList<>();
    private boolean chainingEnabled = true;
    private final List<io.sluice.core.execution.JobListener> jobListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The cached files by name: path and executable flag. */
    private final Map<String, String[]> cachedFiles = new java.util.LinkedHashMap<>();
    /** The classes of the custom sources (Source API implementations) of the job. */
    /** Sinks of table pipelines attached to this environment's next job ({@code StreamStatementSet}). */
    private final List<io.sluice.runtime.graph.SinkTransformation> attachedSinks = new ArrayList<>();

    /** The slot sharing groups registered with their resources, by name. */
    private final java.util.Map<String, io.sluice.api.common.operators.SlotSharingGroup> slotSharingGroups =
            new java.util.LinkedHashMap<>();

    /**
     * Registers a slot sharing group with its resources, for operators that name it with
     * {@code slotSharingGroup(String)}. Sluice records it; it does not change how a job is scheduled (every instance
     * runs as a thread of this process, without slots).
     */
    public StreamExecutionEnvironment registerSlotSharingGroup(
            io.sluice.api.common.operators.SlotSharingGroup slotSharingGroup) {
        slotSharingGroups.put(slotSharingGroup.getName(), slotSharingGroup);
        return this;
    }

    /** The group registered under {@code name}, if any (what {@link #registerSlotSharingGroup} recorded). */
    public java.util.Optional<io.sluice.api.common.operators.SlotSharingGroup> registeredSlotSharingGroup(
            String name) {
        return java.util.Optional.ofNullable(slotSharingGroups.get(name));
    }

    protected StreamExecutionEnvironment() {
        config.set(ExecutionOptions.PARALLELISM, 1);
    }

    /** A local environment with parallelism 1 (set it with {@link #setParallelism} or {@code parallelism.default}). */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return new StreamExecutionEnvironment();
    }

    /** An environment configured by Flink's option keys. */
    public static StreamExecutionEnvironment getExecutionEnvironment(io.sluice.configuration.Configuration configuration) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        env.configure(configuration);
        return env;
    }

    public static StreamExecutionEnvironment createLocalEnvironment() {
        return new StreamExecutionEnvironment();
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    public static StreamExecutionEnvironment createLocalEnvironment(io.sluice.configuration.Configuration configuration) {
        return getExecutionEnvironment(configuration);
    }

    /** Applies settings by Flink's keys. */
    public void configure(io.sluice.configuration.Configuration configuration) {
        for (Map.Entry<String, String> e : configuration.toMap().entrySet()) {
            if (e.getKey().equals("execution.runtime-mode")) {
                setRuntimeMode(RuntimeExecutionMode.valueOf(e.getValue().trim().toUpperCase(java.util.Locale.ROOT)));
            } else {
                config.setString(e.getKey(), e.getValue());
            }
        }
    }

    /** The job configuration (Sluice's runtime options), for settings without a dedicated method. */
    public Configuration getConfiguration() {
        return config;
    }

    public ExecutionConfig getConfig() {
        return executionConfig;
    }

    /**
     * Registers a local file or directory ({@code /path} or {@code file:///path}) under {@code name}; functions read
     * a copy of it with {@code getRuntimeContext().getDistributedCache().getFile(name)}.
     */
    public void registerCachedFile(String filePath, String name) {
        registerCachedFile(filePath, name, false);
    }

    /** Registers a cached file (see {@link #registerCachedFile(String, String)}), its copy executable or not. */
    public void registerCachedFile(String filePath, String name, boolean executable) {
        if (filePath == null || name == null) {
            throw new NullPointerException("a cached file needs a path and a name");
        }
        io.sluice.datastream.runtime.JobResources.localPath(filePath); // only local files
        cachedFiles.put(name, new String[] {filePath, Boolean.toString(executable)});
    }

    /** The registered cached files: name, then its path and whether it is executable. */
    public List<io.sluice.api.java.tuple.Tuple2<String, io.sluice.api.common.cache.DistributedCache.DistributedCacheEntry>>
            getCachedFiles() {
        List<io.sluice.api.java.tuple.Tuple2<String, io.sluice.api.common.cache.DistributedCache.DistributedCacheEntry>>
                out = new ArrayList<>();
        for (Map.Entry<String, String[]> e : cachedFiles.entrySet()) {
            out.add(io.sluice.api.java.tuple.Tuple2.of(e.getKey(),
                    new io.sluice.api.common.cache.DistributedCache.DistributedCacheEntry(e.getValue()[0],
                            Boolean.parseBoolean(e.getValue()[1]))));
        }
        return out;
    }

    /**
     * Accepted, without effect on results: Sluice chains the operations connected one to one at equal parallelism
     * (records pass as objects) whatever this says, as {@code disableChaining()} on an operation is accepted.
     */
    public StreamExecutionEnvironment disableOperatorChaining() {
        chainingEnabled = false;
        return this;
    }

    /** False after {@link #disableOperatorChaining()}. */
    public boolean isChainingEnabled() {
        return chainingEnabled;
    }

    public CheckpointConfig getCheckpointConfig() {
        return checkpointConfig;
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        executionConfig.setParallelism(parallelism);
        return this;
    }

    public int getParallelism() {
        return executionConfig.getParallelism();
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        executionConfig.setMaxParallelism(maxParallelism);
        return this;
    }

    public int getMaxParallelism() {
        return executionConfig.getMaxParallelism();
    }

    /** Streaming (continuous, rolling results) or batch (bounded input, final results only). */
    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        config.set(ExecutionOptions.RUNTIME_MODE, mode == RuntimeExecutionMode.BATCH ? RuntimeMode.BATCH
                : RuntimeMode.STREAMING);
        return this;
    }

    /** Takes a checkpoint every {@code interval} milliseconds; a failed job restarts from the latest one. */
    public StreamExecutionEnvironment enableCheckpointing(long interval) {
        checkpointConfig.setCheckpointInterval(interval);
        return this;
    }

    public StreamExecutionEnvironment enableCheckpointing(long interval, CheckpointingMode mode) {
        checkpointConfig.setCheckpointInterval(interval);
        checkpointConfig.setCheckpointingConsistencyMode(mode);
        return this;
    }

    public StreamExecutionEnvironment enableCheckpointing(Duration interval) {
        return enableCheckpointing(interval.toMillis());
    }

    // ---- sources

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(OUT... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("fromData needs at least one element; use fromData(TypeInformation, "
                    + "...) for an empty stream");
        }
        return fromData(Arrays.asList(data), typeOf(data[0]));
    }

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(TypeInformation<OUT> typeInfo, OUT... data) {
        return fromData(Arrays.asList(data), typeInfo);
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("Collection must not be empty");
        }
        return fromData(data, typeOf(data.iterator().next()));
    }

    /** The elements, in order, from a non-parallel source (operators after it run once until an exchange). */
    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data, TypeInformation<OUT> typeInfo) {
        DataStreamSource<OUT> s = source("Collection Source", typeInfo,
                new CollectionSource(data, StateStore.serializerOf(typeInfo)));
        s.getNode().setParallelism(1);
        s.getNode().setFeedsInOneInstance();
        return s;
    }

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromElements(OUT... data) {
        return fromData(data);
    }

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromElements(Class<OUT> type, OUT... data) {
        return fromData(Arrays.asList(data), TypeInformation.of(type));
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data) {
        return fromData(data);
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data, TypeInformation<OUT> typeInfo) {
        return fromData(data, typeInfo);
    }

    /** The numbers {@code from} to {@code to} (inclusive), read in parallel. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return source("Sequence Source", Types.LONG, new SequenceSource(from, to));
    }

    /**
     * The text a server sends on a socket, split into records at {@code delimiter}, from a non-parallel source
     * (parallelism 1): when the server closes the connection, the source connects again up to {@code maxRetry}
     * times (-1: for ever; 0: it ends), 500 ms apart. As in Flink, it is meant for tests and examples: a restarted
     * job does not resume where it was.
     */
    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter, long maxRetry) {
        DataStreamSource<String> s = source("Socket Stream", Types.STRING, new io.sluice.datastream.runtime.source
                .SocketTextSource(hostname, port, delimiter, maxRetry, StateStore.serializerOf(Types.STRING)));
        s.forceNonParallel();
        return s;
    }

    /** {@link #socketTextStream(String, int, String, long)} without reconnecting. */
    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
        return socketTextStream(hostname, port, delimiter, 0);
    }

    /** The lines a server sends on a socket ({@link #socketTextStream(String, int, String, long)}). */
    public DataStreamSource<String> socketTextStream(String hostname, int port) {
        return socketTextStream(hostname, port, "\n");
    }

    /**
     * Reads a source ({@code DataGeneratorSource}, {@code FileSource}); a watermark strategy other than
     * {@code noWatermarks()} assigns timestamps and watermarks to its records.
     */
    public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source,
            WatermarkStrategy<OUT> timestampsAndWatermarks, String sourceName) {
        return fromSource(source, timestampsAndWatermarks, sourceName, null);
    }

    @SuppressWarnings("unchecked")
    public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source,
            WatermarkStrategy<OUT> timestampsAndWatermarks, String sourceName, TypeInformation<OUT> typeInfo) {
        if (typeInfo == null && source instanceof io.sluice.api.java.typeutils.ResultTypeQueryable
                && !(source instanceof RecordSourceProvider)) {
            typeInfo = ((io.sluice.api.java.typeutils.ResultTypeQueryable<OUT>) source).getProducedType();
        }
        DataStreamSource<OUT> stream;
        if (source instanceof RecordSourceProvider) {
            RecordSourceProvider<OUT> provider = (RecordSourceProvider<OUT>) source;
            TypeInformation<OUT> type = typeInfo != null ? typeInfo : provider.getProducedType();
            io.sluice.runtime.connector.ScanTableSource scan = provider.scanSource(StateStore.serializerOf(type));
            if (timestampsAndWatermarks != null && timestampsAndWatermarks.getAlignmentParameters().isEnabled()) {
                // the watermarks are generated right after the source; that operator reports them for the readers
                String member = java.util.UUID.randomUUID().toString();
                scan = new io.sluice.datastream.runtime.source.AlignedScanSource(scan,
                        timestampsAndWatermarks.getAlignmentParameters(), member);
                timestampsAndWatermarks = new io.sluice.datastream.runtime.source.AlignedSourceStrategy<>(
                        timestampsAndWatermarks, member);
            }
            stream = source(sourceName, type, scan);
        } else {
            // as in Flink, the strategy runs in the readers: a timestamp assigner and watermark generator per split
            // (and one for what a reader emits outside its split outputs); the reader's watermark is their minimum
            stream = source(sourceName, typeInfo, new io.sluice.datastream.runtime.source.SplitSourceScan<>(
                    (Source<OUT, io.sluice.api.connector.source.SourceSplit, Object>) source,
                    StateStore.serializerOf(typeInfo), timestampsAndWatermarks));
            if (timestampsAndWatermarks != null) {
                io.sluice.api.common.eventtime.WatermarkGenerator<OUT> generator =
                        timestampsAndWatermarks.createWatermarkGenerator(
                                new WatermarkGeneratorSupplier.Context() { });
                if (generator instanceof io.sluice.api.common.eventtime.WatermarksWithIdleness) {
                    // a reader that emits nothing for the timeout (also one without splits) is idle as a whole
                    ((SourceNode) stream.getNode().inputs().get(0)).setIdleTimeout(
                            ((io.sluice.api.common.eventtime.WatermarksWithIdleness<OUT>) generator).idleTimeout());
                }
            }
            return stream;
        }
        if (timestampsAndWatermarks == null || timestampsAndWatermarks.createWatermarkGenerator(
                new WatermarkGeneratorSupplier.Context() { }) instanceof NoWatermarksGenerator) {
            return stream;
        }
        return new DataStreamSource<>(this, stream.assignTimestampsAndWatermarks(timestampsAndWatermarks).getNode());
    }

    /**
     * The type of the elements, from the first one: a {@code Row} or tuple with its fields' types (when none is
     * null), as Flink's type extraction from an object does, else the type of its class.
     */
    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> typeOf(T element) {
        return element == null ? null : (TypeInformation<T>) typeOfValue(element);
    }

    private static TypeInformation<?> typeOfValue(Object value) {
        int arity = -1;
        if (value instanceof io.sluice.types.Row) {
            arity = ((io.sluice.types.Row) value).getArity();
        } else if (value instanceof io.sluice.api.java.tuple.Tuple
                && value.getClass().getName().startsWith("io.sluice.api.java.tuple.Tuple")) {
            arity = ((io.sluice.api.java.tuple.Tuple) value).getArity();
        }
        if (arity < 0) {
            return TypeInformation.of(value.getClass());
        }
        TypeInformation<?>[] fields = new TypeInformation<?>[arity];
        for (int i = 0; i < arity; i++) {
            Object f = value instanceof io.sluice.types.Row ? ((io.sluice.types.Row) value).getField(i)
                    : ((io.sluice.api.java.tuple.Tuple) value).getField(i);
            if (f == null) {
                return TypeInformation.of(value.getClass());
            }
            fields[i] = typeOfValue(f);
        }
        return value instanceof io.sluice.types.Row ? new io.sluice.api.java.typeutils.RowTypeInfo(fields)
                : new io.sluice.api.java.typeutils.TupleTypeInfo<>(fields);
    }

    private <OUT> DataStreamSource<OUT> source(String name, TypeInformation<OUT> type,
            io.sluice.runtime.connector.ScanTableSource source) {
        SourceNode s = new SourceNode(name, type, source);
        OperatorNode head = new OperatorNode(name, type, new PassThroughOperator(name), List.of(s));
        return new DataStreamSource<>(this, head);
    }

    // ---- execution

    /** Registers a sink (called by the streams' sink methods). */
    public void addSink(SinkNode sink) {
        sinks.add(sink);
    }

    /**
     * Adds sinks of the runtime's job graph (a table pipeline, {@code StreamStatementSet.attachAsDataStream()}) to the
     * next job this environment executes.
     */
    public void attachSinks(List<io.sluice.runtime.graph.SinkTransformation> sinkTransformations) {
        attachedSinks.addAll(sinkTransformations);
    }

    /** The job graph of the sinks defined so far, and forgets them (as Flink's execute does). */
    private JobGraph takeJobGraph(String jobName) {
        try {
            if (sinks.isEmpty() && !attachedSinks.isEmpty()) {
                return new JobGraph(jobName, attachedSinks);
            }
            JobGraph graph = new JobGraphBuilder(getParallelism()).build(jobName, new ArrayList<>(sinks));
            if (attachedSinks.isEmpty()) {
                return graph;
            }
            List<io.sluice.runtime.graph.SinkTransformation> all = new ArrayList<>(graph.sinks());
            all.addAll(attachedSinks);
            return new JobGraph(jobName, all);
        } finally {
            sinks.clear();
            attachedSinks.clear();
        }
    }

    /**
     * A copy of the configuration for one job, with the job's new id and its name (what functions see in
     * {@code getRuntimeContext().getJobInfo()}).
     */
    private Configuration jobConfig(String jobName) {
        Configuration copy = config.copy();
        io.sluice.datastream.runtime.RunningJobInfo.configure(copy, jobName);
        io.sluice.datastream.runtime.JobResources.writeCachedFiles(copy, cachedFiles);
        return copy;
    }

    public JobExecutionResult execute() throws Exception {
        return execute("Sluice Streaming Job");
    }

    /** Runs the job until it ends (a bounded job) and rethrows its failure. */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobGraph graph = takeJobGraph(jobName);
        long start = System.currentTimeMillis();
        Configuration jobConfig = jobConfig(jobName);
        JobAccumulators accumulators = JobAccumulators.register(jobConfig);
        JobResources resources = JobResources.register(jobConfig);
        JobExecution execution;
        try {
            execution = LocalExecutor.submit(graph, jobConfig);
        } catch (RuntimeException e) {
            resources.release();
            accumulators.results(); // forgets the registry
            jobListeners.forEach(l -> l.onJobSubmitted(null, e));
            throw e;
        }
        CompletableFuture<Map<String, Object>> results = new CompletableFuture<>();
        JobClient client = client(execution, results);
        jobListeners.forEach(l -> l.onJobSubmitted(client, null));
        try {
            execution.await();
        } catch (Exception e) {
            results.complete(accumulators.results()); // forgets the registry
            jobListeners.forEach(l -> l.onJobExecuted(null, e));
            throw e;
        } finally {
            resources.release();
        }
        Map<String, Object> accumulated = accumulators.results();
        results.complete(accumulated);
        JobExecutionResult result = new JobExecutionResult(new JobID(execution.jobId()),
                System.currentTimeMillis() - start, accumulated);
        jobListeners.forEach(l -> l.onJobExecuted(result, null));
        return result;
    }

    /**
     * Registers a listener told of every job this environment submits ({@code onJobSubmitted}) and of the end of
     * those {@code execute} runs ({@code onJobExecuted}).
     */
    public void registerJobListener(io.sluice.core.execution.JobListener jobListener) {
        jobListeners.add(java.util.Objects.requireNonNull(jobListener, "JobListener cannot be null"));
    }

    /** Removes the registered job listeners. */
    public void clearJobListeners() {
        jobListeners.clear();
    }

    /** The registered job listeners. */
    public List<io.sluice.core.execution.JobListener> getJobListeners() {
        return jobListeners;
    }

    public JobClient executeAsync() {
        return executeAsync("Sluice Streaming Job");
    }

    /** Starts the job and returns at once. */
    public JobClient executeAsync(String jobName) {
        JobGraph graph = takeJobGraph(jobName);
        Configuration jobConfig = jobConfig(jobName);
        JobAccumulators accumulators = JobAccumulators.register(jobConfig);
        JobExecution execution;
        try {
            execution = submit(graph, jobConfig);
        } catch (RuntimeException e) {
            accumulators.results(); // forgets the registry
            jobListeners.forEach(l -> l.onJobSubmitted(null, e));
            throw e;
        }
        CompletableFuture<Map<String, Object>> results = execution.terminationFuture().handle(
                (v, e) -> accumulators.results());
        JobClient client = client(execution, results);
        jobListeners.forEach(l -> l.onJobSubmitted(client, null));
        return client;
    }

    /** Starts a job of the sinks defined so far plus {@code extra} (used by {@code executeAndCollect}). */
    public JobExecution executeWith(String jobName, SinkNode extra) {
        sinks.add(extra);
        return submit(takeJobGraph(jobName), jobConfig(jobName));
    }

    /** Submits a job whose resources are released when it ends. */
    private static JobExecution submit(JobGraph graph, Configuration jobConfig) {
        JobResources resources = JobResources.register(jobConfig);
        JobExecution execution;
        try {
            execution = LocalExecutor.submit(graph, jobConfig);
        } catch (RuntimeException e) {
            resources.release();
            throw e;
        }
        execution.terminationFuture().whenComplete((v, e) -> resources.release());
        return execution;
    }

    private static JobClient client(JobExecution execution, CompletableFuture<Map<String, Object>> accumulators) {
        return new JobClient() {
            @Override
            public JobID getJobID() {
                return new JobID(execution.jobId());
            }

            @Override
            public CompletableFuture<JobStatus> getJobStatus() {
                return CompletableFuture.completedFuture(JobStatus.valueOf(execution.status().name()));
            }

            @Override
            public CompletableFuture<Void> cancel() {
                execution.cancel();
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime,
                    String savepointDirectory, SavepointFormatType formatType) {
                return execution.stopWithSavepoint(java.nio.file.Path.of(savepointDirectory),
                        advanceToEndOfEventTime);
            }

            @Override
            public CompletableFuture<String> triggerSavepoint(String savepointDirectory,
                    SavepointFormatType formatType) {
                if (savepointDirectory == null) {
                    CompletableFuture<String> f = new CompletableFuture<>();
                    f.completeExceptionally(new IllegalArgumentException("A savepoint directory is needed: Sluice has "
                            + "no default savepoint directory"));
                    return f;
                }
                return execution.triggerSavepoint(java.nio.file.Path.of(savepointDirectory));
            }

            @Override
            public CompletableFuture<io.sluice.api.common.JobExecutionResult> getJobExecutionResult() {
                return execution.terminationFuture().thenCombine(accumulators, (v, results) ->
                        new JobExecutionResult(getJobID(), System.currentTimeMillis() - execution.startTime(),
                                results));
            }
        };
    }

    /** Whether checkpointing is on (interval set). */
    boolean checkpointing() {
        return config.contains(CheckpointingOptions.INTERVAL);
    }
}
