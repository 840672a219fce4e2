package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.metrics.JobPlan;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs a job graph, the one execution model for every parallelism ({@link LocalExecutor} is its entry point): with
 * {@code parallelism.default} = N every node runs as N parallel instances (one for nodes whose input is
 * {@link InputPartitioning.Kind#SINGLE}), each on its own task thread unless it is chained to its producer. At
 * parallelism 1 every chain of one-input operators runs on its source's thread; an operator with several inputs
 * (a join, a union) is a task of its own.
 *
 * <p><b>Exchanges.</b> An instance whose only input comes one-to-one from a producer (which may feed several
 * such consumers) is chained: called directly on the producer's thread. Every other input arrives through
 * the instance's bounded queue (so a slow consumer holds its producers back): forwarded from the
 * instance of the same index, hash-partitioned on the input's key columns so that equal keys meet in
 * one instance, sent to instance 0 (single), or spread round-robin when a forward input changes
 * parallelism. Watermarks go to every instance a producer feeds; an instance's watermark per input is
 * the minimum over the channels of that input, and its operator sees the minimum over its inputs
 * ({@link WatermarkValve}).
 *
 * <p><b>Idle sources.</b> With {@code table.exec.source.idle-timeout} set, a source instance that
 * emitted no rows for that long marks its output channels idle (the status travels like a watermark,
 * through chained instances and queues); receivers leave idle channels out of their watermark minimum
 * until the source emits again, which marks them active before its rows. An instance whose inputs are
 * all idle is idle itself and passes that on; its watermark then holds.
 *
 * <p>Results equal those of one instance up to the order of rows (and the order of ties in a Top-N).
 *
 * <p><b>Processing time.</b> In streaming mode each task thread calls
 * {@link StreamOperator#onProcessingTime} on its instances that want it once per
 * {@link ProcessingTimeSchedule} period, between two polls of its source or queue (the queue is polled
 * with a timeout, so an instance whose inputs pause still gets its calls).
 *
 * <p><b>Checkpoints.</b> The coordinating thread asks every source task to emit a barrier between two
 * polls, after saving its position. An instance with queued inputs aligns: a channel that delivered
 * the barrier is blocked (its later messages are held back) until every open channel has delivered
 * it; then the instance and those chained to it save their state and pass the barrier on. Tasks that
 * have already finished are saved by the coordinator. Once every instance has acknowledged, the
 * checkpoint is written and each task tells its sinks, which publish what they prepared. A failed
 * job restarts from the latest checkpoint as the restart strategy allows. A checkpoint or savepoint taken at
 * another parallelism is redistributed ({@link RescaledRestore}): keyed state by the key routing of the new run,
 * source positions over the new readers.
 *
 * <p><b>Stop with savepoint.</b> A savepoint is a checkpoint whose barrier sources emit and then stop
 * polling, so nothing follows it anywhere in the graph. Once every instance has acknowledged it, it is
 * written under the requested directory as {@link Checkpointing#writeSavepoint} lays it out, every
 * task tells its sinks (which publish what they prepared), and the job stops as FINISHED. If an
 * instance cannot save its state the request fails and the sources go on.
 */
final class JobRun {
    private static final int QUEUE_CAPACITY = 16;

    private final JobGraph graph;
    private final Configuration config;
    private final JobExecution execution;
    private final int parallelism;
    /** {@code pipeline.max-parallelism}: the number of key groups key-group exchanges route by. */
    private final int maxParallelism;
    private final Map<Transformation, Vertex> vertices = new IdentityHashMap<>();
    private final List<Vertex> order = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;
    /** {@code table.exec.source.idle-timeout} in milliseconds; 0 disables idleness. */
    private final long idleTimeoutMillis;

    JobRun(JobGraph graph, Configuration config, JobExecution execution, int parallelism) {
        this.graph = graph;
        this.config = config;
        this.execution = execution;
        this.parallelism = parallelism;
        this.maxParallelism = config.get(io.sluice.runtime.state.keyed.StateOptions.MAX_PARALLELISM);
        this.idleTimeoutMillis = config.get(ExecutionOptions.SOURCE_IDLE_TIMEOUT).toMillis();
    }

    /** One node of the graph with its parallel instances. */
    private static final class Vertex {
        final Transformation transformation;
        final List<Vertex> consumers = new ArrayList<>();
        final List<Integer> consumerInputs = new ArrayList<>();
        final List<Vertex> inputs = new ArrayList<>();
        int parallelism;
        Instance[] instances;
        /** The state identity of this node in checkpoints ({@link io.sluice.runtime.graph.JobGraph#stateIds}). */
        String uid;

        Vertex(Transformation transformation) {
            this.transformation = transformation;
        }

        String name() {
            return transformation.name();
        }
    }

    /** How one input edge moves rows. */
    private enum EdgeKind {
        CHAINED,
        FORWARD,
        HASH,
        SINGLE,
        ROUND_ROBIN,
        /** By the key group of an INT key-hash column ({@link InputPartitioning.Kind#KEY_GROUP}). */
        KEY_GROUP,
        /** Every batch to every instance ({@link InputPartitioning.Kind#BROADCAST}). */
        BROADCAST,
        /** Round-robin over the producer instance's share of the consumer's instances ({@code RESCALE}). */
        RESCALE,
        /** To the instance an INT column names ({@link InputPartitioning.Kind#CUSTOM}). */
        CUSTOM
    }

    private static EdgeKind edgeKind(Vertex producer, Vertex consumer, int input) {
        InputPartitioning p = consumer.transformation.inputPartitioning(input);
        if (producer.parallelism == 1 && consumer.parallelism == 1 && consumer.inputs.size() == 1) {
            return EdgeKind.CHAINED; // one instance to one: every partitioning holds, no exchange needed
        }
        switch (p.kind()) {
            case HASH:
                return consumer.parallelism == 1 ? EdgeKind.SINGLE : EdgeKind.HASH;
            case SINGLE:
                return EdgeKind.SINGLE;
            case KEY_GROUP:
                return consumer.parallelism == 1 ? EdgeKind.SINGLE : EdgeKind.KEY_GROUP;
            case REBALANCE:
                return consumer.parallelism == 1 ? EdgeKind.SINGLE : EdgeKind.ROUND_ROBIN;
            case BROADCAST:
                return consumer.parallelism == 1 ? EdgeKind.SINGLE : EdgeKind.BROADCAST;
            case RESCALE:
                return consumer.parallelism == 1 ? EdgeKind.SINGLE : EdgeKind.RESCALE;
            case CUSTOM:
                return consumer.parallelism == 1 ? EdgeKind.SINGLE : EdgeKind.CUSTOM;
            default:
                if (producer.parallelism != consumer.parallelism) {
                    return consumer.parallelism == 1 ? EdgeKind.SINGLE : EdgeKind.ROUND_ROBIN;
                }
                // a producer may feed several chained consumers (each called in turn on its thread), as Flink chains
                return consumer.inputs.size() == 1 ? EdgeKind.CHAINED : EdgeKind.FORWARD;
        }
    }

    /** The number of key groups of {@code t}: its own when set, else the job's. */
    private int maxParallelismOf(Transformation t) {
        return t.maxParallelism() > 0 ? t.maxParallelism() : maxParallelism;
    }

    /** The configuration {@code t}'s instances see: the job's, with {@code t}'s own max parallelism when set. */
    private Configuration configOf(Transformation t) {
        if (t.maxParallelism() <= 0) {
            return config;
        }
        return config.copy().set(io.sluice.runtime.state.keyed.StateOptions.MAX_PARALLELISM, t.maxParallelism());
    }

    /**
     * The consumer instances {@code [from, to)} that producer instance {@code subtask} of {@code producers} feeds
     * through a rescale edge: one each when the consumer has no more instances than the producer (neighbouring
     * producers share one), else a contiguous share of the consumers.
     */
    static int[] rescaleShare(int subtask, int producers, int consumers) {
        if (consumers <= producers) {
            int target = (int) ((long) subtask * consumers / producers);
            return new int[] {target, target + 1};
        }
        int from = (int) ((long) subtask * consumers / producers);
        int to = (int) ((long) (subtask + 1) * consumers / producers);
        return new int[] {from, Math.max(to, from + 1)};
    }

    /** What a message between task threads carries. */
    private enum Kind {
        BATCH,
        WATERMARK,
        /** A checkpoint barrier; the value is the checkpoint id. */
        BARRIER,
        /** The producing channel has had no data for the idle timeout. */
        IDLE,
        /** The producing channel emits data again after being idle. */
        ACTIVE,
        END
    }

    /** A message between task threads: on channel {@code channel} of input {@code input}. */
    private record Message(Kind kind, int input, int channel, RowBatch batch, long value) {
        static Message batch(int input, int channel, RowBatch batch) {
            return new Message(Kind.BATCH, input, channel, batch, 0);
        }
    }

    /** One parallel instance of a vertex. */
    private final class Instance implements Output {
        final Vertex vertex;
        final int subtask;
        BufferAllocator allocator;
        StreamOperator operator;
        SourceReader reader;
        OperatorMetrics metrics;
        Task task;
        int openInputs;
        boolean ended;
        /** Per input: how many channels feed it and how many have ended. */
        int[] channels;
        int[] endedChannels;
        /** The watermark over the input channels, with their idleness. */
        WatermarkValve valve;
        /** Sources: the last time a batch was emitted, and whether the source is idle since. */
        long lastEmitMillis = System.currentTimeMillis();
        boolean sourceIdle;
        int roundRobin;
        /** Scratch arrays of hash partitioning, reused across batches. */
        int[] hashes = new int[0];
        int[] order = new int[0];
        /** Checkpoint alignment: the barrier being aligned, blocked channels and the messages they sent meanwhile. */
        long aligning;
        boolean[][] blockedChannels;
        boolean[][] closedChannels;
        int barriersSeen;
        final List<Message> held = new ArrayList<>();

        Instance(Vertex vertex, int subtask) {
            this.vertex = vertex;
            this.subtask = subtask;
            this.openInputs = vertex.inputs.size();
        }

        String name() {
            return vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism + ")";
        }

        // ---------------------------------------------------------------- producing

        @Override
        public void emit(RowBatch batch) throws Exception {
            long start = metrics.beginEmit(batch);
            try {
                route(batch, null);
            } finally {
                metrics.endEmit(start);
            }
        }

        /**
         * Offers a message to {@code target}'s queue, counting the time blocked on a full queue as this instance's
         * back-pressured time (shadows the outer {@code enqueue} for the calls of this class).
         */
        private void enqueue(Instance target, Message m) throws InterruptedException {
            if (target.task.queue.offer(m)) {
                return;
            }
            long start = System.nanoTime();
            try {
                JobRun.this.enqueue(target, m);
            } finally {
                metrics.addBackPressuredNanos(System.nanoTime() - start);
            }
        }

        /** The output for side output {@code tag} of this instance, or null when no node consumes it. */
        Output sideOutput(String tag) {
            for (Vertex c : vertex.consumers) {
                if (tag.equals(OperatorTransformation.sideOutputTagOf(c.transformation))) {
                    return new Output() {
                        @Override
                        public void emit(RowBatch batch) throws Exception {
                            route(batch, tag);
                        }

                        @Override
                        public void emitWatermark(long watermark) {
                            // side-output consumers get the watermarks of the main output
                        }
                    };
                }
            }
            return null;
        }

        /** Sends a batch to the consumers of the main output ({@code tag} null) or of side output {@code tag}. */
        private void route(RowBatch batch, String tag) throws Exception {
            int n = 0;
            int lastConsumer = -1;
            for (int i = 0; i < vertex.consumers.size(); i++) {
                if (java.util.Objects.equals(tag,
                        OperatorTransformation.sideOutputTagOf(vertex.consumers.get(i).transformation))) {
                    n++;
                    lastConsumer = i;
                }
            }
            if (n == 0 || batch.rowCount() == 0) {
                batch.close();
                return;
            }
            if (reader != null) {
                lastEmitMillis = System.currentTimeMillis();
                if (sourceIdle) {
                    sourceIdle = false;
                    broadcast(Kind.ACTIVE, 0); // the consumers count this channel again before its rows arrive
                }
            }
            if (n > 1) {
                batch.materialize(); // the consumers share the batch's data: none may take its objects
            }
            for (int i = 0; i <= lastConsumer; i++) {
                if (!java.util.Objects.equals(tag,
                        OperatorTransformation.sideOutputTagOf(vertex.consumers.get(i).transformation))) {
                    continue;
                }
                boolean last = i == lastConsumer;
                RowBatch b = last ? batch : BatchCopies.share(batch, allocator);
                try {
                    send(vertex.consumers.get(i), vertex.consumerInputs.get(i), b);
                } catch (Throwable t) {
                    if (!last) {
                        batch.close();
                    }
                    throw t;
                }
            }
        }

        private void send(Vertex consumer, int input, RowBatch batch) throws Exception {
            EdgeKind edge = edgeKind(vertex, consumer, input);
            if (batch.deferredRows() != null && !takesWhole(edge, consumer)) {
                batch.materialize();
            }
            switch (edge) {
                case CHAINED: {
                    Instance target = consumer.instances[subtask];
                    try {
                        target.metrics.processBatch(target.operator, input, batch);
                    } catch (Throwable e) {
                        throw wrap(target, e);
                    }
                    break;
                }
                case FORWARD:
                    enqueue(consumer.instances[subtask], Message.batch(input, 0, batch));
                    break;
                case SINGLE:
                    enqueue(consumer.instances[0], Message.batch(input, subtask, batch));
                    break;
                case ROUND_ROBIN:
                    enqueue(consumer.instances[roundRobin++ % consumer.parallelism],
                            Message.batch(input, subtask, batch));
                    break;
                case RESCALE: {
                    int[] share = rescaleShare(subtask, vertex.parallelism, consumer.parallelism);
                    enqueue(consumer.instances[share[0] + roundRobin++ % (share[1] - share[0])],
                            Message.batch(input, subtask, batch));
                    break;
                }
                case BROADCAST:
                    for (int t = 0; t < consumer.parallelism; t++) {
                        RowBatch copy = t == consumer.parallelism - 1 ? batch : BatchCopies.share(batch, allocator);
                        enqueue(consumer.instances[t], Message.batch(input, subtask, copy));
                    }
                    break;
                default:
                    partition(consumer, input, batch);
            }
        }

        /**
         * Whether a batch sent over {@code edge} reaches one instance of {@code consumer} whole, and that instance
         * reads the rows a batch may carry as objects ({@link RowBatch#defer}).
         */
        private boolean takesWhole(EdgeKind edge, Vertex consumer) {
            switch (edge) {
                case CHAINED:
                    return readsDeferredRows(consumer.instances[subtask]);
                case FORWARD:
                case SINGLE:
                case ROUND_ROBIN:
                case RESCALE:
                    return readsDeferredRows(consumer.instances[0]);
                default:
                    return false;
            }
        }

        private boolean readsDeferredRows(Instance target) {
            return target.operator != null && target.operator.readsDeferredRows();
        }

        /** Splits a batch by the hash of the input's key columns and sends each part to its instance. */
        private void partition(Vertex consumer, int input, RowBatch batch) throws Exception {
            InputPartitioning partitioning = consumer.transformation.inputPartitioning(input);
            int rows = batch.rowCount();
            int targets = consumer.parallelism;
            if (hashes.length < rows) {
                hashes = new int[rows];
                order = new int[rows];
            }
            if (partitioning.kind() == InputPartitioning.Kind.KEY_GROUP) {
                keyGroupTargets(batch.vector(partitioning.keys()[0]), rows, targets,
                        maxParallelismOf(consumer.transformation));
            } else if (partitioning.kind() == InputPartitioning.Kind.CUSTOM) {
                customTargets(batch.vector(partitioning.keys()[0]), rows, targets);
            } else {
                hashTargets(batch, partitioning.keys(), rows, targets);
            }
            int[] starts = new int[targets + 1];
            for (int r = 0; r < rows; r++) {
                starts[hashes[r] + 1]++;
            }
            for (int t = 0; t < targets; t++) {
                starts[t + 1] += starts[t];
            }
            int[] next = starts.clone();
            for (int r = 0; r < rows; r++) {
                order[next[hashes[r]]++] = r; // rows grouped by target, in arrival order within each
            }
            try (batch) {
                for (int t = 0; t < targets; t++) {
                    if (starts[t + 1] > starts[t]) {
                        enqueue(consumer.instances[t], Message.batch(input, subtask,
                                VectorGather.gatherRows(batch, order, starts[t], starts[t + 1], allocator)));
                    }
                }
            }
        }

        /** Sets {@code hashes[r]} to row r's target instance by the hash of the key columns. */
        private void hashTargets(RowBatch batch, int[] keys, int rows, int targets) {
            java.util.Arrays.fill(hashes, 0, rows, 0);
            for (int k : keys) { // a key column at a time: one virtual call per column, not per value
                org.apache.arrow.vector.FieldVector v = batch.vector(k);
                for (int r = 0; r < rows; r++) {
                    hashes[r] = 31 * hashes[r] + v.hashCode(r);
                }
            }
            for (int r = 0; r < rows; r++) {
                hashes[r] = io.sluice.runtime.state.KeyOwnership.hashTarget(hashes[r], targets);
            }
        }

        /** Sets {@code hashes[r]} to the instance owning the key group of row r's key hash (an INT column). */
        private void keyGroupTargets(org.apache.arrow.vector.FieldVector keyHashColumn, int rows, int targets,
                int maxParallelism) {
            org.apache.arrow.vector.IntVector keyHashes = (org.apache.arrow.vector.IntVector) keyHashColumn;
            for (int r = 0; r < rows; r++) {
                int group = io.sluice.runtime.state.keyed.KeyGroupAssignment.keyGroupFor(
                        keyHashes.isNull(r) ? 0 : keyHashes.get(r), maxParallelism);
                hashes[r] = io.sluice.runtime.state.keyed.KeyGroupAssignment.operatorIndexForKeyGroup(
                        group, maxParallelism, targets);
            }
        }

        /** Sets {@code hashes[r]} to the instance index row r carries (rows of other consumers: 0). */
        private void customTargets(org.apache.arrow.vector.FieldVector targetColumn, int rows, int targets) {
            org.apache.arrow.vector.IntVector column = (org.apache.arrow.vector.IntVector) targetColumn;
            for (int r = 0; r < rows; r++) {
                int target = column.isNull(r) ? 0 : column.get(r);
                hashes[r] = target >= 0 && target < targets ? target : 0;
            }
        }

        @Override
        public void emitWatermark(long watermark) throws Exception {
            metrics.emitWatermark(watermark);
            broadcast(Kind.WATERMARK, watermark);
        }

        /**
         * Sends a control message (watermark, barrier, idle status, end) to every consumer instance
         * this instance feeds: directly to a chained one, through the queue to the others.
         */
        private void broadcast(Kind kind, long value) throws Exception {
            for (int i = 0; i < vertex.consumers.size(); i++) {
                Vertex consumer = vertex.consumers.get(i);
                int input = vertex.consumerInputs.get(i);
                EdgeKind edge = edgeKind(vertex, consumer, input);
                if (edge == EdgeKind.CHAINED) {
                    consumer.instances[subtask].receiveControl(kind, input, 0, value);
                } else {
                    for (Instance target : targetsOf(consumer, edge)) {
                        enqueue(target, new Message(kind, input, channelAt(edge), null, value));
                    }
                }
            }
        }

        /** Snapshots this instance (for checkpoint {@code id}) and passes the barrier on to every consumer. */
        void checkpointAndForward(long id) throws Exception {
            acknowledge(this, id);
            broadcast(Kind.BARRIER, id);
        }

        /** A source without data for the idle timeout: its channels stop holding back watermarks downstream. */
        void markSourceIdle() throws Exception {
            sourceIdle = true;
            broadcast(Kind.IDLE, 0);
        }

        /** A barrier arrived on one channel: block it; once every open channel has delivered it, snapshot. */
        void receiveBarrier(int input, int channel, long id) throws Exception {
            aligning = id;
            if (!blockedChannels[input][channel]) {
                blockedChannels[input][channel] = true;
                barriersSeen++;
            }
            completeAlignmentIfReady();
        }

        private int openChannels() {
            int open = 0;
            for (int i = 0; i < closedChannels.length; i++) {
                for (boolean ended : closedChannels[i]) {
                    if (!ended) {
                        open++;
                    }
                }
            }
            return open;
        }

        void completeAlignmentIfReady() throws Exception {
            if (aligning == 0 || barriersSeen < openChannels()) {
                return;
            }
            long id = aligning;
            aligning = 0;
            barriersSeen = 0;
            for (boolean[] b : blockedChannels) {
                Arrays.fill(b, false);
            }
            checkpointAndForward(id);
            List<Message> replay = new ArrayList<>(held);
            held.clear();
            for (Message m : replay) {
                receive(m);
            }
        }

        /** This instance has emitted everything: end the input it feeds in every consumer instance. */
        void end() throws Exception {
            ended = true;
            broadcast(Kind.END, 0);
        }

        private int channelAt(EdgeKind kind) {
            return kind == EdgeKind.FORWARD ? 0 : subtask;
        }

        private List<Instance> targetsOf(Vertex consumer, EdgeKind kind) {
            switch (kind) {
                case FORWARD:
                    return List.of(consumer.instances[subtask]);
                default: // also SINGLE: rows reach instance 0, but every instance expects this channel's control
                    return Arrays.asList(consumer.instances);
            }
        }

        // ---------------------------------------------------------------- consuming

        /** A message from this instance's queue; held back while its channel is blocked for alignment. */
        void receive(Message m) throws Exception {
            if (aligning != 0 && blockedChannels[m.input()][m.channel()]) {
                held.add(m);
                return;
            }
            if (m.kind() == Kind.BARRIER) {
                receiveBarrier(m.input(), m.channel(), m.value());
            } else if (m.kind() == Kind.BATCH) {
                try {
                    metrics.processBatch(operator, m.input(), m.batch());
                } catch (Throwable e) {
                    throw wrap(this, e);
                }
            } else {
                receiveControl(m.kind(), m.input(), m.channel(), m.value());
            }
        }

        /** A watermark, status, end or (chained, so already aligned) barrier of one input channel. */
        void receiveControl(Kind kind, int input, int channel, long value) throws Exception {
            switch (kind) {
                case WATERMARK:
                    deliverWatermark(input, valve.onWatermark(input, channel, value));
                    break;
                case IDLE:
                case ACTIVE:
                    receiveStatus(input, channel, kind == Kind.IDLE);
                    break;
                case END:
                    receiveEnd(input, channel);
                    break;
                case BARRIER:
                    checkpointAndForward(value);
                    break;
                default:
                    throw new IllegalStateException("not a control message: " + kind);
            }
        }

        /** A channel became idle or active: the combined watermark may advance, this instance's status may change. */
        private void receiveStatus(int input, int channel, boolean idle) throws Exception {
            boolean wasIdle = valve.isIdle();
            long watermark = valve.onStatus(input, channel, idle);
            if (wasIdle && !valve.isIdle()) {
                broadcast(Kind.ACTIVE, 0);
            }
            deliverWatermark(input, watermark);
            if (!wasIdle && valve.isIdle()) {
                broadcast(Kind.IDLE, 0);
            }
        }

        private void deliverWatermark(int input, long watermark) throws Exception {
            if (watermark == WatermarkValve.NONE) {
                return;
            }
            try {
                metrics.processWatermark(operator, input, watermark, this);
            } catch (Throwable e) {
                throw wrap(this, e);
            }
        }

        void receiveEnd(int input, int channel) throws Exception {
            closedChannels[input][channel] = true;
            if (blockedChannels[input][channel]) {
                blockedChannels[input][channel] = false;
                barriersSeen--;
            }
            completeAlignmentIfReady();
            boolean wasIdle = valve.isIdle();
            long watermark = valve.onEnd(input, channel);
            if (wasIdle && !valve.isIdle()) {
                broadcast(Kind.ACTIVE, 0);
            }
            deliverWatermark(input, watermark);
            if (!wasIdle && valve.isIdle()) {
                broadcast(Kind.IDLE, 0);
            }
            if (++endedChannels[input] < channels[input]) {
                return;
            }
            try {
                operator.endInput(input);
            } catch (Throwable e) {
                throw wrap(this, e);
            }
            if (--openInputs == 0) {
                end();
            }
        }
    }

    /** A thread running one chain of instances: from a source reader, or from an instance's queue. */
    private final class Task implements Runnable {
        final Instance head;
        final BlockingQueue<Message> queue;
        /** The instances of this task: the head and the instances chained to it. */
        final List<Instance> members = new ArrayList<>();
        Thread thread;
        /** The thread has ended, whatever the reason. */
        volatile boolean finished;
        /**
         * The thread ended because its input did: every member's state is final, and the coordinator may take
         * checkpoints for it. Not so for a task that failed or was stopped, whose state is mid-batch.
         */
        volatile boolean inputEnded;
        /** Sources: the checkpoint whose barrier to emit before the next poll. */
        volatile long triggeredBarrier;
        long emittedBarrier;
        volatile long notifiedCheckpoint;
        /** The latest aborted checkpoint this task's listeners heard of. */
        volatile long notifiedAborted;
        /** The members whose operators want processing-time callbacks (streaming mode), and when to call them. */
        private final List<Instance> processingTimeMembers = new ArrayList<>();
        private final ProcessingTimeSchedule processingTime = new ProcessingTimeSchedule(config);

        Task(Instance head) {
            this.head = head;
            this.queue = head.reader == null ? new ArrayBlockingQueue<>(QUEUE_CAPACITY) : null;
        }

        @Override
        public void run() {
            try {
                if (ProcessingTimeSchedule.enabled(config)) {
                    for (Instance i : members) {
                        if (i.operator != null && i.operator.wantsProcessingTime()) {
                            processingTimeMembers.add(i);
                        }
                    }
                }
                if (head.reader != null) {
                    runSource();
                } else {
                    runQueue();
                }
                inputEnded = head.ended;
            } catch (Throwable t) {
                fail(t);
            } finally {
                finished = true;
            }
        }

        /** Between two messages or polls: emit a requested barrier, tell sinks about completed checkpoints. */
        private void checkpointDuties() throws Exception {
            long barrier = triggeredBarrier;
            if (barrier > emittedBarrier) {
                emittedBarrier = barrier;
                head.checkpointAndForward(barrier);
            }
            notifyCompleted(this);
        }

        /**
         * Once per {@link ProcessingTimeSchedule} period, calls {@link StreamOperator#onProcessingTime} on the
         * members that want it (in chain order) and whose inputs have not all ended; they emit through their
         * instance, so rows are routed as from a batch. Skipped while a stop-with-savepoint is in progress:
         * nothing may follow its barrier.
         */
        private void processingTimeDuties() throws Exception {
            if (processingTimeMembers.isEmpty() || savepointBarrier != 0) {
                return;
            }
            long now = System.currentTimeMillis();
            if (!processingTime.due(now)) {
                return;
            }
            for (Instance i : processingTimeMembers) {
                if (i.ended) {
                    continue;
                }
                try {
                    i.metrics.onProcessingTime(i.operator, now, i);
                } catch (Throwable e) {
                    throw wrap(i, e);
                }
            }
        }

        private void runSource() throws Exception {
            while (!stopping && !execution.isCancelRequested()) {
                checkpointDuties();
                if (emittedBarrier != 0 && emittedBarrier == savepointBarrier) {
                    // stop-with-savepoint: nothing may follow the savepoint's barrier; wait for the job to stop
                    head.lastEmitMillis = System.currentTimeMillis();
                    Thread.sleep(1);
                    continue;
                }
                if (draining) { // stop-with-savepoint and drain: the input ends here, the final watermark follows
                    head.end();
                    return;
                }
                ReadStatus status;
                try {
                    status = head.metrics.pollNext(head.reader, head);
                } catch (OperatorFailureException f) {
                    throw f;
                } catch (Throwable e) {
                    throw wrap(head, e);
                }
                if (status == ReadStatus.END_OF_INPUT) {
                    head.end();
                    return;
                }
                if (!head.sourceIdle && (idleTimeoutMillis > 0
                        && System.currentTimeMillis() - head.lastEmitMillis >= idleTimeoutMillis
                        || head.reader.isIdle())) {
                    head.markSourceIdle();
                }
                processingTimeDuties();
                if (status == ReadStatus.NOTHING_AVAILABLE) {
                    Thread.sleep(1);
                }
            }
        }

        private void runQueue() throws Exception {
            long timeout = Math.min(20, processingTime.periodMillis());
            while (!head.ended && !stopping && !execution.isCancelRequested()) {
                notifyCompleted(this);
                Message m = queue.poll(timeout, TimeUnit.MILLISECONDS);
                if (m != null) {
                    head.receive(m);
                }
                processingTimeDuties();
            }
        }
    }

    /** Thrown once, naming the instance where a failure happened. */
    static final class OperatorFailureException extends TableException {
        private final String operator;

        OperatorFailureException(String operator, Throwable cause) {
            super("Operator '" + operator + "' failed: " + cause.getMessage(), cause);
            this.operator = operator;
        }

        String operator() {
            return operator;
        }
    }

    private static RuntimeException wrap(Instance instance, Throwable e) {
        if (e instanceof OperatorFailureException) {
            return (OperatorFailureException) e;
        }
        if (e instanceof TableException && e.getClass() != TableException.class) {
            return (TableException) e;
        }
        return new OperatorFailureException(instance.name(), e);
    }

    private void enqueue(Instance target, Message m) throws InterruptedException {
        BlockingQueue<Message> queue = target.task.queue;
        while (!queue.offer(m, 20, TimeUnit.MILLISECONDS)) {
            if (stopping || execution.isCancelRequested()) {
                if (m.batch() != null) {
                    m.batch().close();
                }
                throw new java.util.concurrent.CancellationException("job stopping");
            }
        }
    }

    private void fail(Throwable t) {
        if (!(t instanceof java.util.concurrent.CancellationException) || failure.get() == null) {
            if (!(t instanceof java.util.concurrent.CancellationException)) {
                failure.compareAndSet(null, t);
            }
        }
        stopping = true;
    }

    // ---------------------------------------------------------------- lifecycle

    void run() {
        execution.setStatus(JobStatus.RUNNING);
        boolean streaming = config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
        Throwable error;
        try {
            checkpointing = Checkpointing.from(config, execution.jobId(), streaming);
            restore = checkpointing.initialRestore();
        } catch (Throwable t) {
            execution.finish(JobStatus.FAILED, t);
            return;
        }
        RestartStrategy restarts = RestartStrategy.from(config, checkpointing.enabled());
        while (true) {
            try {
                error = attempt();
            } catch (Throwable t) { // a bug in cleaning up must still end the job (collectors wait for the end)
                error = t;
            }
            if (error == null || execution.isCancelRequested()) {
                break;
            }
            long delay = restarts.nextDelayMillis();
            if (delay < 0) {
                break;
            }
            if (!sleepUnlessCancelled(delay)) {
                error = null; // cancelled while waiting to restart
                break;
            }
            try {
                restore = checkpointing.latestOrInitial();
            } catch (Throwable t) {
                error.addSuppressed(t);
                break;
            }
            execution.recordRestart(error);
        }
        if (error == null) {
            execution.finish(execution.isCancelRequested() && !execution.isStoppedWithSavepoint()
                    ? JobStatus.CANCELED : JobStatus.FINISHED, null);
        } else {
            execution.finish(JobStatus.FAILED, error);
        }
    }

    /** Waits before a restart; false when the job was cancelled meanwhile. */
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

    /** One run of the graph (the first, or a restart from {@link #restore}); returns its failure or null. */
    private Throwable attempt() {
        vertices.clear();
        order.clear();
        tasks.clear();
        failure.set(null);
        stopping = false;
        pendingCheckpoint = 0;
        completedCheckpoint = 0;
        abortedCheckpoint = 0;
        savepointBarrier = 0;
        draining = false;
        acks.clear();
        snapshotsTaken.clear();
        writtenStates.clear();
        asyncFailure.set(null);
        failedCheckpointsInARow = 0;
        Throwable error = null;
        RootAllocator root = new RootAllocator(config.get(ExecutionOptions.MEMORY_LIMIT));
        try {
            buildVertices();
            if (restore != null) {
                restore = RestoreCompatibility.check(restore, expectedStates(),
                        config.get(io.sluice.runtime.config.CheckpointingOptions.IGNORE_UNCLAIMED_STATE));
            }
            execution.metrics().setPlan(JobPlan.of(execution.jobId(), graph.topologicalOrder(),
                    v -> order.get(v).parallelism, this::ship));
            if (restore != null) {
                execution.metrics().checkpoints().restored(restore.directory().toString());
            }
            openInstances(root);
            buildTasks();
            if (checkpointing.enabled()) {
                requireCheckpointable();
            }
            for (Task t : tasks) {
                t.thread = new Thread(t, "sluice-task-" + t.head.name());
                t.thread.setDaemon(true);
                t.thread.start();
            }
            for (Task t : tasks) {
                while (t.thread.isAlive()) {
                    t.thread.join(20);
                    if (execution.isCancelRequested()) {
                        stopping = true;
                    }
                    if (!stopping) {
                        coordinate();
                    }
                }
            }
            error = failure.get();
            while (error == null && draining && savepoint != null && savepointPath == null) {
                // drained: every task ended, so every instance acknowledges the savepoint (after a checkpoint that
                // was pending when the sources stopped, and whose asynchronous writes may still be running)
                if (execution.isCancelRequested() || !tasks.stream().allMatch(t -> t.inputEnded)) {
                    abortSavepoint(new TableException("Job " + execution.jobId() + " was stopped before it drained."));
                    break;
                }
                coordinateCheckpoint();
                if (savepoint != null && savepointPath == null) {
                    Thread.sleep(1);
                }
            }
            if (error == null) {
                finishStopWithSavepoint(); // every task ended while its sinks published the savepoint
            }
        } catch (Throwable t) {
            error = t;
            stopping = true;
            for (Task task : tasks) {
                if (task.thread != null) {
                    try {
                        task.thread.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        for (Task t : tasks) {
            if (t.queue != null) {
                for (Message m : t.queue) {
                    if (m.batch() != null) {
                        m.batch().close();
                    }
                }
                t.queue.clear();
            }
            for (Instance i : t.members) {
                for (Message m : i.held) {
                    if (m.batch() != null) {
                        m.batch().close();
                    }
                }
                i.held.clear();
            }
        }
        drainSnapshotThreads(error);
        if (pendingCheckpoint != 0 && pendingCheckpoint != savepointBarrier) {
            try {
                checkpointing.abort(pendingCheckpoint);
            } catch (Exception e) {
                if (error != null) {
                    error.addSuppressed(e);
                }
            }
        }
        if (error != null) {
            notifyCompletedAfterFailure(error);
        }
        // instances are null where opening the job failed before creating them
        for (int v = order.size() - 1; v >= 0; v--) {
            for (Instance i : order.get(v).instances == null ? new Instance[0] : order.get(v).instances) {
                if (i != null) {
                    error = closeQuietly(i, error);
                }
            }
        }
        for (int v = order.size() - 1; v >= 0; v--) {
            for (Instance i : order.get(v).instances == null ? new Instance[0] : order.get(v).instances) {
                if (i != null && i.allocator != null) {
                    try {
                        i.allocator.close();
                    } catch (Throwable t) {
                        if (error == null) {
                            error = new TableException("Operator '" + i.name() + "' leaked memory: " + t.getMessage(), t);
                        }
                    }
                }
            }
        }
        try {
            root.close();
        } catch (Throwable t) {
            if (error == null) {
                error = new TableException("Memory leaked by job '" + graph.jobName() + "': " + t.getMessage(), t);
            }
        }
        if (pendingCheckpoint != 0) { // the attempt ended before every instance acknowledged it
            execution.metrics().checkpoints().failed(pendingCheckpoint, pendingCheckpoint == savepointBarrier, error);
        }
        abortSavepoint(new TableException("Job " + execution.jobId() + " ended before the savepoint was taken"
                + (error == null ? "." : ": " + error.getMessage()), error));
        return error;
    }

    // ---------------------------------------------------------------- checkpoints

    private Checkpointing checkpointing;
    private CheckpointStorage.Checkpoint restore;
    private volatile long pendingCheckpoint;
    private volatile long completedCheckpoint;
    /** The latest checkpoint (a savepoint) that failed while the job went on, for the listeners' abort notice. */
    private volatile long abortedCheckpoint;
    /** The id of the pending checkpoint when it is a stop-with-savepoint's, else 0: sources pause after its barrier. */
    private volatile long savepointBarrier;
    /**
     * Set when a stop-with-savepoint drains the job: the sources end their input (the final watermark follows), and the
     * savepoint is taken once every task has ended.
     */
    private volatile boolean draining;
    /** The stop-with-savepoint being served (coordinating thread only), the path once written, its first error. */
    private JobExecution.SavepointRequest savepoint;
    private java.nio.file.Path savepointPath;
    private final AtomicReference<Throwable> savepointFailure = new AtomicReference<>();
    private final java.util.concurrent.ConcurrentHashMap<Integer, byte[]> acks = new java.util.concurrent.ConcurrentHashMap<>();
    /** The instances (by state key) whose snapshot for the pending checkpoint was taken or is being written. */
    private final java.util.Set<Integer> snapshotsTaken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The state files of the pending checkpoint written by snapshot threads, by state index. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, io.sluice.runtime.checkpoint.StateFileOutput.Written>
            writtenStates = new java.util.concurrent.ConcurrentHashMap<>();
    /** The first failure of an asynchronous snapshot part of the pending checkpoint. */
    private final AtomicReference<Throwable> asyncFailure = new AtomicReference<>();
    /** Checkpoints that failed in a row (execution.checkpointing.tolerable-failed-checkpoints). */
    private int failedCheckpointsInARow;
    private java.util.concurrent.ExecutorService snapshotThreads;
    private static final byte[] NO_STATE = new byte[0];

    /** The key of an instance's state in a checkpoint: node index and subtask. */
    private int stateKey(Instance inst) {
        return order.indexOf(inst.vertex) * 65536 + inst.subtask;
    }

    /** Fails at job start when some operator keeps state but cannot save it. */
    private void requireCheckpointable() {
        for (Vertex v : order) {
            for (Instance i : v.instances) {
                Checkpointing.requireCheckpointable(i.operator, v.name());
            }
        }
    }

    /** The position of an instance's state in the checkpoint's list ({@link #expectedStates}). */
    private int stateIndex(Instance inst) {
        int index = 0;
        for (Vertex v : order) {
            if (v == inst.vertex) {
                return index + inst.subtask;
            }
            index += v.parallelism;
        }
        throw new IllegalStateException("instance of an unknown vertex");
    }

    /** The threads that write the asynchronous parts of snapshots (created on first use in an attempt). */
    private synchronized java.util.concurrent.ExecutorService snapshotThreads() {
        if (snapshotThreads == null) {
            int stateful = 0;
            for (Vertex v : order) {
                stateful += v.parallelism;
            }
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            snapshotThreads = java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(1, Math.min(stateful, Runtime.getRuntime().availableProcessors())), r -> {
                        Thread t = new Thread(r, "sluice-snapshot-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
        }
        return snapshotThreads;
    }

    /**
     * At the end of an attempt, before the instances close: waits for the asynchronous snapshot writes still running
     * (they read the instances' state), and drops the checkpoint they belonged to.
     */
    private void drainSnapshotThreads(Throwable error) {
        java.util.concurrent.ExecutorService threads;
        synchronized (this) {
            threads = snapshotThreads;
            snapshotThreads = null;
        }
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            while (!threads.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
                // a write in progress holds frozen state; it ends with its file
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (error != null) {
                error.addSuppressed(e);
            }
        }
    }

    /**
     * Records an instance's state for the pending checkpoint {@code id} (once; later calls are ignored). An
     * instance whose operator snapshots asynchronously freezes its state here, on the calling (task) thread, and a
     * snapshot thread streams it into the checkpoint's file and then acknowledges it.
     */
    private void acknowledge(Instance inst, long id) throws Exception {
        if (id != pendingCheckpoint || !snapshotsTaken.add(stateKey(inst))) {
            return;
        }
        if (id != savepointBarrier) {
            io.sluice.runtime.state.StateSnapshot frozen = checkpointing.snapshotAsync(inst.operator, id);
            if (frozen != null) {
                int key = stateKey(inst);
                int index = stateIndex(inst);
                try {
                    snapshotThreads().execute(() -> writeAsync(inst, id, key, index, frozen));
                } catch (RuntimeException e) {
                    frozen.close();
                    throw e;
                }
                return;
            }
        }
        byte[] state;
        if (id == savepointBarrier) {
            try {
                state = checkpointing.snapshot(inst.reader, inst.operator, inst.vertex.name(), id, true);
            } catch (Exception e) { // fails the savepoint, not the job (as with parallelism 1)
                savepointFailure.compareAndSet(null, e);
                state = null;
            }
        } else {
            state = checkpointing.snapshot(inst.reader, inst.operator, inst.vertex.name(), id, false);
        }
        inst.metrics.recordStateSize(state == null ? 0 : state.length);
        acks.put(stateKey(inst), state == null ? NO_STATE : state);
    }

    /** On a snapshot thread: writes an instance's frozen state into its file and acknowledges it (or the failure). */
    private void writeAsync(Instance inst, long id, int key, int index, io.sluice.runtime.state.StateSnapshot frozen) {
        try {
            io.sluice.runtime.checkpoint.StateFileOutput.Written file = checkpointing.writeAsync(id, index, frozen);
            writtenStates.put(index, file);
            inst.metrics.recordStateSize(file.length());
        } catch (Throwable t) {
            asyncFailure.compareAndSet(null, new TableException("Checkpoint " + id + ": writing the state of operator '"
                    + inst.name() + "' failed: " + t.getMessage(), t));
        }
        acks.put(key, NO_STATE);
    }

    /** The (key, name) of every instance's state, in the order a checkpoint lists them. */
    private List<CheckpointStorage.NodeState> expectedStates() {
        List<CheckpointStorage.NodeState> expected = new ArrayList<>();
        for (Vertex v : order) {
            for (int s = 0; s < v.parallelism; s++) {
                expected.add(new CheckpointStorage.NodeState(v.uid, s, v.parallelism, v.name(),
                        v.transformation.stateSchema(), null));
            }
        }
        return expected;
    }

    /**
     * A checkpoint can complete while a failure ends the attempt before every task heard of it. Its sinks hear
     * now (the task threads have ended), before they close: what the checkpoint covers is published or committed
     * (a Kafka transaction of a failed run cannot be resumed by a restored writer).
     */
    private void notifyCompletedAfterFailure(Throwable error) {
        for (Task task : tasks) {
            try {
                notifyCompleted(task);
            } catch (Throwable t) {
                error.addSuppressed(t);
            }
        }
    }

    /** Tells the sinks and other completion listeners of a task (on its own thread) that a checkpoint completed. */
    private void notifyCompleted(Task task) throws Exception {
        long completed = completedCheckpoint;
        if (completed > task.notifiedCheckpoint) {
            task.notifiedCheckpoint = completed;
            for (Instance i : task.members) {
                if (i.reader instanceof io.sluice.runtime.state.CheckpointCompletionListener) {
                    ((io.sluice.runtime.state.CheckpointCompletionListener) i.reader).notifyCheckpointComplete(completed);
                }
                if (i.operator instanceof SinkOperator) {
                    ((SinkOperator) i.operator).notifyCheckpointComplete(completed);
                } else if (i.operator instanceof io.sluice.runtime.state.CheckpointCompletionListener) {
                    ((io.sluice.runtime.state.CheckpointCompletionListener) i.operator)
                            .notifyCheckpointComplete(completed);
                }
            }
        }
        long aborted = abortedCheckpoint;
        if (aborted > task.notifiedAborted) {
            task.notifiedAborted = aborted;
            for (Instance i : task.members) {
                if (i.reader instanceof io.sluice.runtime.state.CheckpointCompletionListener) {
                    ((io.sluice.runtime.state.CheckpointCompletionListener) i.reader).notifyCheckpointAborted(aborted);
                }
                if (i.operator instanceof io.sluice.runtime.state.CheckpointCompletionListener) {
                    ((io.sluice.runtime.state.CheckpointCompletionListener) i.operator).notifyCheckpointAborted(aborted);
                }
            }
        }
    }

    /** On the coordinating thread, between two looks at the tasks: serves stop-with-savepoint and checkpoints. */
    private void coordinate() throws Exception {
        JobExecution.SavepointRequest request = execution.takeSavepointRequest();
        if (request != null) {
            acceptSavepoint(request);
        }
        if (savepointPath != null) {
            finishStopWithSavepoint();
        } else {
            coordinateCheckpoint();
        }
    }

    private boolean allTasksFinished() {
        for (Task t : tasks) {
            if (!t.finished) {
                return false;
            }
        }
        return true;
    }

    /** Queues a stop-with-savepoint request, or fails it when this job cannot take one. */
    private void acceptSavepoint(JobExecution.SavepointRequest request) {
        try {
            if (savepoint != null) {
                throw new TableException("Job " + execution.jobId() + " is already taking a savepoint.");
            }
            if (config.get(ExecutionOptions.RUNTIME_MODE) != RuntimeMode.STREAMING) {
                throw new UnsupportedFeatureException("savepoints of batch jobs");
            }
            requireCheckpointable();
            savepoint = request;
            draining = request.drain();
        } catch (Throwable t) {
            request.result().completeExceptionally(t);
        }
    }

    /**
     * Once the savepoint is written and every task has told its sinks (which publish what they
     * prepared), stops the job; it then ends as FINISHED.
     */
    private void finishStopWithSavepoint() throws Exception {
        if (savepointPath == null) {
            return;
        }
        for (Task t : tasks) {
            if (t.finished) {
                notifyCompleted(t);
            } else if (t.notifiedCheckpoint < savepointBarrier) {
                return;
            }
        }
        execution.markStoppedWithSavepoint();
        stopping = true;
        savepoint.result().complete(savepointPath.toString());
        savepoint = null;
        savepointPath = null;
    }

    /** Fails the stop-with-savepoint in progress, if any; the job goes on (sources resume). */
    private void abortSavepoint(Throwable cause) {
        if (savepoint != null) {
            savepoint.result().completeExceptionally(cause);
        }
        savepoint = null;
        savepointPath = null;
        savepointBarrier = 0;
    }

    /**
     * On the coordinating thread: triggers a checkpoint when due or a savepoint when requested (barriers
     * are injected at the sources and aligned at every exchange), snapshots the instances of tasks that
     * have already finished, and writes the checkpoint once every instance has acknowledged it.
     */
    private void coordinateCheckpoint() throws Exception {
        if (pendingCheckpoint == 0) {
            if (savepoint == null && !checkpointing.due()) {
                return;
            }
            if (draining && !allTasksFinished()) {
                return; // a drained job's savepoint follows the end of every task
            }
            long id = checkpointing.nextCheckpointId();
            acks.clear();
            snapshotsTaken.clear();
            writtenStates.clear();
            asyncFailure.set(null);
            if (savepoint == null) {
                checkpointing.begin(id);
            }
            if (savepoint != null) {
                savepointFailure.set(null);
                savepointBarrier = id;
            }
            pendingCheckpoint = id;
            execution.metrics().checkpoints().triggered(id, savepoint != null);
            for (Task t : tasks) {
                if (t.head.reader != null) {
                    t.triggeredBarrier = id;
                }
            }
        }
        long id = pendingCheckpoint;
        for (Task t : tasks) {
            if (t.inputEnded) { // never for a task that failed: its state is that of a half-processed batch
                for (Instance i : t.members) {
                    acknowledge(i, id);
                }
            }
        }
        int expected = 0;
        for (Vertex v : order) {
            expected += v.instances.length;
        }
        if (acks.size() < expected) {
            return;
        }
        List<CheckpointStorage.NodeState> states = new ArrayList<>();
        for (Vertex v : order) {
            for (Instance i : v.instances) {
                byte[] state = acks.get(stateKey(i));
                states.add(new CheckpointStorage.NodeState(v.uid, i.subtask, v.parallelism, v.name(),
                        v.transformation.stateSchema(), state == NO_STATE ? null : state));
            }
        }
        if (id == savepointBarrier) {
            completeSavepoint(id, states);
            return;
        }
        Throwable asyncError = asyncFailure.get();
        if (asyncError != null) {
            failCheckpoint(id, asyncError);
            return;
        }
        java.nio.file.Path written = checkpointing.write(id, states, Map.copyOf(writtenStates));
        failedCheckpointsInARow = 0;
        execution.recordCheckpoint(written);
        execution.metrics().checkpoints().completed(id, false, execution.metrics().stateSize(), written.toString());
        pendingCheckpoint = 0;
        completedCheckpoint = id;
        for (Task t : tasks) {
            if (t.finished) {
                notifyCompleted(t);
            }
        }
    }

    /**
     * Every instance acknowledged checkpoint {@code id}, but writing some state failed: the checkpoint is dropped
     * (nothing is published for it) and the job goes on, unless more checkpoints failed in a row than
     * {@code execution.checkpointing.tolerable-failed-checkpoints} allows; then the job fails (and restarts from its
     * latest complete checkpoint as its restart strategy allows).
     */
    private void failCheckpoint(long id, Throwable cause) throws Exception {
        pendingCheckpoint = 0;
        try {
            checkpointing.abort(id);
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
        execution.metrics().checkpoints().failed(id, false, cause);
        failedCheckpointsInARow++;
        int tolerable = config.get(io.sluice.runtime.config.CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS);
        if (failedCheckpointsInARow > tolerable) {
            throw new TableException("Checkpoint " + id + " failed, and " + failedCheckpointsInARow + " checkpoints"
                    + " failed in a row where execution.checkpointing.tolerable-failed-checkpoints allows "
                    + tolerable + ": " + cause.getMessage(), cause);
        }
    }

    /** Every instance acknowledged the savepoint's barrier: writes it, and has the sinks publish (or fails it). */
    private void completeSavepoint(long id, List<CheckpointStorage.NodeState> states) throws Exception {
        pendingCheckpoint = 0;
        Throwable failed = savepointFailure.get();
        if (failed == null) {
            try {
                savepointPath = checkpointing.writeSavepoint(id, states, savepoint.directory());
            } catch (Throwable t) {
                failed = t;
            }
        }
        if (failed != null) {
            execution.metrics().checkpoints().failed(id, true, failed);
            abortedCheckpoint = id; // the job goes on: listeners hear of the abort
            abortSavepoint(failed);
            return;
        }
        execution.metrics().checkpoints().completed(id, true, execution.metrics().stateSize(),
                savepointPath.toString());
        completedCheckpoint = id;
        if (savepoint.keepRunning()) { // a savepoint without stopping: sinks publish as after a checkpoint
            savepoint.result().complete(savepointPath.toString());
            savepoint = null;
            savepointPath = null;
            savepointBarrier = 0; // the sources resume
            return;
        }
        finishStopWithSavepoint();
    }

    private void buildVertices() {
        Map<Transformation, String> uids = graph.stateIds(
                config.get(io.sluice.runtime.config.CheckpointingOptions.UID_FORMAT));
        Map<Transformation, Integer> counts = InstanceCounts.of(graph, parallelism);
        for (Transformation t : graph.topologicalOrder()) {
            Vertex v = new Vertex(t);
            v.uid = uids.get(t);
            vertices.put(t, v);
            order.add(v);
            for (int i = 0; i < t.inputs().size(); i++) {
                Vertex in = vertices.get(t.inputs().get(i));
                v.inputs.add(in);
                in.consumers.add(v);
                in.consumerInputs.add(i);
            }
            v.parallelism = counts.get(t);
        }
    }

    private void openInstances(RootAllocator root) throws Exception {
        for (Vertex v : order) {
            v.instances = new Instance[v.parallelism];
            for (int s = 0; s < v.parallelism; s++) {
                Instance inst = new Instance(v, s);
                v.instances[s] = inst;
                int inputs = v.inputs.size();
                inst.channels = new int[inputs];
                inst.endedChannels = new int[inputs];
                inst.blockedChannels = new boolean[inputs][];
                inst.closedChannels = new boolean[inputs][];
                for (int i = 0; i < inputs; i++) {
                    EdgeKind kind = edgeKind(v.inputs.get(i), v, i);
                    int channels = kind == EdgeKind.CHAINED || kind == EdgeKind.FORWARD ? 1 : v.inputs.get(i).parallelism;
                    inst.channels[i] = channels;
                    inst.blockedChannels[i] = new boolean[channels];
                    inst.closedChannels[i] = new boolean[channels];
                }
                inst.valve = new WatermarkValve(inst.channels);
                open(inst, root);
            }
        }
    }

    /** How the edge into input {@code input} of vertex {@code to} moves rows, in the terms of Flink's plan. */
    private JobPlan.Ship ship(int from, int to, int input) {
        EdgeKind kind = edgeKind(order.get(from), order.get(to), input);
        return switch (kind) {
            case CHAINED -> new JobPlan.Ship("FORWARD", true);
            case FORWARD -> new JobPlan.Ship("FORWARD", false);
            case HASH -> new JobPlan.Ship("HASH", false);
            case SINGLE -> new JobPlan.Ship("GLOBAL", false);
            case ROUND_ROBIN -> new JobPlan.Ship("REBALANCE", false);
            case KEY_GROUP -> new JobPlan.Ship("HASH", false);
            case BROADCAST -> new JobPlan.Ship("BROADCAST", false);
            case RESCALE -> new JobPlan.Ship("RESCALE", false);
            case CUSTOM -> new JobPlan.Ship("CUSTOM", false);
        };
    }

    private void open(Instance inst, RootAllocator root) throws Exception {
        Transformation t = inst.vertex.transformation;
        inst.metrics = execution.metrics().operator(order.indexOf(inst.vertex), t.name(), inst.subtask,
                inst.vertex.parallelism, t instanceof SourceTransformation);
        inst.allocator = root.newChildAllocator(inst.name() + "#" + System.identityHashCode(inst), 0, Long.MAX_VALUE);
        List<CheckpointStorage.NodeState> rescaled = RescaledRestore.rescaledStates(restore, inst.vertex.uid,
                inst.vertex.parallelism);
        byte[] state = restore == null || rescaled != null ? null : restore.stateOf(inst.vertex.uid, inst.subtask);
        try {
            if (t instanceof SourceTransformation) {
                SourceTransformation s = (SourceTransformation) t;
                inst.reader = s.source().createReader(new ReaderContext(s.projectedFields(), s.outputType(),
                        inst.allocator, config, inst.subtask, inst.vertex.parallelism)
                        .withSideOutputs(inst::sideOutput, inst.metrics));
                if (state != null) {
                    inst.reader.restorePosition(state);
                } else if (rescaled != null) {
                    RescaledRestore.restoreSource(inst.reader, rescaled);
                }
                inst.reader.open();
            } else if (t instanceof SinkTransformation) {
                SinkTransformation s = (SinkTransformation) t;
                SinkOperator sink = new SinkOperator(s.writerFactory().apply(
                        new WriterContext(s.outputType(), inst.allocator, configOf(t), inst.subtask,
                                inst.vertex.parallelism)));
                inst.operator = sink;
                sink.open(new OperatorContext(inst.name(), inst.allocator, configOf(t), inst.metrics,
                        inst.subtask, inst.vertex.parallelism), inst);
                if (state != null) {
                    sink.restoreState(state);
                } else if (rescaled != null) {
                    RescaledRestore.restoreSink(sink, rescaled, inst.subtask, inst.vertex.parallelism);
                }
            } else {
                inst.operator = ((OperatorTransformation) t).factory().create();
                inst.operator.open(new OperatorContext(inst.name(), inst.allocator, configOf(t), inst.metrics,
                        inst.subtask, inst.vertex.parallelism).withSideOutputs(inst::sideOutput), inst);
                if (state != null) {
                    ((io.sluice.runtime.state.CheckpointedOperator) inst.operator).restoreState(
                            new io.sluice.runtime.state.StateReader(new java.io.ByteArrayInputStream(state)));
                } else if (rescaled != null) {
                    RescaledRestore.restoreOperator(inst.operator, t, rescaled, inst.subtask, inst.vertex.parallelism,
                            maxParallelismOf(t));
                }
            }
        } catch (Throwable e) {
            throw wrap(inst, e);
        }
    }

    /** Groups instances into tasks: a task starts at a source or at an instance with a queued input. */
    private void buildTasks() {
        for (Vertex v : order) {
            boolean chained = v.inputs.size() == 1 && edgeKind(v.inputs.get(0), v, 0) == EdgeKind.CHAINED;
            for (Instance inst : v.instances) {
                if (chained) {
                    inst.task = v.inputs.get(0).instances[inst.subtask].task;
                } else {
                    Task task = new Task(inst);
                    inst.task = task;
                    tasks.add(task);
                }
                inst.task.members.add(inst);
            }
        }
    }

    private static Throwable closeQuietly(Instance i, Throwable error) {
        try {
            if (i.reader != null) {
                i.reader.close();
            }
            if (i.operator != null) {
                i.operator.close();
            }
        } catch (Throwable t) {
            if (error == null) {
                return wrap(i, t);
            }
            error.addSuppressed(t);
        }
        return error;
    }
}
