package io.sluice.runtime.state.keyed;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot format both keyed-state backends write: a header (max parallelism, key serializer, the states),
 * then one length-prefixed block per key group holding that group's entries state by state. Each entry is four
 * byte strings: serialized key, serialized namespace, a sub-key (the map state's user key, a timer's time) and
 * the value (a list state's value is its element count and length-prefixed elements). A reader skips the blocks
 * of key groups it does not own without decoding them, which is what restoring at another parallelism needs.
 */
public final class KeyedSnapshotFormat {
    static final int MAGIC = 0x534c4b53; // "SLKS"
    static final int VERSION = 1;
    /** The first four bytes of the RocksDB backend's incremental snapshots (a handle to files, not this format). */
    public static final int INCREMENTAL_ROCKSDB_MAGIC = 0x534c5249; // "SLRI"

    private KeyedSnapshotFormat() {
    }

    /** Receives the entries of a snapshot, key group by key group. */
    public interface EntryVisitor {
        void entry(StateMeta state, int keyGroup, byte[] key, byte[] namespace, byte[] subKey, byte[] value)
                throws IOException;
    }

    /** Writes a snapshot: {@link #beginKeyGroup}, then the entries of that group, for each group in order. */
    public static final class Writer {
        private final DataOutputStream out;
        private final Block blockBytes = new Block();
        private final DataOutputStream block = new DataOutputStream(blockBytes);
        private int currentGroup = -1;
        private int currentState = -1;

        public Writer(OutputStream out, int maxParallelism, String keySerializerIdentity, List<StateMeta> states,
                int keyGroupCount) throws IOException {
            this.out = new DataOutputStream(out);
            this.out.writeInt(MAGIC);
            this.out.writeInt(VERSION);
            this.out.writeInt(maxParallelism);
            this.out.writeUTF(keySerializerIdentity);
            this.out.writeInt(states.size());
            for (StateMeta s : states) {
                this.out.writeUTF(s.name());
                this.out.writeByte(s.kind().ordinal());
                this.out.writeUTF(s.namespaceIdentity());
                this.out.writeUTF(s.valueIdentity());
            }
            this.out.writeInt(keyGroupCount);
        }

        public void beginKeyGroup(int keyGroup) throws IOException {
            flushGroup();
            currentGroup = keyGroup;
        }

        /** An entry of state number {@code stateIndex} (its position in the header) in the current key group. */
        public void entry(int stateIndex, byte[] key, byte[] namespace, byte[] subKey, byte[] value)
                throws IOException {
            if (stateIndex != currentState) {
                if (currentState >= 0) {
                    block.writeByte(0);
                }
                block.writeInt(stateIndex);
                currentState = stateIndex;
            }
            block.writeByte(1);
            StateSerializers.writeBytes(key, block);
            StateSerializers.writeBytes(namespace, block);
            StateSerializers.writeBytes(subKey, block);
            StateSerializers.writeBytes(value, block);
        }

        /**
         * An entry whose key and namespace are already laid out as an entry writes them (each a var-int length and
         * its bytes): {@code laidOut[keyStart, subKeyStart)}, followed by the sub-key {@code laidOut[subKeyStart..]}
         * (to its end) and the value. Writes the same bytes as {@link #entry} of the parts, without copying them out.
         */
        public void entryLaidOut(int stateIndex, byte[] laidOut, int keyStart, int subKeyStart, byte[] value)
                throws IOException {
            if (stateIndex != currentState) {
                if (currentState >= 0) {
                    block.writeByte(0);
                }
                block.writeInt(stateIndex);
                currentState = stateIndex;
            }
            block.writeByte(1);
            block.write(laidOut, keyStart, subKeyStart - keyStart);
            StateSerializers.writeVarInt(laidOut.length - subKeyStart, block);
            block.write(laidOut, subKeyStart, laidOut.length - subKeyStart);
            StateSerializers.writeBytes(value, block);
        }

        /** Ends the last key group; the caller closes the stream. */
        public void finish() throws IOException {
            flushGroup();
            out.flush();
        }

        private void flushGroup() throws IOException {
            if (currentGroup < 0) {
                return;
            }
            if (currentState >= 0) {
                block.writeByte(0);
            }
            block.writeInt(-1);
            block.flush();
            out.writeInt(currentGroup);
            out.writeInt(blockBytes.size());
            blockBytes.writeTo(out);
            blockBytes.reset();
            currentGroup = -1;
            currentState = -1;
        }
    }

    /** A key group's block being written: a byte array stream without the locking (one writer). */
    private static final class Block extends ByteArrayOutputStream {
        Block() {
            super(1 << 16);
        }

        @Override
        public void write(int b) {
            if (count == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }
    }

    /** What a snapshot's header says. */
    public record Header(int maxParallelism, String keySerializerIdentity, List<StateMeta> states) {
    }

    /**
     * Reads a snapshot, handing {@code visitor} the entries of the key groups in {@code range}; returns the
     * header. Fails when the snapshot was written with another number of key groups or key serializer.
     */
    public static Header read(InputStream in, int maxParallelism, String keySerializerIdentity, KeyGroupRange range,
            EntryVisitor visitor) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic = data.readInt();
        if (magic == INCREMENTAL_ROCKSDB_MAGIC) {
            throw new IllegalStateException("The state was saved by an incremental checkpoint of the RocksDB state"
                    + " backend; restore it with state.backend.type 'rocksdb'");
        }
        if (magic != MAGIC) {
            throw new IOException("not a keyed state snapshot");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("keyed state snapshot version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        int snapshotMax = data.readInt();
        if (snapshotMax != maxParallelism) {
            throw new IllegalStateException("The checkpoint was taken with pipeline.max-parallelism = " + snapshotMax
                    + " but the job runs with " + maxParallelism + "; keyed state can only be restored with the same"
                    + " max parallelism");
        }
        String keyIdentity = data.readUTF();
        if (!keyIdentity.equals(keySerializerIdentity)) {
            throw new IllegalStateException("The checkpoint's keys were written as " + keyIdentity
                    + " but the job's keys are " + keySerializerIdentity);
        }
        int stateCount = data.readInt();
        List<StateMeta> states = new ArrayList<>(stateCount);
        StateMeta.Kind[] kinds = StateMeta.Kind.values();
        for (int i = 0; i < stateCount; i++) {
            String name = data.readUTF();
            StateMeta.Kind kind = kinds[data.readUnsignedByte()];
            states.add(new StateMeta(name, kind, data.readUTF(), data.readUTF()));
        }
        int groups = data.readInt();
        for (int g = 0; g < groups; g++) {
            int keyGroup = data.readInt();
            int length = data.readInt();
            if (!range.contains(keyGroup)) {
                data.skipNBytes(length);
                continue;
            }
            for (int stateIndex = data.readInt(); stateIndex >= 0; stateIndex = data.readInt()) {
                StateMeta state = states.get(stateIndex);
                while (data.readUnsignedByte() == 1) {
                    visitor.entry(state, keyGroup, StateSerializers.readBytes(data), StateSerializers.readBytes(data),
                            StateSerializers.readBytes(data), StateSerializers.readBytes(data));
                }
            }
        }
        return new Header(snapshotMax, keyIdentity, states);
    }
}
