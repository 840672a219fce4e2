package io.sluice.streaming.api.connector.sink2;

import io.sluice.api.connector.sink2.Committer;
import io.sluice.api.connector.sink2.CommitterInitContext;
import io.sluice.api.connector.sink2.SupportsCommitter;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.runtime.sink.CommitterOperator;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import io.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import io.sluice.util.function.SerializableFunction;
import io.sluice.util.function.SerializableSupplier;
import java.util.List;

/** Building blocks of a sink's own topologies ({@code addPreCommitTopology}, {@code addPostCommitTopology}). */
public final class StandardSinkTopologies {
    /** The name of the global committer's operator. */
    public static final String GLOBAL_COMMITTER_TRANSFORMATION_NAME = "Global Committer";

    private StandardSinkTopologies() {
    }

    /**
     * Adds a global committer after {@code committables} (the committed committables a post-commit topology
     * receives): one instance (parallelism 1) receives the committables of every committer and commits them with a
     * committer made by {@code committerFactory}, those of a checkpoint when a later checkpoint completes (they
     * arrive once their own completed and the committers committed them), all of them at the end of the input.
     * The committables it holds are in its checkpointed state, written with {@code committableSerializer}; a
     * restored instance commits them again (the committer must recognize what it committed already). Its
     * committer's metric group counts the committables and their outcomes.
     */
    public static <CommT> void addGlobalCommitter(DataStream<CommittableMessage<CommT>> committables,
            SerializableFunction<CommitterInitContext, Committer<CommT>> committerFactory,
            SerializableSupplier<SimpleVersionedSerializer<CommT>> committableSerializer) {
        GlobalCommitting<CommT> committing = new GlobalCommitting<>(committerFactory, committableSerializer);
        SingleOutputStreamOperator<CommittableMessage<CommT>> committed = new SingleOutputStreamOperator<>(
                committables.getExecutionEnvironment(), new OperatorNode(GLOBAL_COMMITTER_TRANSFORMATION_NAME,
                        CommittableMessageTypeInfo.of(committableSerializer),
                        new CommitterOperator(GLOBAL_COMMITTER_TRANSFORMATION_NAME, committing),
                        List.of(committables.getNode())));
        committed.setParallelism(1).setMaxParallelism(1);
        committed.sinkTo(new DiscardingSink<>()).name(GLOBAL_COMMITTER_TRANSFORMATION_NAME + " End")
                .setParallelism(1);
    }

    /** Adds a global committer whose committer needs no context (Flink's earlier form). */
    public static <CommT> void addGlobalCommitter(DataStream<CommittableMessage<CommT>> committables,
            SerializableSupplier<Committer<CommT>> committerFactory,
            SerializableSupplier<SimpleVersionedSerializer<CommT>> committableSerializer) {
        addGlobalCommitter(committables, (SerializableFunction<CommitterInitContext, Committer<CommT>>)
                context -> committerFactory.get(), committableSerializer);
    }

    /** The global committer as the committing side of a sink, for the committer operator. */
    private static final class GlobalCommitting<CommT> implements SupportsCommitter<CommT>, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final SerializableFunction<CommitterInitContext, Committer<CommT>> committerFactory;
        private final SerializableSupplier<SimpleVersionedSerializer<CommT>> committableSerializer;

        GlobalCommitting(SerializableFunction<CommitterInitContext, Committer<CommT>> committerFactory,
                SerializableSupplier<SimpleVersionedSerializer<CommT>> committableSerializer) {
            this.committerFactory = committerFactory;
            this.committableSerializer = committableSerializer;
        }

        @Override
        public Committer<CommT> createCommitter(CommitterInitContext context) {
            return committerFactory.apply(context);
        }

        @Override
        public SimpleVersionedSerializer<CommT> getCommittableSerializer() {
            return committableSerializer.get();
        }
    }
}
