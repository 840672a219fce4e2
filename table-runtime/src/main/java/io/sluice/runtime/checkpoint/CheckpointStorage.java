package io.sluice.runtime.checkpoint;

import io.sluice.table.api.TableException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Checkpoints of one job on the local file system: {@code <job dir>/chk-<id>/} holds one file per
 * operator instance with state ({@code node-<n>.bin}) and a {@code _metadata} file listing each instance
 * by its operator's state identity (uid), subtask and parallelism, with its name (for messages) and the
 * length and CRC-32 of its file. A checkpoint is written under {@code chk-<id>.inprogress} and
 * renamed when complete, so a directory named {@code chk-<id>} is always whole. The metadata starts
 * with a magic number and a format version and ends with its own CRC-32.
 */
public final class CheckpointStorage {
    static final int MAGIC = 0x534c4350; // "SLCP"
    static final int VERSION = 3;
    private static final String METADATA = "_metadata";

    private final Path jobDirectory;
    private final int retained;

    public CheckpointStorage(Path jobDirectory, int retained) {
        this.jobDirectory = jobDirectory;
        this.retained = Math.max(1, retained);
    }

    public Path jobDirectory() {
        return jobDirectory;
    }

    /** Writes a complete checkpoint and deletes the oldest beyond the retained count; returns its directory. */
    public Path write(long checkpointId, List<NodeState> states) throws IOException {
        Path done = jobDirectory.resolve("chk-" + checkpointId);
        Path tmp = jobDirectory.resolve("chk-" + checkpointId + ".inprogress");
        Files.createDirectories(tmp);
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
        DataOutputStream meta = new DataOutputStream(metaBytes);
        meta.writeInt(MAGIC);
        meta.writeInt(VERSION);
        meta.writeLong(checkpointId);
        meta.writeLong(System.currentTimeMillis());
        meta.writeInt(states.size());
        for (int n = 0; n < states.size(); n++) {
            NodeState s = states.get(n);
            meta.writeUTF(s.uid());
            meta.writeInt(s.subtask());
            meta.writeInt(s.parallelism());
            meta.writeUTF(s.name());
            meta.writeUTF(s.schema());
            meta.writeBoolean(s.data() != null);
            if (s.data() != null) {
                Files.write(tmp.resolve("node-" + n + ".bin"), s.data());
                meta.writeInt(s.data().length);
                meta.writeLong(crc(s.data()));
            }
        }
        meta.flush();
        byte[] body = metaBytes.toByteArray();
        ByteArrayOutputStream withCrc = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(withCrc);
        out.write(body);
        out.writeLong(crc(body));
        Files.write(tmp.resolve(METADATA), withCrc.toByteArray());
        Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
        deleteOldCheckpoints();
        return done;
    }

    /** The newest complete checkpoint of this job, if any. */
    public Optional<Path> latest() throws IOException {
        return completed().stream().reduce((a, b) -> b);
    }

    private List<Path> completed() throws IOException {
        if (!Files.isDirectory(jobDirectory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(jobDirectory)) {
            return s.filter(p -> p.getFileName().toString().matches("chk-\\d+"))
                    .filter(p -> Files.exists(p.resolve(METADATA)))
                    .sorted(Comparator.comparingLong(CheckpointStorage::idOf))
                    .toList();
        }
    }

    private static long idOf(Path p) {
        return Long.parseLong(p.getFileName().toString().substring(4));
    }

    private void deleteOldCheckpoints() throws IOException {
        List<Path> all = completed();
        for (int i = 0; i < all.size() - retained; i++) {
            deleteRecursively(all.get(i));
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** Reads and verifies a checkpoint directory written by {@link #write}. */
    public static Checkpoint read(Path directory) {
        Path metaFile = directory.resolve(METADATA);
        try {
            if (!Files.exists(metaFile)) {
                throw new TableException("'" + directory + "' is not a complete checkpoint or savepoint (no "
                        + METADATA + " file).");
            }
            byte[] all = Files.readAllBytes(metaFile);
            if (all.length < 8) {
                throw corrupt(directory, "metadata too short");
            }
            byte[] body = java.util.Arrays.copyOf(all, all.length - 8);
            long stored = new DataInputStream(new java.io.ByteArrayInputStream(all, all.length - 8, 8)).readLong();
            if (stored != crc(body)) {
                throw corrupt(directory, "metadata checksum mismatch");
            }
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
            if (in.readInt() != MAGIC) {
                throw corrupt(directory, "not a Sluice checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new TableException("Checkpoint '" + directory + "' has format version " + version
                        + "; this Sluice reads version " + VERSION + ".");
            }
            long id = in.readLong();
            long timestamp = in.readLong();
            int n = in.readInt();
            List<NodeState> states = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String uid = in.readUTF();
                int subtask = in.readInt();
                int parallelism = in.readInt();
                String name = in.readUTF();
                String schema = in.readUTF();
                byte[] data = null;
                if (in.readBoolean()) {
                    int length = in.readInt();
                    long crc = in.readLong();
                    data = Files.readAllBytes(directory.resolve("node-" + i + ".bin"));
                    if (data.length != length || crc(data) != crc) {
                        throw corrupt(directory, "state of operator '" + uid + "' (" + name + ") fails its checksum");
                    }
                }
                states.add(new NodeState(uid, subtask, parallelism, name, schema, data));
            }
            return new Checkpoint(directory, id, timestamp, states);
        } catch (IOException e) {
            throw new TableException("Cannot read checkpoint '" + directory + "': " + e.getMessage(), e);
        }
    }

    private static TableException corrupt(Path directory, String what) {
        return new TableException("Checkpoint '" + directory + "' is corrupt: " + what + ".");
    }

    private static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }

    /**
     * The state of one operator instance: its operator's state identity ({@code uid}), which of
     * {@code parallelism} instances it is ({@code subtask}, 0-based), the operator's name (for messages
     * only; never matched), the shape of its state ({@code Transformation#stateSchema}) and its bytes (null when
     * it keeps none).
     */
    public record NodeState(String uid, int subtask, int parallelism, String name, String schema, byte[] data) {
    }

    /** A checkpoint read back. */
    public record Checkpoint(Path directory, long id, long timestamp, List<NodeState> states) {
        /** The same checkpoint without the states of the operators {@code uids}. */
        public Checkpoint without(java.util.Set<String> uids) {
            if (uids.isEmpty()) {
                return this;
            }
            List<NodeState> kept = new ArrayList<>();
            for (NodeState s : states) {
                if (!uids.contains(s.uid())) {
                    kept.add(s);
                }
            }
            return new Checkpoint(directory, id, timestamp, kept);
        }

        /** The saved instances of the operator {@code uid}, in subtask order (empty when the checkpoint has none). */
        public List<NodeState> statesOf(String uid) {
            List<NodeState> result = new ArrayList<>();
            for (NodeState s : states) {
                if (s.uid().equals(uid)) {
                    result.add(s);
                }
            }
            result.sort(Comparator.comparingInt(NodeState::subtask));
            return result;
        }

        /**
         * The state of instance {@code subtask} of the operator {@code uid}, or null when the checkpoint has
         * none (the operator is new, or keeps no state).
         */
        public byte[] stateOf(String uid, int subtask) {
            for (NodeState s : states) {
                if (s.uid().equals(uid) && s.subtask() == subtask) {
                    return s.data();
                }
            }
            return null;
        }
    }
}
