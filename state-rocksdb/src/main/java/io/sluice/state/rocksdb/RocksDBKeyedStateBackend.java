package io.sluice.state.rocksdb;

import io.sluice.runtime.checkpoint.CheckpointSnapshotContext;
import io.sluice.runtime.state.keyed.AbstractKeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedListState;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.KeyedSnapshotFormat;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.SerializedBytes;
import io.sluice.runtime.state.keyed.StateMeta;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Keyed state in an embedded RocksDB instance on local disk ({@code state.backend.type: rocksdb}). Values are
 * serialized on every write and deserialized on every read, so state is bounded by disk, not heap. Timers stay
 * on the heap. The working directory is deleted on {@link #close}; durability comes from checkpoints, so the
 * write-ahead log is off.
 *
 * <p>Checkpoints are full snapshots in the canonical format by default. With incremental checkpoints
 * ({@code execution.checkpointing.incremental}) a checkpoint uploads only the SST files that the previous one did not
 * and holds an {@link IncrementalSnapshotHandle}; savepoints stay full (see {@link #snapshot}).
 */
public final class RocksDBKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {
    static {
        RocksDB.loadLibrary();
    }

    /** Visits stored entries; returns false to stop. */
    interface EntryVisitor {
        boolean visit(byte[] key, byte[] value);
    }

    private record Family(StateMeta meta, ColumnFamilyHandle handle) {
    }

    /** The working directory: the instance in {@code db/}, native checkpoints and restore copies beside it. */
    private final Path directory;
    private final Path dbDirectory;
    private final boolean incremental;
    private final DBOptions dbOptions;
    private final StringAppendOperator appendOperator;
    private final ColumnFamilyOptions familyOptions;
    /** Whole-key Bloom filters in the SST files: a point read of an absent key skips the files without it. */
    private final BloomFilter filter;
    private final WriteOptions writeOptions;
    private RocksDB db;
    private ColumnFamilyHandle defaultFamily;
    /** Every state with a column family, registered or only restored, by id. */
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, RocksState<K, ?>> states = new LinkedHashMap<>();
    /** The SST files of the last incremental snapshot by local name, and the shared directory they are in. */
    private volatile Map<String, IncrementalSnapshotHandle.SharedFile> uploaded = new HashMap<>();
    private Path uploadedTo;
    private int workCounter;
    private volatile long lastSnapshotBytes;
    private boolean closed;
    private Object prefixKey;
    private int prefixKeyGroup = -1;
    private byte[] keyBytes;

    /** A backend whose checkpoints are full snapshots. */
    public RocksDBKeyedStateBackend(StateSerializer<K> keySerializer, int maxParallelism, KeyGroupRange range,
            Path directory) {
        this(keySerializer, maxParallelism, range, directory, false);
    }

    /**
     * A backend working in {@code directory} (deleted on {@link #close}).
     *
     * @param incremental whether checkpoints are incremental ({@code execution.checkpointing.incremental}): a
     *     snapshot taken for a checkpoint (not a savepoint) then uploads the RocksDB files no earlier checkpoint
     *     uploaded into the job's shared directory and holds only an {@link IncrementalSnapshotHandle}
     */
    public RocksDBKeyedStateBackend(StateSerializer<K> keySerializer, int maxParallelism, KeyGroupRange range,
            Path directory, boolean incremental) {
        super(keySerializer, maxParallelism, range);
        this.directory = directory;
        this.dbDirectory = directory.resolve("db");
        this.incremental = incremental;
        this.appendOperator = new StringAppendOperator("");
        this.dbOptions = new DBOptions().setCreateIfMissing(true);
        this.filter = new BloomFilter(10, false);
        this.familyOptions = new ColumnFamilyOptions().setMergeOperator(appendOperator)
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(filter));
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            Files.createDirectories(dbDirectory);
            openDb(List.of());
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException("Cannot open RocksDB in " + dbDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Opens the instance in {@link #dbDirectory} with the column families of {@code metas} (which it must have). */
    private void openDb(List<StateMeta> metas) {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (StateMeta meta : metas) {
            descriptors.add(new ColumnFamilyDescriptor(meta.id().getBytes(StandardCharsets.UTF_8), familyOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            db = RocksDB.open(dbOptions, dbDirectory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            throw failure("open the instance in " + dbDirectory, e);
        }
        defaultFamily = handles.get(0);
        for (int i = 0; i < metas.size(); i++) {
            families.put(metas.get(i).id(), new Family(metas.get(i), handles.get(i + 1)));
        }
    }

    /** Closes the instance and its column family handles (states must be registered again). */
    private void closeDb() {
        for (Family f : families.values()) {
            f.handle().close();
        }
        families.clear();
        states.clear();
        if (defaultFamily != null) {
            defaultFamily.close();
            defaultFamily = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }

    SerializedBytes bytes() {
        return bytes;
    }

    /** The RocksDB key prefix of the current key in {@code namespace}. */
    byte[] currentKeyPrefix(byte[] namespace) {
        K key = getCurrentKey();
        if (getCurrentKeyGroup() < 0) {
            throw new IllegalStateException("No current key: call setCurrentKey before using keyed state");
        }
        if (key != prefixKey || getCurrentKeyGroup() != prefixKeyGroup) {
            keyBytes = bytes.toBytes(keySerializer, key);
            prefixKey = key;
            prefixKeyGroup = getCurrentKeyGroup();
        }
        return RocksKeys.prefix(prefixKeyGroup, keyBytes, namespace);
    }

    // ---- registration

    @Override
    @SuppressWarnings("unchecked")
    public <N, V> KeyedValueState<N, V> getValueState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> valueSerializer) {
        StateMeta meta = StateMeta.value(name, namespaceSerializer, valueSerializer);
        return (KeyedValueState<N, V>) register(meta, handle -> new RocksValueState<>(this, handle, meta,
                namespaceSerializer, defaultNamespace, valueSerializer));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, V> KeyedListState<N, V> getListState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> elementSerializer) {
        StateMeta meta = StateMeta.list(name, namespaceSerializer, elementSerializer);
        return (KeyedListState<N, V>) register(meta, handle -> new RocksListState<>(this, handle, meta,
                namespaceSerializer, defaultNamespace, elementSerializer));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, UK, UV> KeyedMapState<N, UK, UV> getMapState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<UK> userKeySerializer, StateSerializer<UV> valueSerializer) {
        StateMeta meta = StateMeta.map(name, namespaceSerializer, userKeySerializer, valueSerializer);
        return (KeyedMapState<N, UK, UV>) register(meta, handle -> new RocksMapState<>(this, handle, meta,
                namespaceSerializer, defaultNamespace, userKeySerializer, valueSerializer));
    }

    private RocksState<K, ?> register(StateMeta meta,
            java.util.function.Function<ColumnFamilyHandle, RocksState<K, ?>> create) {
        RocksState<K, ?> existing = states.get(meta.name());
        if (existing != null) {
            existing.meta.checkCompatible(meta);
            return existing;
        }
        Family family = family(meta);
        family.meta().checkCompatible(meta);
        RocksState<K, ?> state = create.apply(family.handle());
        states.put(meta.name(), state);
        return state;
    }

    private Family family(StateMeta meta) {
        Family family = families.get(meta.id());
        if (family != null) {
            return family;
        }
        try {
            ColumnFamilyHandle handle = db.createColumnFamily(
                    new ColumnFamilyDescriptor(meta.id().getBytes(StandardCharsets.UTF_8), familyOptions));
            family = new Family(meta, handle);
            families.put(meta.id(), family);
            return family;
        } catch (RocksDBException e) {
            throw failure("create the column family of state '" + meta.name() + "'", e);
        }
    }

    @Override
    public <N> List<K> keys(String name, N namespace) {
        RocksState<K, ?> state = states.get(name);
        if (state == null) {
            return List.of();
        }
        Set<ByteBuffer> seen = new LinkedHashSet<>();
        byte[] wanted = namespaceBytesOf(state, namespace);
        for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
            scan(state.columnFamily, RocksKeys.keyGroupPrefix(kg), (key, value) -> {
                RocksKeys.Parts parts = RocksKeys.parse(key);
                if (java.util.Arrays.equals(parts.namespace(), wanted)) {
                    seen.add(ByteBuffer.wrap(parts.key()));
                }
                return true;
            });
        }
        List<K> keys = new ArrayList<>(seen.size());
        for (ByteBuffer b : seen) {
            keys.add(SerializedBytes.fromBytes(keySerializer, b.array()));
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private <N> byte[] namespaceBytesOf(RocksState<K, ?> state, N namespace) {
        RocksState<K, N> typed = (RocksState<K, N>) state;
        return bytes.toBytes(typed.namespaceSerializer(), namespace);
    }

    // ---- RocksDB access for the states

    byte[] get(ColumnFamilyHandle family, byte[] key) {
        try {
            return db.get(family, key);
        } catch (RocksDBException e) {
            throw failure("read state", e);
        }
    }

    void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
        try {
            db.put(family, writeOptions, key, value);
        } catch (RocksDBException e) {
            throw failure("write state", e);
        }
    }

    void merge(ColumnFamilyHandle family, byte[] key, byte[] value) {
        try {
            db.merge(family, writeOptions, key, value);
        } catch (RocksDBException e) {
            throw failure("write state", e);
        }
    }

    void delete(ColumnFamilyHandle family, byte[] key) {
        try {
            db.delete(family, writeOptions, key);
        } catch (RocksDBException e) {
            throw failure("delete state", e);
        }
    }

    void deletePrefix(ColumnFamilyHandle family, byte[] prefix) {
        List<byte[]> keys = new ArrayList<>();
        scan(family, prefix, (key, value) -> keys.add(key));
        for (byte[] key : keys) {
            delete(family, key);
        }
    }

    /** Visits the entries whose key starts with {@code prefix}, in key order. */
    void scan(ColumnFamilyHandle family, byte[] prefix, EntryVisitor visitor) {
        try (ReadOptions read = new ReadOptions(); RocksIterator it = db.newIterator(family, read)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!RocksKeys.startsWith(key, prefix) || !visitor.visit(key, it.value())) {
                    break;
                }
            }
        }
    }

    // ---- snapshots

    @Override
    protected List<StateMeta> ownStates() {
        List<StateMeta> metas = new ArrayList<>(families.size());
        for (Family f : families.values()) {
            metas.add(f.meta());
        }
        return metas;
    }

    @Override
    protected void writeOwnEntries(int keyGroup, KeyedSnapshotFormat.Writer writer) throws IOException {
        int index = 0;
        byte[] prefix = RocksKeys.keyGroupPrefix(keyGroup);
        for (Family f : families.values()) {
            int stateIndex = index++;
            boolean list = f.meta().kind() == StateMeta.Kind.LIST;
            IOException[] error = {null};
            scan(f.handle(), prefix, (key, value) -> {
                RocksKeys.Parts parts = RocksKeys.parse(key);
                byte[] snapshotValue = list ? SerializedBytes.joinList(RocksKeys.listElements(value)) : value;
                try {
                    writer.entry(stateIndex, parts.key(), parts.namespace(), parts.rest(), snapshotValue);
                } catch (IOException e) {
                    error[0] = e;
                    return false;
                }
                return true;
            });
            if (error[0] != null) {
                throw error[0];
            }
        }
    }

    @Override
    protected void restoreStateEntry(StateMeta meta, int keyGroup, byte[] key, byte[] namespace, byte[] subKey,
            byte[] value) {
        Family family = family(meta);
        family.meta().checkCompatible(meta);
        byte[] stored = value;
        if (meta.kind() == StateMeta.Kind.LIST) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] element : SerializedBytes.splitList(value)) {
                out.writeBytes(RocksKeys.listElement(element));
            }
            stored = out.toByteArray();
        }
        put(family.handle(), RocksKeys.concat(RocksKeys.prefix(keyGroup, key, namespace), subKey), stored);
    }

    @Override
    protected void declareRestoredState(StateMeta meta) {
        family(meta).meta().checkCompatible(meta);
    }

    // ---- incremental checkpoints

    /**
     * Writes a full snapshot in the canonical format, or, when this backend is incremental and the snapshot is taken
     * for a checkpoint (not a savepoint), an {@link IncrementalSnapshotHandle} (see {@link #snapshotIncremental}).
     */
    @Override
    public void snapshot(OutputStream out) throws IOException {
        CheckpointSnapshotContext context = CheckpointSnapshotContext.current();
        if (incremental && context != null && !context.isSavepoint() && context.sharedDirectory() != null) {
            snapshotIncremental(context, out);
            return;
        }
        CountingOutputStream counting = new CountingOutputStream(out);
        super.snapshot(counting);
        lastSnapshotBytes = counting.count;
    }

    /**
     * The synchronous part of an asynchronous snapshot. A full snapshot takes a RocksDB snapshot (an implicit
     * sequence number: no copy) and freezes the list of states and the heap timers; the returned snapshot then
     * iterates over the RocksDB snapshot, one iterator per state, while the operator goes on writing. An incremental
     * checkpoint takes the RocksDB checkpoint (flush and hard links) now; copying the new SST files into the shared
     * directory and writing the handle happen in the asynchronous part. The bytes are those {@link #snapshot} writes.
     */
    @Override
    public io.sluice.runtime.state.keyed.KeyedStateSnapshot snapshotAsync() throws IOException {
        CheckpointSnapshotContext context = CheckpointSnapshotContext.current();
        if (incremental && context != null && !context.isSavepoint() && context.sharedDirectory() != null) {
            return incrementalAsync(context);
        }
        List<Family> frozenFamilies = new ArrayList<>(families.values());
        List<StateMeta> metas = ownStates();
        FrozenEntries timers = freezeTimersAndPending();
        RocksDB frozenDb = db;
        org.rocksdb.Snapshot snapshot = frozenDb.getSnapshot();
        return new io.sluice.runtime.state.keyed.KeyedStateSnapshot() {
            private boolean released;

            @Override
            public void writeTo(OutputStream out) throws IOException {
                CountingOutputStream counting = new CountingOutputStream(out);
                List<RocksIterator> iterators = new ArrayList<>();
                try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
                    for (Family f : frozenFamilies) {
                        RocksIterator it = frozenDb.newIterator(f.handle(), read);
                        iterators.add(it);
                        it.seek(RocksKeys.keyGroupPrefix(keyGroupRange.startKeyGroup()));
                    }
                    writeFrozenSnapshot(counting, metas, (keyGroup, writer) -> {
                        byte[] prefix = RocksKeys.keyGroupPrefix(keyGroup);
                        for (int i = 0; i < iterators.size(); i++) {
                            RocksIterator it = iterators.get(i);
                            boolean list = frozenFamilies.get(i).meta().kind() == StateMeta.Kind.LIST;
                            for (; it.isValid(); it.next()) {
                                byte[] key = it.key();
                                if (!RocksKeys.startsWith(key, prefix)) {
                                    break;
                                }
                                byte[] value = it.value();
                                if (list) {
                                    RocksKeys.Parts parts = RocksKeys.parse(key);
                                    writer.entry(i, parts.key(), parts.namespace(), parts.rest(),
                                            SerializedBytes.joinList(RocksKeys.listElements(value)));
                                } else {
                                    writer.entryLaidOut(i, key, 2, RocksKeys.subKeyStart(key), value);
                                }
                            }
                        }
                    }, timers);
                } finally {
                    iterators.forEach(RocksIterator::close);
                }
                lastSnapshotBytes = counting.count;
            }

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    frozenDb.releaseSnapshot(snapshot);
                    snapshot.close();
                }
            }
        };
    }

    /**
     * Takes a RocksDB checkpoint of the instance (hard links of its SST files, after flushing the memtables), copies
     * into the shared directory the SST files the previous incremental snapshot did not upload, and writes the handle:
     * every SST file with its shared name, the small files (MANIFEST, CURRENT, OPTIONS) themselves, the states and the
     * timers. Every shared file the handle references is registered with the checkpoint, which keeps it as long as a
     * retained checkpoint lists it. Files are only reused from the previous snapshot, when they are still in the shared
     * directory: shared files are only deleted when a checkpoint completes without them, so those of a checkpoint
     * that failed later (another instance's write failed) stay until the next one, which references them again.
     */
    private void snapshotIncremental(CheckpointSnapshotContext context, OutputStream out) throws IOException {
        try (io.sluice.runtime.state.keyed.KeyedStateSnapshot snapshot = incrementalAsync(context)) {
            snapshot.writeTo(out);
        }
    }

    /**
     * The synchronous part of an incremental snapshot: the RocksDB checkpoint of the instance (flush, hard links),
     * the states and the heap timers; the returned snapshot uploads the new SST files and writes the handle.
     */
    private io.sluice.runtime.state.keyed.KeyedStateSnapshot incrementalAsync(CheckpointSnapshotContext context)
            throws IOException {
        Path shared = context.sharedDirectory().toAbsolutePath().normalize();
        Files.createDirectories(shared);
        if (!shared.equals(uploadedTo)) { // restored from another job's checkpoint: never reference its files
            uploaded = new HashMap<>();
            uploadedTo = shared;
        }
        Path local = directory.resolve("checkpoint-" + context.checkpointId() + "-" + (workCounter++));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        for (Family f : families.values()) {
            handles.add(f.handle());
        }
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
                Checkpoint checkpoint = Checkpoint.create(db)) {
            if (!handles.isEmpty()) {
                db.flush(flush, handles);
            }
            checkpoint.createCheckpoint(local.toString());
        } catch (RocksDBException e) {
            throw new IOException("RocksDB state backend: cannot take a checkpoint of the instance: "
                    + e.getMessage(), e);
        }
        List<StateMeta> metas = ownStates();
        java.io.ByteArrayOutputStream timers = new java.io.ByteArrayOutputStream();
        try {
            snapshotTimersAndPending(timers);
        } catch (IOException | RuntimeException e) {
            RocksDBFiles.deleteRecursively(local);
            throw e;
        }
        Map<String, IncrementalSnapshotHandle.SharedFile> previousUploads = uploaded;
        return new io.sluice.runtime.state.keyed.KeyedStateSnapshot() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                long uploadedBytes = 0;
                Map<String, IncrementalSnapshotHandle.SharedFile> now = new HashMap<>();
                List<IncrementalSnapshotHandle.SharedFile> ssts = new ArrayList<>();
                List<IncrementalSnapshotHandle.PrivateFile> privates = new ArrayList<>();
                List<Path> files;
                try (Stream<Path> list = Files.list(local)) {
                    files = list.sorted().toList();
                }
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".sst")) {
                        privates.add(new IncrementalSnapshotHandle.PrivateFile(name, Files.readAllBytes(file)));
                        continue;
                    }
                    long size = Files.size(file);
                    IncrementalSnapshotHandle.SharedFile previous = previousUploads.get(name);
                    IncrementalSnapshotHandle.SharedFile sst;
                    if (previous != null && previous.size() == size
                            && Files.isRegularFile(shared.resolve(previous.sharedName()))) {
                        sst = previous;
                    } else {
                        sst = new IncrementalSnapshotHandle.SharedFile(name, UUID.randomUUID() + ".sst", size);
                        Files.copy(file, shared.resolve(sst.sharedName()));
                        uploadedBytes += size;
                    }
                    context.registerSharedFile(sst.sharedName());
                    now.put(name, sst);
                    ssts.add(sst);
                }
                CountingOutputStream counting = new CountingOutputStream(out);
                new IncrementalSnapshotHandle(maxParallelism, keySerializer.identity(), keyGroupRange, shared, metas,
                        ssts, privates, timers.toByteArray()).write(counting);
                uploaded = now;
                lastSnapshotBytes = uploadedBytes + counting.count;
            }

            @Override
            public void close() {
                try {
                    RocksDBFiles.deleteRecursively(local);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete the RocksDB checkpoint " + local, e);
                }
            }
        };
    }

    /**
     * Bytes the last snapshot wrote: a full snapshot's length, or for an incremental one the SST files it uploaded
     * plus the handle (the files it only references are not counted). For metrics and benchmarks.
     */
    public long lastSnapshotBytes() {
        return lastSnapshotBytes;
    }

    /**
     * Restores full snapshots (of either backend) entry by entry, and incremental handles from their files: a single
     * handle of this backend's key-group range with no key filter (a restart at the same parallelism) becomes the
     * instance itself, opened on the checkpoint's files; otherwise (rescaling) each handle's instance is opened
     * read-only from its files in a temporary directory and the entries of this backend's key groups (that the key
     * filter accepts) are copied over.
     */
    @Override
    public void restore(List<InputStream> snapshots, Predicate<byte[]> keyFilter) throws IOException {
        for (InputStream given : snapshots) {
            InputStream in = given.markSupported() ? given : new java.io.BufferedInputStream(given);
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (!IncrementalSnapshotHandle.isHandle(magic)) { // a full snapshot, read as a stream
                super.restore(List.of(in), keyFilter);
                continue;
            }
            IncrementalSnapshotHandle handle = IncrementalSnapshotHandle.read(in.readAllBytes());
            handle.checkCompatible(maxParallelism, keySerializer.identity());
            if (snapshots.size() == 1 && keyFilter == null && handle.keyGroupRange().equals(keyGroupRange)
                    && families.isEmpty() && states.isEmpty()) {
                restoreInstance(handle);
            } else {
                restoreEntries(handle, keyFilter);
            }
            super.restore(List.of(new ByteArrayInputStream(handle.timers())), keyFilter);
        }
    }

    /** Replaces the (empty) instance with the checkpoint's: its files, its column families. */
    private void restoreInstance(IncrementalSnapshotHandle handle) throws IOException {
        closeDb();
        RocksDBFiles.deleteRecursively(dbDirectory);
        RocksDBFiles.materialize(handle, dbDirectory);
        openDb(handle.states());
        uploaded = new HashMap<>();
        for (IncrementalSnapshotHandle.SharedFile f : handle.sstFiles()) {
            uploaded.put(f.localName(), f);
        }
        uploadedTo = handle.sharedDirectory();
    }

    /** Copies the entries of this backend's key groups (that {@code keyFilter} accepts) from a handle's instance. */
    private void restoreEntries(IncrementalSnapshotHandle handle, Predicate<byte[]> keyFilter) throws IOException {
        Path copy = directory.resolve("restore-" + (workCounter++));
        try {
            RocksDBFiles.materialize(handle, copy);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
            for (StateMeta meta : handle.states()) {
                descriptors.add(new ColumnFamilyDescriptor(meta.id().getBytes(StandardCharsets.UTF_8),
                        familyOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB source = RocksDB.openReadOnly(dbOptions, copy.toString(), descriptors, handles)) {
                try {
                    for (int i = 0; i < handle.states().size(); i++) {
                        StateMeta meta = handle.states().get(i);
                        Family target = family(meta);
                        target.meta().checkCompatible(meta);
                        copyKeyGroups(source, handles.get(i + 1), target.handle(), keyFilter);
                    }
                } finally {
                    for (ColumnFamilyHandle h : handles) {
                        h.close();
                    }
                }
            } catch (RocksDBException e) {
                throw new IOException("RocksDB state backend: cannot read the checkpoint's instance: "
                        + e.getMessage(), e);
            }
        } finally {
            RocksDBFiles.deleteRecursively(copy);
        }
    }

    private void copyKeyGroups(RocksDB source, ColumnFamilyHandle from, ColumnFamilyHandle to,
            Predicate<byte[]> keyFilter) throws RocksDBException {
        if (keyGroupRange.size() == 0) {
            return;
        }
        try (ReadOptions read = new ReadOptions(); RocksIterator it = source.newIterator(from, read);
                WriteBatch batch = new WriteBatch()) {
            for (it.seek(RocksKeys.keyGroupPrefix(keyGroupRange.startKeyGroup())); it.isValid(); it.next()) {
                byte[] key = it.key();
                RocksKeys.Parts parts = RocksKeys.parse(key);
                if (parts.keyGroup() > keyGroupRange.endKeyGroup()) {
                    break;
                }
                if (keyFilter != null && !keyFilter.test(parts.key())) {
                    continue;
                }
                batch.put(to, key, it.value());
                if (batch.count() >= 1024) {
                    db.write(writeOptions, batch);
                    batch.clear();
                }
            }
            if (batch.count() > 0) {
                db.write(writeOptions, batch);
            }
        }
    }

    /** Counts the bytes written through it. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    @Override
    public long stateSizeBytes() {
        long size = 0;
        try {
            for (Family f : families.values()) {
                size += db.getLongProperty(f.handle(), "rocksdb.estimate-live-data-size");
                size += db.getLongProperty(f.handle(), "rocksdb.cur-size-all-mem-tables");
            }
        } catch (RocksDBException e) {
            throw failure("read the state size", e);
        }
        return size;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeDb();
        writeOptions.close();
        familyOptions.close();
        filter.close();
        dbOptions.close();
        appendOperator.close();
        try {
            RocksDBFiles.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the RocksDB working directory " + directory, e);
        }
    }

    private static IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("RocksDB state backend: cannot " + what + ": " + e.getMessage(), e);
    }
}
