package io.sluice.state.rocksdb;

import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedSnapshotFormat;
import io.sluice.runtime.state.keyed.StateMeta;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an incremental checkpoint of a {@link RocksDBKeyedStateBackend} instance holds in the operator's snapshot: not
 * the entries, but the files of a RocksDB checkpoint of the instance. The SST files are in the job's shared
 * directory (named by the checkpoint that uploaded them first, referenced again by later ones); the small files that
 * describe the instance (MANIFEST, CURRENT, OPTIONS) are held here, so they belong to this checkpoint alone. It also
 * records the number of key groups, the key serializer, the key-group range and every state (its column family) with
 * its serializers, and carries the backend's timers in the canonical snapshot format.
 *
 * @param sharedDirectory the absolute shared directory the SST files are in
 * @param states the states, each kept in the column family named by its {@link StateMeta#id()}
 * @param sstFiles the instance's SST files, by their local name
 * @param privateFiles the instance's other files, with their content
 * @param timers the timers and restored entries kept outside RocksDB, in the {@link KeyedSnapshotFormat}
 */
record IncrementalSnapshotHandle(int maxParallelism, String keySerializerIdentity, KeyGroupRange keyGroupRange,
        Path sharedDirectory, List<StateMeta> states, List<SharedFile> sstFiles, List<PrivateFile> privateFiles,
        byte[] timers) {

    static final int MAGIC = KeyedSnapshotFormat.INCREMENTAL_ROCKSDB_MAGIC;
    static final int VERSION = 1;

    /** An SST file of the instance ({@code localName}) stored as {@code sharedName} in the shared directory. */
    record SharedFile(String localName, String sharedName, long size) {
    }

    /** A file of the instance stored in the handle itself. */
    record PrivateFile(String name, byte[] content) {
    }

    /** Whether {@code snapshot} (an operator's backend snapshot) is an incremental handle. */
    static boolean isHandle(byte[] snapshot) {
        return snapshot.length >= 4 && ((snapshot[0] & 0xff) << 24 | (snapshot[1] & 0xff) << 16
                | (snapshot[2] & 0xff) << 8 | (snapshot[3] & 0xff)) == MAGIC;
    }

    /** The bytes of the SST files (in the shared directory). */
    long sstBytes() {
        long n = 0;
        for (SharedFile f : sstFiles) {
            n += f.size();
        }
        return n;
    }

    void write(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(maxParallelism);
        out.writeUTF(keySerializerIdentity);
        out.writeInt(keyGroupRange.startKeyGroup());
        out.writeInt(keyGroupRange.endKeyGroup());
        out.writeUTF(sharedDirectory.toString());
        out.writeInt(states.size());
        for (StateMeta s : states) {
            out.writeUTF(s.name());
            out.writeByte(s.kind().ordinal());
            out.writeUTF(s.namespaceIdentity());
            out.writeUTF(s.valueIdentity());
        }
        out.writeInt(sstFiles.size());
        for (SharedFile f : sstFiles) {
            out.writeUTF(f.localName());
            out.writeUTF(f.sharedName());
            out.writeLong(f.size());
        }
        out.writeInt(privateFiles.size());
        for (PrivateFile f : privateFiles) {
            out.writeUTF(f.name());
            out.writeInt(f.content().length);
            out.write(f.content());
        }
        out.writeInt(timers.length);
        out.write(timers);
        out.flush();
    }

    static IncrementalSnapshotHandle read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an incremental RocksDB snapshot");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("incremental RocksDB snapshot version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        int maxParallelism = in.readInt();
        String keyIdentity = in.readUTF();
        KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
        Path shared = Path.of(in.readUTF());
        int stateCount = in.readInt();
        List<StateMeta> states = new ArrayList<>(stateCount);
        StateMeta.Kind[] kinds = StateMeta.Kind.values();
        for (int i = 0; i < stateCount; i++) {
            String name = in.readUTF();
            StateMeta.Kind kind = kinds[in.readUnsignedByte()];
            states.add(new StateMeta(name, kind, in.readUTF(), in.readUTF()));
        }
        int sstCount = in.readInt();
        List<SharedFile> ssts = new ArrayList<>(sstCount);
        for (int i = 0; i < sstCount; i++) {
            ssts.add(new SharedFile(in.readUTF(), in.readUTF(), in.readLong()));
        }
        int privateCount = in.readInt();
        List<PrivateFile> privates = new ArrayList<>(privateCount);
        for (int i = 0; i < privateCount; i++) {
            String name = in.readUTF();
            privates.add(new PrivateFile(name, in.readNBytes(in.readInt())));
        }
        byte[] timers = in.readNBytes(in.readInt());
        return new IncrementalSnapshotHandle(maxParallelism, keyIdentity, range, shared, states, ssts, privates,
                timers);
    }

    /** Fails unless the handle was written with this number of key groups and key serializer. */
    void checkCompatible(int jobMaxParallelism, String jobKeyIdentity) {
        if (maxParallelism != jobMaxParallelism) {
            throw new IllegalStateException("The checkpoint was taken with pipeline.max-parallelism = "
                    + maxParallelism + " but the job runs with " + jobMaxParallelism + "; keyed state can only be"
                    + " restored with the same max parallelism");
        }
        if (!keySerializerIdentity.equals(jobKeyIdentity)) {
            throw new IllegalStateException("The checkpoint's keys were written as " + keySerializerIdentity
                    + " but the job's keys are " + jobKeyIdentity);
        }
    }
}
