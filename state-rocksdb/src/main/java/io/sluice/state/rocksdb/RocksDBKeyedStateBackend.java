package io.sluice.state.rocksdb;

import io.sluice.runtime.state.keyed.AbstractKeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedListState;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.KeyedSnapshotFormat;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.SerializedBytes;
import io.sluice.runtime.state.keyed.StateMeta;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * Keyed state in an embedded RocksDB instance on local disk ({@code state.backend.type: rocksdb}). Values are
 * serialized on every write and deserialized on every read, so state is bounded by disk, not heap. Timers stay
 * on the heap. The working directory is deleted on {@link #close}; durability comes from checkpoints, so the
 * write-ahead log is off.
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

    private final Path directory;
    private final Options options;
    private final StringAppendOperator appendOperator;
    private final ColumnFamilyOptions familyOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    /** Every state with a column family, registered or only restored, by id. */
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, RocksState<K, ?>> states = new LinkedHashMap<>();
    private boolean closed;
    private Object prefixKey;
    private int prefixKeyGroup = -1;
    private byte[] keyBytes;

    public RocksDBKeyedStateBackend(StateSerializer<K> keySerializer, int maxParallelism, KeyGroupRange range,
            Path directory) {
        super(keySerializer, maxParallelism, range);
        this.directory = directory;
        this.appendOperator = new StringAppendOperator("");
        this.options = new Options().setCreateIfMissing(true);
        this.familyOptions = new ColumnFamilyOptions().setMergeOperator(appendOperator);
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            this.db = RocksDB.open(options, directory.toString());
        } catch (RocksDBException e) {
            close();
            throw new IllegalStateException("Cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
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
        for (Family f : families.values()) {
            f.handle().close();
        }
        families.clear();
        states.clear();
        if (db != null) {
            db.close();
        }
        writeOptions.close();
        familyOptions.close();
        options.close();
        appendOperator.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the RocksDB working directory " + directory, e);
        }
    }

    private static IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("RocksDB state backend: cannot " + what + ": " + e.getMessage(), e);
    }
}
