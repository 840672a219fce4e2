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
 *
 * <p>Incremental snapshots of state backends put files that several checkpoints reference into
 * {@code <job dir>/shared/} while the checkpoint is taken ({@link CheckpointSnapshotContext}); a checkpoint lists
 * every shared file it references in {@code chk-<id>/_shared}, written before the directory is renamed. When a
 * checkpoint completes, the oldest beyond the retained count are deleted, and then every shared file that no
 * retained checkpoint lists: the files of older checkpoints that later ones no longer use, and those uploaded for a
 * checkpoint that never completed. Savepoints are written in full and never reference shared files.
 */
public final class CheckpointStorage {
    static final int MAGIC = 0x534c4350; // "SLCP"
    static final int VERSION = 3;
    private static final String METADATA = "_metadata";
    /** The list of shared files a checkpoint references, one name a line. */
    static final String SHARED_LIST = "_shared";
    /** The job's directory of files shared between checkpoints. */
    public static final String SHARED_DIRECTORY = "shared";

    private final Path jobDirectory;
    private final int retained;

    public CheckpointStorage(Path jobDirectory, int retained) {
        this.jobDirectory = jobDirectory;
        this.retained = Math.max(1, retained);
    }

    public Path jobDirectory() {
        return jobDirectory;
    }

    /** The directory of files shared between this job's checkpoints (created by whoever writes the first one). */
    public Path sharedDirectory() {
        return jobDirectory.resolve(SHARED_DIRECTORY);
    }

    /** Writes a complete checkpoint and deletes the oldest beyond the retained count; returns its directory. */
    public Path write(long checkpointId, List<NodeState> states) throws IOException {
        return write(checkpointId, states, java.util.Set.of());
    }

    /**
     * Writes a complete checkpoint that references {@code sharedFiles} (names in {@link #sharedDirectory}), deletes
     * the oldest checkpoints beyond the retained count and the shared files no retained checkpoint references;
     * returns its directory.
     */
    public Path write(long checkpointId, List<NodeState> states, java.util.Set<String> sharedFiles)
            throws IOException {
        return write(checkpointId, states, sharedFiles, java.util.Map.of());
    }

    /**
     * The directory a checkpoint is written into until it is complete; the states of asynchronous snapshots are
     * streamed there ({@link #stateFile}) before {@link #write} adds the metadata.
     */
    public Path inProgressDirectory(long checkpointId) {
        return jobDirectory.resolve("chk-" + checkpointId + ".inprogress");
    }

    /** Starts checkpoint {@code checkpointId}: an empty {@link #inProgressDirectory} (left-overs are deleted). */
    public Path begin(long checkpointId) throws IOException {
        Path tmp = inProgressDirectory(checkpointId);
        deleteRecursively(tmp);
        return Files.createDirectories(tmp);
    }

    /** Deletes what a checkpoint that will not complete wrote so far. */
    public void abort(long checkpointId) throws IOException {
        deleteRecursively(inProgressDirectory(checkpointId));
    }

    /** The file of the {@code index}-th state (in the order {@link #write} gets them) of a checkpoint. */
    public Path stateFile(long checkpointId, int index) {
        return inProgressDirectory(checkpointId).resolve("node-" + index + ".bin");
    }

    /**
     * Like {@link #write(long, List, java.util.Set)}, where the states at the indexes of {@code written} have already
     * been streamed into their {@link #stateFile}s (their {@link NodeState#data} is null).
     */
    public Path write(long checkpointId, List<NodeState> states, java.util.Set<String> sharedFiles,
            java.util.Map<Integer, StateFileOutput.Written> written) throws IOException {
        Path done = jobDirectory.resolve("chk-" + checkpointId);
        Path tmp = inProgressDirectory(checkpointId);
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
            StateFileOutput.Written file = written.get(n);
            meta.writeBoolean(s.data() != null || file != null);
            if (file != null) {
                if (file.length() > Integer.MAX_VALUE) {
                    throw new IOException("the state of operator '" + s.name() + "' (" + file.length()
                            + " bytes) is larger than a checkpoint file allows");
                }
                meta.writeInt((int) file.length());
                meta.writeLong(file.crc());
            } else if (s.data() != null) {
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
        if (!sharedFiles.isEmpty()) {
            Files.write(tmp.resolve(SHARED_LIST), new java.util.TreeSet<>(sharedFiles));
        }
        Files.write(tmp.resolve(METADATA), withCrc.toByteArray());
        Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
        deleteOldCheckpoints();
        deleteUnreferencedSharedFiles();
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

    /**
     * Deletes the files of {@link #sharedDirectory} that no retained checkpoint lists. Called right after a
     * checkpoint completed: no other checkpoint of the job is being taken then, so every file there belongs to a
     * retained checkpoint, to a subsumed one, or to one that never completed.
     */
    private void deleteUnreferencedSharedFiles() throws IOException {
        Path shared = sharedDirectory();
        if (!Files.isDirectory(shared)) {
            return;
        }
        java.util.Set<String> referenced = new java.util.HashSet<>();
        for (Path checkpoint : completed()) {
            referenced.addAll(sharedFilesOf(checkpoint));
        }
        try (Stream<Path> files = Files.list(shared)) {
            for (Path f : files.toList()) {
                if (!referenced.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The shared files the complete checkpoint in {@code checkpointDirectory} references (by name). */
    public static java.util.Set<String> sharedFilesOf(Path checkpointDirectory) throws IOException {
        Path list = checkpointDirectory.resolve(SHARED_LIST);
        if (!Files.exists(list)) {
            return java.util.Set.of();
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank()) {
                names.add(line.trim());
            }
        }
        return names;
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
