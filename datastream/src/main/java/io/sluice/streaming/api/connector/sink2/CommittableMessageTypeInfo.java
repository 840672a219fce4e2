package io.sluice.streaming.api.connector.sink2;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeutils.TypeSerializer;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.util.function.SerializableSupplier;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The type of a stream of {@link CommittableMessage}s: committables are written with the sink's versioned
 * serializer, summaries field by field. A pre-commit topology declares its output with it
 * ({@code .returns(CommittableMessageTypeInfo.of(this::getCommittableSerializer))}).
 */
public final class CommittableMessageTypeInfo<CommT> extends TypeInformation<CommittableMessage<CommT>> {
    private static final long serialVersionUID = 1L;
    private final SerializableSupplier<SimpleVersionedSerializer<CommT>> committableSerializer;

    private CommittableMessageTypeInfo(SerializableSupplier<SimpleVersionedSerializer<CommT>> committableSerializer) {
        this.committableSerializer = committableSerializer;
    }

    /** The type of messages whose committables {@code committableSerializer}'s serializer writes. */
    public static <CommT> TypeInformation<CommittableMessage<CommT>> of(
            SerializableSupplier<SimpleVersionedSerializer<CommT>> committableSerializer) {
        return new CommittableMessageTypeInfo<>(committableSerializer);
    }

    /** The type of a stream that carries no committables (a sink without a committer). */
    public static TypeInformation<CommittableMessage<Void>> noOutput() {
        return new CommittableMessageTypeInfo<>(() -> {
            throw new UnsupportedOperationException("a stream without committables has no committable serializer");
        });
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<CommittableMessage<CommT>> getTypeClass() {
        return (Class) CommittableMessage.class;
    }

    @Override
    public TypeSerializer<CommittableMessage<CommT>> createSerializer(SerializerConfig config) {
        SerializableSupplier<SimpleVersionedSerializer<CommT>> supplier = committableSerializer;
        return new TypeSerializer<>() {
            private static final long serialVersionUID = 1L;
            /** The sink's serializer, made where the serializer runs (it need not be serializable itself). */
            private transient SimpleVersionedSerializer<CommT> committables;

            private SimpleVersionedSerializer<CommT> committables() {
                if (committables == null) {
                    committables = supplier.get();
                }
                return committables;
            }

            @Override
            public void serialize(CommittableMessage<CommT> message, DataOutput out) throws IOException {
                out.writeInt(message.getSubtaskId());
                out.writeLong(message.getCheckpointIdOrEOI());
                if (message instanceof CommittableSummary) {
                    CommittableSummary<CommT> s = (CommittableSummary<CommT>) message;
                    out.writeBoolean(true);
                    out.writeInt(s.getNumberOfSubtasks());
                    out.writeInt(s.getNumberOfCommittables());
                    out.writeInt(s.getNumberOfFailedCommittables());
                } else {
                    out.writeBoolean(false);
                    byte[] b = committables().serialize(((CommittableWithLineage<CommT>) message).getCommittable());
                    out.writeInt(committables().getVersion());
                    out.writeInt(b.length);
                    out.write(b);
                }
            }

            @Override
            public CommittableMessage<CommT> deserialize(DataInput in) throws IOException {
                int subtask = in.readInt();
                long checkpoint = in.readLong();
                if (in.readBoolean()) {
                    return new CommittableSummary<>(subtask, in.readInt(), checkpoint, in.readInt(), in.readInt());
                }
                int version = in.readInt();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                return new CommittableWithLineage<>(committables().deserialize(version, b), checkpoint, subtask);
            }

            @Override
            public String identity() {
                return "committable-message";
            }
        };
    }

    @Override
    public String toString() {
        return "CommittableMessageTypeInfo";
    }
}
