package io.sluice.datastream.graph;

import io.sluice.datastream.runtime.ChainOperator;
import io.sluice.datastream.runtime.ChainSpec;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.ExitOperator;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.operators.PassThroughOperator;
import io.sluice.datastream.runtime.operators.TimestampsAndWatermarksOperator;
import io.sluice.datastream.runtime.sink.ChainedSinkOperator;
import io.sluice.datastream.runtime.sink.RecordSink;
import io.sluice.datastream.runtime.sink.RecordSinkWriter;
import io.sluice.datastream.runtime.sink.UserSink;
import io.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a DataStream program into the runtime's {@link JobGraph}. An operator whose only input comes straight
 * from another operator (no {@code keyBy}, {@code rebalance} or union between them, same parallelism) is chained
 * to it: both run in one {@link ChainOperator} and records pass between them as objects. Every other operator
 * starts a chain whose inputs are exchanges; a chain that feeds other chains or sinks gets an
 * {@link ExitOperator} per consumer, and serializes records only there. A keyed input routes by the key group of
 * the key's hash ({@link InputPartitioning#keyGroups}). Each chain runs with the parallelism of its operators
 * (set with {@code setParallelism}, else the job's); between chains of different parallelism without an exchange
 * of their own the runtime spreads records round-robin, as Flink connects them by {@code rebalance}.
 */
public final class JobGraphBuilder {
    private final int parallelism;
    private final Map<OperatorNode, Chain> chains = new IdentityHashMap<>();
    private final Map<OperatorNode, ChainedOperator> operators = new IdentityHashMap<>();
    private final Map<SourceNode, Transformation> sources = new IdentityHashMap<>();
    private final List<Chain> allChains = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();

    public JobGraphBuilder(int parallelism) {
        this.parallelism = parallelism;
    }

    /** One chain: its spec, the transformation running it, and the number of exits handed out. */
    private static final class Chain {
        final ChainSpec spec;
        OperatorTransformation transformation;
        int exits;
        byte[] serialized;

        Chain(ChainSpec spec) {
            this.spec = spec;
        }

        /** The spec serialized when first needed, after the whole job graph (every exit) is built. */
        synchronized byte[] serialized() {
            if (serialized == null) {
                serialized = FunctionCopies.serialize(spec);
            }
            return serialized;
        }
    }

    /**
     * What a consumer outside the DataStream graph (the table bridge) reads of a stream: the producing
     * transformation, the exit id whose rows are the stream's (-1: every row), the records' serializer and the
     * producer's parallelism.
     */
    public record Upstream(Transformation producer, int exit, StateSerializer<?> serializer, int parallelism) {
    }

    /** The job's parallelism. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * The inputs through which a consumer that is not a DataStream operator reads {@code stream} (one per
     * union member), placing the chains that produce it. Chains are serialized only when the job first
     * instantiates them, so consumers may be added until the job is submitted.
     */
    public List<Upstream> upstreams(StreamNode stream) {
        List<Upstream> out = new ArrayList<>();
        for (InputRef r : expand(stream, null, parallelism)) {
            out.add(new Upstream(r.producer(), r.exit(), r.serializer(), r.producerParallelism()));
        }
        return out;
    }

    /** What one input of a chain reads. */
    private record InputRef(Transformation producer, int exit, InputPartitioning partitioning,
            StateSerializer<?> serializer, int producerParallelism, PartitionNode.Kind kind, String producerName,
            boolean runtimeDecides) {
    }

    /** Builds the job graph of {@code sinks}. */
    public JobGraph build(String jobName, List<SinkNode> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("No operators defined in streaming topology. Cannot execute.");
        }
        List<SinkTransformation> out = new ArrayList<>();
        for (SinkNode s : sinks) {
            out.add(sink(s));
        }
        for (Chain c : allChains) {
            c.serialized();
        }
        return new JobGraph(jobName, out);
    }

    private String unique(String name) {
        int n = names.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + " (" + n + ")";
    }

    private SinkTransformation sink(SinkNode s) {
        StreamNode input = s.input();
        boolean direct = input instanceof OperatorNode || (input instanceof SideOutputNode
                && ((SideOutputNode) input).parent() instanceof OperatorNode);
        if (!direct) {
            input = new OperatorNode("Forward", input.type(), new PassThroughOperator("Forward"), List.of(input));
            if (s.parallelism() > 0) {
                // at the sink's parallelism, so that a partitioning before the sink (keyBy, partitionCustom) decides
                // which sink instance gets a record, as in Flink
                input.setParallelism(s.parallelism());
            }
        }
        RecordSink runtimeSink = s.sink();
        if (chainsSink(s, input)) {
            // the writer runs in the producer's chain; the runtime sink ends the job graph and gets no records
            OperatorNode chained = new OperatorNode(s.name(), input.type(),
                    new ChainedSinkOperator(s.name(), s.sink(), serializerOf(input)), List.of(input));
            chained.setParallelism(effectiveParallelism(producerOf(input)));
            input = chained;
            runtimeSink = new UserSink(new DiscardingSink<>());
        }
        InputRef ref = exit(input, null, 0);
        byte[] sinkBytes = FunctionCopies.serialize(runtimeSink);
        String name = unique(s.name());
        int exit = ref.exit();
        StateSerializer<?> serializer = ref.serializer();
        SinkTransformation t = new SinkTransformation(name, ref.producer(), ctx -> {
            try {
                return new RecordSinkWriter(ctx, sinkBytes, exit, serializer, name);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the writer of sink " + name + ": " + e.getMessage(), e);
            }
        });
        if (s.parallelism() > 0) {
            t.setParallelism(s.parallelism()); // fed round-robin when its input runs at another parallelism
        }
        if (s.maxParallelism() > 0) {
            t.setMaxParallelism(s.maxParallelism());
        }
        return t;
    }

    /**
     * Whether sink {@code s} runs in the chain of the operator producing {@code input}: a sink without state of its
     * own ({@link UserSink}) at that operator's parallelism.
     */
    private boolean chainsSink(SinkNode s, StreamNode input) {
        if (s.sink().getClass() != UserSink.class) {
            return false;
        }
        return s.parallelism() <= 0 || s.parallelism() == effectiveParallelism(producerOf(input));
    }

    private static StreamNode producerOf(StreamNode input) {
        return input instanceof SideOutputNode ? ((SideOutputNode) input).parent() : input;
    }

    private static StateSerializer<?> serializerOf(StreamNode node) {
        return StateStore.serializerOf(node.type());
    }

    private ChainedOperator operator(OperatorNode n) {
        return operators.computeIfAbsent(n, k -> FunctionCopies.copy(k.operator()));
    }

    /**
     * Attaches an exit for a consumer of {@code stream} (an operator or its side output) that runs
     * {@code consumerParallelism} instances, and returns the input.
     */
    private InputRef exit(StreamNode stream, PartitionNode partition, int consumerParallelism) {
        OperatorNode producer;
        OutputTag<?> tag = null;
        if (stream instanceof SideOutputNode) {
            SideOutputNode so = (SideOutputNode) stream;
            if (!(so.parent() instanceof OperatorNode)) {
                throw new IllegalArgumentException("getSideOutput() is only available on the result of an operator");
            }
            producer = (OperatorNode) so.parent();
            tag = so.tag();
        } else {
            producer = (OperatorNode) stream;
        }
        Chain chain = place(producer);
        int id = chain.exits++;
        StateSerializer<?> serializer = serializerOf(stream);
        boolean keyed = partition != null && (partition.kind() == PartitionNode.Kind.KEY
                || partition.kind() == PartitionNode.Kind.CUSTOM);
        ExitOperator exit = new ExitOperator(id, serializer, keyed ? partition.keySelector() : null,
                partition != null ? partition.partitioner() : null, consumerParallelism);
        operator(producer).addSuccessor(exit, tag);
        return new InputRef(chain.transformation, id, partitioning(partition), serializer,
                effectiveParallelism(producer), partition == null ? null : partition.kind(), producer.name(), false);
    }

    private static InputPartitioning partitioning(PartitionNode p) {
        if (p == null) {
            return InputPartitioning.forward();
        }
        switch (p.kind()) {
            case KEY:
                return InputPartitioning.keyGroups(RecordBatches.KEY_HASH);
            case REBALANCE:
                return InputPartitioning.rebalance();
            case BROADCAST:
                return InputPartitioning.broadcast();
            case RESCALE:
                return InputPartitioning.rescale();
            case CUSTOM:
                return InputPartitioning.custom(RecordBatches.KEY_HASH);
            case FORWARD:
                return InputPartitioning.forward();
            default:
                return InputPartitioning.single();
        }
    }

    /**
     * The inputs a consumer of {@code stream} running {@code consumerParallelism} instances reads, through
     * partitionings and unions.
     */
    private List<InputRef> expand(StreamNode stream, PartitionNode partition, int consumerParallelism) {
        List<InputRef> refs = new ArrayList<>();
        if (stream instanceof PartitionNode) {
            PartitionNode p = (PartitionNode) stream;
            refs.addAll(expand(p.input(), partition != null ? partition : p, consumerParallelism));
        } else if (stream instanceof UnionNode) {
            for (StreamNode in : stream.inputs()) {
                refs.addAll(expand(in, partition, consumerParallelism));
            }
        } else if (stream instanceof SourceNode) {
            if (partition != null) {
                throw new IllegalStateException("A source must be followed by an operator before an exchange");
            }
            refs.add(new InputRef(source((SourceNode) stream), -1, InputPartitioning.forward(), serializerOf(stream),
                    effectiveParallelism(stream), null, stream.name(), ((SourceNode) stream).provider() != null));
        } else {
            refs.add(exit(stream, partition, consumerParallelism));
        }
        return refs;
    }

    private Transformation source(SourceNode s) {
        Transformation existing = sources.get(s);
        if (existing != null) {
            return existing;
        }
        Transformation t = s.provider() != null ? s.provider().translate(this)
                : new SourceTransformation(unique(s.name()), s.idleTimeout() == null ? s.source()
                        : new io.sluice.datastream.runtime.source.IdleTimeoutScan(s.source(), s.idleTimeout()),
                        new int[] {0, 1, 2, 3}, RecordBatches.TYPE);
        if (s.parallelism() > 0) {
            t.setParallelism(s.parallelism());
        }
        sources.put(s, t);
        return t;
    }

    /** Whether {@code n} runs in the chain of the operator producing its only input. */
    private boolean chainable(OperatorNode n) {
        if (n.inputs().size() != 1 || n.operator().isKeyed()
                || n.operator() instanceof TimestampsAndWatermarksOperator) {
            return false;
        }
        StreamNode in = n.inputs().get(0);
        StreamNode producer = in instanceof SideOutputNode ? ((SideOutputNode) in).parent() : in;
        return producer instanceof OperatorNode && effectiveParallelism(producer) == effectiveParallelism(n);
    }

    /**
     * The parallelism a node runs at: its own if set (a side output: its operator's); else the job's, except that
     * operators reading only a non-parallel collection source ({@link StreamNode#feedsInOneInstance}) or a
     * {@code global()} exchange run in one instance until the next exchange.
     */
    private int effectiveParallelism(StreamNode n) {
        if (n.parallelism() > 0) {
            return n.parallelism();
        }
        if (n instanceof SideOutputNode) {
            return effectiveParallelism(((SideOutputNode) n).parent());
        }
        if (n instanceof PartitionNode) {
            return ((PartitionNode) n).kind() == PartitionNode.Kind.GLOBAL ? 1 : parallelism;
        }
        if (n instanceof SourceNode || n.inputs().isEmpty()) {
            return parallelism;
        }
        for (StreamNode in : n.inputs()) {
            if (!feedsOneInstance(in)) {
                return parallelism;
            }
        }
        return 1;
    }

    /** Whether a consumer without a parallelism of its own reading {@code in} runs in one instance. */
    private boolean feedsOneInstance(StreamNode in) {
        if (in instanceof SideOutputNode) {
            return feedsOneInstance(((SideOutputNode) in).parent());
        }
        if (in instanceof PartitionNode) {
            return ((PartitionNode) in).kind() == PartitionNode.Kind.GLOBAL;
        }
        if (in.feedsInOneInstance()) {
            return effectiveParallelism(in) == 1;
        }
        return in.parallelism() <= 0 && !(in instanceof SourceNode) && effectiveParallelism(in) == 1;
    }

    /** The chain that runs {@code n}, placing it (and what it reads) on first use. */
    private Chain place(OperatorNode n) {
        Chain existing = chains.get(n);
        if (existing != null) {
            return existing;
        }
        ChainedOperator op = operator(n);
        if (chainable(n)) {
            StreamNode in = n.inputs().get(0);
            OperatorNode producer;
            OutputTag<?> tag = null;
            if (in instanceof SideOutputNode) {
                producer = (OperatorNode) ((SideOutputNode) in).parent();
                tag = ((SideOutputNode) in).tag();
            } else {
                producer = (OperatorNode) in;
            }
            Chain c = place(producer);
            operator(producer).addSuccessor(op, tag);
            chains.put(n, c);
            return c;
        }
        int p = effectiveParallelism(n);
        Chain chain = new Chain(new ChainSpec(n.name(), op));
        chains.put(n, chain);
        allChains.add(chain);
        List<InputRef> refs = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            for (InputRef r : expand(n.inputs().get(i), null, p)) {
                if (r.kind() == PartitionNode.Kind.FORWARD && r.producerParallelism() != p) {
                    throw new UnsupportedOperationException("Forward partitioning does not allow a change of "
                            + "parallelism: " + r.producerName() + " runs with " + r.producerParallelism() + ", "
                            + n.name() + " with " + p + ". Use another partitioning, such as rebalance, shuffle, "
                            + "rescale, broadcast or global.");
                }
                chain.spec.addInput(r.exit(), r.serializer(), i);
                refs.add(r);
            }
        }
        if (op.isKeyed()) {
            chain.spec.setKeySerializer(StateStore.serializerOf(n.keyType()));
        }
        List<Transformation> inputs = new ArrayList<>();
        for (InputRef r : refs) {
            inputs.add(r.producer());
        }
        Chain self = chain;
        OperatorTransformation t = new OperatorTransformation(unique(n.name()), inputs,
                () -> new ChainOperator(FunctionCopies.deserialize(self.serialized())), RecordBatches.TYPE);
        for (int i = 0; i < refs.size(); i++) {
            InputPartitioning part = refs.get(i).partitioning();
            if (p == 1 && parallelism > 1 && !(part.kind() == InputPartitioning.Kind.FORWARD
                    && refs.get(i).producerParallelism() == 1)) {
                part = InputPartitioning.single();
            }
            t.withInputPartitioning(i, part);
        }
        boolean runtimeDecides = false;
        for (InputRef r : refs) {
            runtimeDecides |= r.runtimeDecides() && r.kind() == null;
        }
        if (n.parallelism() > 0 || !runtimeDecides) {
            // a table pipeline's stream (a provider's source) runs with the instances the runtime gives its end
            t.setParallelism(p);
        }
        if (n.maxParallelism() > 0) {
            if (n.maxParallelism() < p) {
                throw new IllegalStateException("The maximum parallelism (" + n.maxParallelism() + ") of "
                        + n.name() + " is smaller than its parallelism (" + p + ")");
            }
            t.setMaxParallelism(n.maxParallelism());
        }
        if (n.uid() != null) {
            t.setUid(n.uid());
        }
        chain.transformation = t;
        return chain;
    }
}
