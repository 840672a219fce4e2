package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.metrics.CheckpointStats;
import io.sluice.runtime.metrics.JobPlan;
import io.sluice.runtime.metrics.MeteredOutput;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.table.api.TableException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs a {@link JobGraph} in this JVM; with {@code parallelism.default} above one,
 * {@link ParallelJobRun} runs it, otherwise one task thread does. Operators are chained by direct calls:
 * a source's batch is pushed through every downstream operator before the next batch is read.
 *
 * <p>In batch mode the sources are drained one after the other, in the order that satisfies each
 * operator's {@link OperatorTransformation#inputReadOrder()}; in streaming mode all sources are polled
 * round-robin. An operator with several inputs sees the minimum of its inputs' watermarks, and only
 * when that minimum advances. Memory comes from one {@link RootAllocator} per job (limit
 * {@link ExecutionOptions#MEMORY_LIMIT}) with a child allocator per operator, so a leak names the
 * operator that leaked.
 *
 * <p><b>Idle sources.</b> With {@code table.exec.source.idle-timeout} set, a source that produced
 * nothing for that long is idle until it produces again; an input fed only by idle sources does not
 * hold back the watermark of an operator with several inputs.
 *
 * <p><b>Processing time.</b> In streaming mode, between two rounds of source polls (also when no
 * source has data), operators that {@link StreamOperator#wantsProcessingTime want it} get
 * {@link StreamOperator#onProcessingTime} once per {@link ProcessingTimeSchedule} period.
 *
 * <p><b>Checkpoints.</b> With {@code execution.checkpointing.interval} set, a streaming job takes a
 * checkpoint between two source polls once the interval has passed. Because every batch is pushed
 * through the whole graph before the next poll, that point is already aligned (nothing is in flight),
 * so no barriers are needed on one task thread: the checkpoint saves each source's position, each
 * operator's state and each sink's prepared commit ({@link Checkpointing}). A failed job restarts
 * from its latest complete checkpoint as the restart strategy allows ({@link RestartStrategy}).
 */
public final class LocalExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private LocalExecutor() {
    }

    /** Starts the job on a new thread and returns at once. */
    public static JobExecution submit(JobGraph graph, Configuration config) {
        JobExecution execution = new JobExecution(UUID.randomUUID().toString().replace("-", ""), graph.jobName());
        Thread t = new Thread(() -> runJob(graph, config, execution), "sluice-job-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return execution;
    }

    /** Runs the job on the calling thread until it ends; rethrows its failure. */
    public static void run(JobGraph graph, Configuration config) throws Exception {
        JobExecution execution = new JobExecution(UUID.randomUUID().toString().replace("-", ""), graph.jobName());
        runJob(graph, config, execution);
        execution.await();
    }

    /** One task thread for parallelism 1; {@link ParallelJobRun} for more. */
    private static void runJob(JobGraph graph, Configuration config, JobExecution execution) {
        int tableParallelism = config.get(ExecutionOptions.RESOURCE_DEFAULT_PARALLELISM);
        int parallelism = tableParallelism > 0 ? tableParallelism : config.get(ExecutionOptions.PARALLELISM);
        if (parallelism > 1) {
            new ParallelJobRun(graph, config, execution, parallelism).run();
        } else {
            new JobRun(graph, config, execution).run();
        }
    }

    /** One node of the running job. */
    static final class Node {
        final Transformation transformation;
        final List<Node> consumers = new ArrayList<>();
        final List<Integer> consumerInputs = new ArrayList<>();
        int index;
        /** The state identity of this node in checkpoints ({@link JobGraph#stateIds}). */
        String uid;
        BufferAllocator allocator;
        StreamOperator operator;
        io.sluice.runtime.connector.SourceReader reader;
        Output output;
        OperatorMetrics metrics;
        int openInputs;
        boolean ended;
        /** Per input, the largest watermark received (MAX once the input ended). */
        final long[] inputWatermarks;
        long deliveredWatermark = Long.MIN_VALUE;

        Node(Transformation transformation) {
            this.transformation = transformation;
            this.openInputs = transformation.inputs().size();
            this.inputWatermarks = new long[transformation.inputs().size()];
            java.util.Arrays.fill(inputWatermarks, Long.MIN_VALUE);
        }

        /** Records input {@code input}'s watermark; returns the new minimum over all inputs if it advanced, else MIN. */
        long advanceWatermark(int input, long watermark) {
            inputWatermarks[input] = Math.max(inputWatermarks[input], watermark);
            long min = Long.MAX_VALUE;
            boolean anyActive = false;
            for (int i = 0; i < inputWatermarks.length; i++) {
                if (!isIdleInput(i)) {
                    anyActive = true;
                    min = Math.min(min, inputWatermarks[i]);
                }
            }
            if (!anyActive) {
                return Long.MIN_VALUE; // every input is idle: hold the watermark
            }
            if (min > deliveredWatermark) {
                deliveredWatermark = min;
                return min;
            }
            return Long.MIN_VALUE;
        }

        /** Per input, the sources it reads from (directly or through other nodes). */
        final List<Set<Node>> inputSources = new ArrayList<>();
        /** Sources only: no data for longer than {@code table.exec.source.idle-timeout}. */
        boolean idle;
        long lastActive = System.currentTimeMillis();

        /** An input is idle when every source feeding it is idle (and has not ended). */
        boolean isIdleInput(int input) {
            if (input >= inputSources.size() || inputSources.get(input).isEmpty()) {
                return false;
            }
            for (Node s : inputSources.get(input)) {
                if (!s.idle || s.ended) {
                    return false;
                }
            }
            return true;
        }

        String name() {
            return transformation.name();
        }
    }

    /** Thrown once with the name of the operator where a failure happened. */
    static final class OperatorFailure extends TableException {
        private final String operator;

        OperatorFailure(String operator, Throwable cause) {
            super("Operator '" + operator + "' failed: " + cause.getMessage(), cause);
            this.operator = operator;
        }

        String operator() {
            return operator;
        }
    }

    private static final class JobRun {
        private final JobGraph graph;
        private final Configuration config;
        private final JobExecution execution;
        private final Map<Transformation, Node> nodes = new IdentityHashMap<>();
        private final List<Node> order = new ArrayList<>();
        private Checkpointing checkpointing;
        private final long idleTimeoutMillis;
        private CheckpointStorage.Checkpoint restore;
        /** Streaming mode: the nodes whose operators want processing-time callbacks, in topological order. */
        private final List<Node> processingTimeNodes = new ArrayList<>();
        private final ProcessingTimeSchedule processingTime;

        JobRun(JobGraph graph, Configuration config, JobExecution execution) {
            this.graph = graph;
            this.config = config;
            this.execution = execution;
            this.idleTimeoutMillis = config.get(ExecutionOptions.SOURCE_IDLE_TIMEOUT).toMillis();
            this.processingTime = new ProcessingTimeSchedule(config);
        }

        void run() {
            execution.setStatus(JobStatus.RUNNING);
            Throwable failure;
            try {
                checkpointing = Checkpointing.from(config, execution.jobId(), streaming());
                restore = checkpointing.initialRestore();
            } catch (Throwable t) {
                execution.finish(JobStatus.FAILED, t);
                return;
            }
            RestartStrategy restarts = RestartStrategy.from(config, checkpointing.enabled());
            while (true) {
                failure = attempt();
                if (failure == null || execution.isCancelRequested()) {
                    break;
                }
                long delay = restarts.nextDelayMillis();
                if (delay < 0) {
                    break;
                }
                if (!sleepUnlessCancelled(delay)) {
                    failure = null; // cancelled while waiting to restart
                    break;
                }
                try {
                    restore = checkpointing.latestOrInitial();
                } catch (Throwable t) {
                    failure = addFailure(failure, t);
                    break;
                }
                execution.recordRestart(failure);
            }
            if (failure == null) {
                execution.finish(execution.isCancelRequested() && !execution.isStoppedWithSavepoint()
                        ? JobStatus.CANCELED : JobStatus.FINISHED, null);
            } else {
                execution.finish(JobStatus.FAILED, failure);
            }
        }

        private boolean streaming() {
            return config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
        }

        private boolean sleepUnlessCancelled(long millis) {
            long end = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < end) {
                if (execution.isCancelRequested()) {
                    return false;
                }
                try {
                    Thread.sleep(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        /** One run of the whole graph (the first, or a restart from {@link #restore}); returns its failure or null. */
        private Throwable attempt() {
            Throwable failure = null;
            nodes.clear();
            order.clear();
            processingTimeNodes.clear();
            RootAllocator root = new RootAllocator(config.get(ExecutionOptions.MEMORY_LIMIT));
            try {
                Map<Transformation, String> uids = graph.stateIds(config.get(CheckpointingOptions.UID_FORMAT));
                for (Transformation t : graph.topologicalOrder()) {
                    Node n = new Node(t);
                    n.uid = uids.get(t);
                    nodes.put(t, n);
                    order.add(n);
                    for (int i = 0; i < t.inputs().size(); i++) {
                        Node in = nodes.get(t.inputs().get(i));
                        in.consumers.add(n);
                        in.consumerInputs.add(i);
                    }
                }
                for (Node n : order) {
                    for (Transformation in : n.transformation.inputs()) {
                        Node input = nodes.get(in);
                        Set<Node> sources = new LinkedHashSet<>();
                        if (input.transformation instanceof SourceTransformation) {
                            sources.add(input);
                        }
                        for (Set<Node> upstream : input.inputSources) {
                            sources.addAll(upstream);
                        }
                        n.inputSources.add(sources);
                    }
                }
                if (restore != null) {
                    List<CheckpointStorage.NodeState> expected = new ArrayList<>();
                    for (int i = 0; i < order.size(); i++) {
                        Node n = order.get(i);
                        expected.add(new CheckpointStorage.NodeState(n.uid, 0, 1, n.name(),
                                n.transformation.stateSchema(), null));
                    }
                    restore = RestoreCompatibility.check(restore, expected,
                            config.get(CheckpointingOptions.IGNORE_UNCLAIMED_STATE));
                }
                execution.metrics().setPlan(JobPlan.of(execution.jobId(), graph.topologicalOrder(), v -> 1,
                        (from, to, input) -> new JobPlan.Ship("FORWARD", true)));
                if (restore != null) {
                    execution.metrics().checkpoints().restored(restore.directory().toString());
                }
                for (int i = 0; i < order.size(); i++) {
                    open(order.get(i), i, root);
                }
                for (Node n : order) {
                    if (n.operator != null && n.operator.wantsProcessingTime() && ProcessingTimeSchedule.enabled(config)) {
                        processingTimeNodes.add(n);
                    }
                }
                if (checkpointing.enabled()) {
                    checkpointing.requireCheckpointable(order);
                }
                List<Node> sources = sourcesInReadOrder();
                if (!streaming()) {
                    for (Node s : sources) {
                        drain(s);
                    }
                } else {
                    pollRoundRobin(sources);
                }
            } catch (Throwable t) {
                failure = t;
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                failure = closeQuietly(order.get(i), failure);
            }
            try {
                root.close();
            } catch (Throwable t) {
                failure = addFailure(failure, new TableException("Memory leaked by job '" + graph.jobName() + "': "
                        + t.getMessage(), t));
            }
            return failure;
        }

        /**
         * Serves a savepoint request: writes the savepoint, then ends the job unless the request keeps it running.
         * True when stopped.
         */
        private boolean maybeStopWithSavepoint() {
            JobExecution.SavepointRequest request = execution.takeSavepointRequest();
            if (request == null) {
                return false;
            }
            CheckpointStats stats = execution.metrics().checkpoints();
            long id = checkpointing.peekNextCheckpointId();
            stats.triggered(id, true);
            try {
                java.nio.file.Path path = checkpointing.takeSavepoint(order, request.directory());
                stats.completed(id, true, execution.metrics().stateSize(), path.toString());
                if (request.keepRunning()) {
                    request.result().complete(path.toString());
                    return false;
                }
                execution.markStoppedWithSavepoint();
                request.result().complete(path.toString());
                return true;
            } catch (Throwable t) {
                stats.failed(id, true, t);
                request.result().completeExceptionally(t);
                return false;
            }
        }

        /** Takes a checkpoint when the interval has passed (streaming mode, between two source polls). */
        private void maybeCheckpoint() throws Exception {
            if (checkpointing.due()) {
                CheckpointStats stats = execution.metrics().checkpoints();
                long id = checkpointing.peekNextCheckpointId();
                stats.triggered(id, false);
                try {
                    java.nio.file.Path path = checkpointing.take(order);
                    execution.recordCheckpoint(path);
                    stats.completed(id, false, execution.metrics().stateSize(), path.toString());
                } catch (Throwable e) {
                    stats.failed(id, false, e);
                    throw e;
                }
            }
        }

        private void open(Node n, int index, RootAllocator root) throws Exception {
            Transformation t = n.transformation;
            n.index = index;
            n.allocator = root.newChildAllocator(t.name() + "#" + System.identityHashCode(n), 0, Long.MAX_VALUE);
            n.metrics = execution.metrics().operator(index, t.name(), 0, 1, t instanceof SourceTransformation);
            n.output = new MeteredOutput(new RoutingOutput(n, null), n.metrics);
            List<CheckpointStorage.NodeState> rescaled = RescaledRestore.rescaledStates(restore, n.uid, 1);
            byte[] state = restore == null || rescaled != null ? null : restore.stateOf(n.uid, 0);
            try {
                if (t instanceof SourceTransformation) {
                    SourceTransformation s = (SourceTransformation) t;
                    n.reader = s.source().createReader(new ReaderContext(s.projectedFields(), s.outputType(),
                            n.allocator, config, 0, 1).withSideOutputs(tag -> sideOutput(n, tag), n.metrics));
                    if (state != null) {
                        n.reader.restorePosition(state);
                    } else if (rescaled != null) {
                        RescaledRestore.restoreSource(n.reader, rescaled);
                    }
                    n.reader.open();
                } else if (t instanceof SinkTransformation) {
                    SinkTransformation s = (SinkTransformation) t;
                    SinkOperator sink = new SinkOperator(s.writerFactory().apply(
                            new WriterContext(s.outputType(), n.allocator, config, 0, 1)));
                    n.operator = sink;
                    sink.open(new OperatorContext(t.name(), n.allocator, config, n.metrics), n.output);
                    if (state != null) {
                        sink.restoreState(state);
                    } else if (rescaled != null) {
                        RescaledRestore.restoreSink(sink, rescaled, 0, 1);
                    }
                } else {
                    n.operator = ((OperatorTransformation) t).factory().create();
                    n.operator.open(new OperatorContext(t.name(), n.allocator, config, n.metrics)
                            .withSideOutputs(tag -> sideOutput(n, tag)), n.output);
                    if (state != null) {
                        ((CheckpointedOperator) n.operator).restoreState(
                                new StateReader(new java.io.ByteArrayInputStream(state)));
                    } else if (rescaled != null) {
                        RescaledRestore.restoreOperator(n.operator, t, rescaled, 0, 1,
                                config.get(io.sluice.runtime.state.keyed.StateOptions.MAX_PARALLELISM));
                    }
                }
            } catch (Throwable e) {
                throw wrap(n, e);
            }
        }

        /** Sources in depth-first order from the sinks, inputs visited in each operator's read order. */
        private List<Node> sourcesInReadOrder() {
            Set<Node> result = new LinkedHashSet<>();
            Set<Node> visited = new LinkedHashSet<>();
            for (SinkTransformation s : graph.sinks()) {
                collectSources(nodes.get(s), result, visited);
            }
            return new ArrayList<>(result);
        }

        private void collectSources(Node n, Set<Node> result, Set<Node> visited) {
            if (!visited.add(n)) {
                return;
            }
            Transformation t = n.transformation;
            if (t instanceof SourceTransformation) {
                result.add(n);
                return;
            }
            int[] order = t instanceof OperatorTransformation
                    ? ((OperatorTransformation) t).inputReadOrder() : new int[] {0};
            for (int i : order) {
                collectSources(nodes.get(t.inputs().get(i)), result, visited);
            }
        }

        private void drain(Node source) throws Exception {
            while (!source.ended) {
                if (execution.isCancelRequested()) {
                    return;
                }
                if (poll(source) == ReadStatus.NOTHING_AVAILABLE) {
                    Thread.sleep(1);
                }
            }
        }

        private void pollRoundRobin(List<Node> sources) throws Exception {
            List<Node> active = new ArrayList<>(sources);
            while (!active.isEmpty() && !execution.isCancelRequested()) {
                boolean progress = false;
                for (int i = 0; i < active.size(); i++) {
                    Node s = active.get(i);
                    if (poll(s) != ReadStatus.NOTHING_AVAILABLE) {
                        progress = true;
                        s.lastActive = System.currentTimeMillis();
                        s.idle = false;
                    }
                    if (s.ended) {
                        active.remove(i--);
                    }
                }
                markIdleSources(active);
                fireProcessingTime();
                maybeCheckpoint();
                if (maybeStopWithSavepoint()) {
                    return;
                }
                if (!progress) {
                    Thread.sleep(1);
                }
            }
        }

        /**
         * Once per {@link ProcessingTimeSchedule} period, calls {@link StreamOperator#onProcessingTime} on the
         * operators that want it (upstream first, so rows one emits reach the next before its own call), except
         * those whose inputs have all ended. What they emit is pushed through the graph at once, as from a batch.
         */
        private void fireProcessingTime() throws Exception {
            if (processingTimeNodes.isEmpty()) {
                return;
            }
            long now = System.currentTimeMillis();
            if (!processingTime.due(now)) {
                return;
            }
            for (Node n : processingTimeNodes) {
                if (n.ended) {
                    continue;
                }
                try {
                    n.metrics.onProcessingTime(n.operator, now, n.output);
                } catch (OperatorFailure f) {
                    throw f;
                } catch (Throwable e) {
                    throw wrap(n, e);
                }
            }
        }

        /**
         * Marks sources without data for {@code table.exec.source.idle-timeout} as idle, so that operators
         * with several inputs advance their watermark on the other inputs alone.
         */
        private void markIdleSources(List<Node> sources) throws Exception {
            if (idleTimeoutMillis <= 0) {
                return;
            }
            long now = System.currentTimeMillis();
            boolean changed = false;
            for (Node s : sources) {
                if (!s.idle && now - s.lastActive >= idleTimeoutMillis) {
                    s.idle = true;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
            for (Node n : order) {
                if (n.operator != null && n.inputWatermarks.length > 1) {
                    long combined = n.advanceWatermark(0, Long.MIN_VALUE);
                    if (combined != Long.MIN_VALUE) {
                        try {
                            n.metrics.processWatermark(n.operator, 0, combined, n.output);
                        } catch (OperatorFailure f) {
                            throw f;
                        } catch (Throwable e) {
                            throw wrap(n, e);
                        }
                    }
                }
            }
        }

        private ReadStatus poll(Node source) throws Exception {
            ReadStatus status;
            try {
                status = source.metrics.pollNext(source.reader, source.output);
            } catch (OperatorFailure f) {
                throw f;
            } catch (Throwable e) {
                throw wrap(source, e);
            }
            if (status == ReadStatus.END_OF_INPUT) {
                endNode(source);
            }
            return status;
        }

        /** The node has emitted everything: end the corresponding input of each consumer. */
        private void endNode(Node n) throws Exception {
            n.ended = true;
            for (int i = 0; i < n.consumers.size(); i++) {
                Node c = n.consumers.get(i);
                int input = n.consumerInputs.get(i);
                try {
                    long combined = c.inputWatermarks.length > 1 ? c.advanceWatermark(input, Long.MAX_VALUE)
                            : Long.MIN_VALUE;
                    if (combined != Long.MIN_VALUE && combined != Long.MAX_VALUE) {
                        // an ended input no longer holds the other inputs' watermarks back
                        c.metrics.processWatermark(c.operator, input, combined, c.output);
                    }
                    c.operator.endInput(input);
                } catch (OperatorFailure f) {
                    throw f;
                } catch (Throwable e) {
                    throw wrap(c, e);
                }
                if (--c.openInputs == 0) {
                    endNode(c);
                }
            }
        }

        private Throwable closeQuietly(Node n, Throwable failure) {
            try {
                if (n.reader != null) {
                    n.reader.close();
                }
                if (n.operator != null) {
                    n.operator.close();
                }
            } catch (Throwable t) {
                failure = addFailure(failure, wrap(n, t));
            }
            if (n.allocator != null) {
                try {
                    n.allocator.close();
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = new TableException("Operator '" + n.name() + "' leaked memory: " + t.getMessage(), t);
                    }
                }
            }
            return failure;
        }

        private static Throwable addFailure(Throwable first, Throwable next) {
            if (first == null) {
                return next;
            }
            if (first != next) {
                first.addSuppressed(next);
            }
            return first;
        }

        private static RuntimeException wrap(Node n, Throwable e) {
            if (e instanceof OperatorFailure) {
                return (OperatorFailure) e;
            }
            if (e instanceof TableException && !(e.getClass() == TableException.class)) {
                // Validation-style errors already carry a user-facing message.
                return (TableException) e;
            }
            return new OperatorFailure(n.name(), e);
        }

        /** The output for side output {@code tag} of node {@code n}, or null when no node consumes it. */
        private Output sideOutput(Node n, String tag) {
            for (Node c : n.consumers) {
                if (tag.equals(OperatorTransformation.sideOutputTagOf(c.transformation))) {
                    return new RoutingOutput(n, tag);
                }
            }
            return null;
        }

        /**
         * Delivers a node's output to each consumer of it (its main output, or with a tag the side output of that
         * tag), sharing the buffers when there are several.
         */
        private final class RoutingOutput implements Output {
            private final Node node;
            private final String tag;

            RoutingOutput(Node node, String tag) {
                this.node = node;
                this.tag = tag;
            }

            private boolean consumes(Node c) {
                return java.util.Objects.equals(tag, OperatorTransformation.sideOutputTagOf(c.transformation));
            }

            @Override
            public void emit(RowBatch batch) throws Exception {
                int n = 0;
                int lastConsumer = -1;
                for (int i = 0; i < node.consumers.size(); i++) {
                    if (consumes(node.consumers.get(i))) {
                        n++;
                        lastConsumer = i;
                    }
                }
                if (n == 0 || batch.rowCount() == 0) {
                    batch.close();
                    return;
                }
                for (int i = 0; i <= lastConsumer; i++) {
                    Node c = node.consumers.get(i);
                    if (!consumes(c)) {
                        continue;
                    }
                    boolean last = i == lastConsumer;
                    RowBatch b = last ? batch : BatchCopies.share(batch, c.allocator);
                    try {
                        c.metrics.processBatch(c.operator, node.consumerInputs.get(i), b);
                    } catch (Throwable e) {
                        if (!last) {
                            batch.close(); // the copy reserved for the last consumer was never handed over
                        }
                        throw e instanceof OperatorFailure ? (OperatorFailure) e : wrap(c, e);
                    }
                }
            }

            @Override
            public void emitWatermark(long watermark) throws Exception {
                if (tag != null) {
                    return; // side-output consumers get the watermarks of the main output
                }
                for (int i = 0; i < node.consumers.size(); i++) {
                    Node c = node.consumers.get(i);
                    int input = node.consumerInputs.get(i);
                    long combined = c.advanceWatermark(input, watermark);
                    if (combined == Long.MIN_VALUE) {
                        continue; // the minimum over the consumer's inputs did not advance
                    }
                    try {
                        c.metrics.processWatermark(c.operator, input, combined, c.output);
                    } catch (OperatorFailure f) {
                        throw f;
                    } catch (Throwable e) {
                        throw wrap(c, e);
                    }
                }
            }
        }
    }
}
