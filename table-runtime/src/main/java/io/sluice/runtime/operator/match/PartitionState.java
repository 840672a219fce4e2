package io.sluice.runtime.operator.match;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one partition key: rows waiting for the watermark, the rows the open computations still
 * reference (consecutive ids from {@code baseId}), and the computations.
 */
final class PartitionState implements Nfa.Rows {
    /** A buffered row with its time and arrival sequence number. */
    record Pending(Object[] row, long time, long seq) {
    }

    final Object[] key;
    final List<Pending> pending = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private long baseId;
    List<Computation> computations = new ArrayList<>();
    /** Completed matches waiting for an earlier partial match to end. */
    final List<Computation> completed = new ArrayList<>();

    PartitionState(Object[] key) {
        this.key = key;
    }

    @Override
    public Object[] row(long id) {
        return rows.get((int) (id - baseId));
    }

    /** Appends a row to the processed rows; returns its id. */
    long append(Object[] row) {
        rows.add(row);
        return baseId + rows.size() - 1;
    }

    /** Drops processed rows no computation references any more. */
    void trim() {
        long keepFrom = baseId + rows.size();
        for (Computation c : computations) {
            keepFrom = Math.min(keepFrom, c.startId());
        }
        for (Computation c : completed) {
            keepFrom = Math.min(keepFrom, c.startId());
        }
        int drop = (int) (keepFrom - baseId);
        if (drop > 0) {
            rows.subList(0, drop).clear();
            baseId = keepFrom;
        }
    }

    /** The earliest start time of an open computation, or {@link Long#MAX_VALUE} when there is none. */
    long earliestStart() {
        long earliest = Long.MAX_VALUE;
        for (Computation c : computations) {
            earliest = Math.min(earliest, c.startTime());
        }
        return earliest;
    }

    boolean isEmpty() {
        return pending.isEmpty() && computations.isEmpty() && completed.isEmpty();
    }

    int rowCount() {
        return pending.size() + rows.size();
    }

    void write(StateWriter out, RowType keyType, RowType storedType) throws IOException {
        writeRow(out, keyType, key);
        out.writeInt(pending.size());
        for (Pending p : pending) {
            out.writeLong(p.time());
            out.writeLong(p.seq());
            writeRow(out, storedType, p.row());
        }
        out.writeLong(baseId);
        out.writeInt(rows.size());
        for (Object[] r : rows) {
            writeRow(out, storedType, r);
        }
        writeComputations(out, computations);
        writeComputations(out, completed);
    }

    private static void writeComputations(StateWriter out, List<Computation> list) throws IOException {
        out.writeInt(list.size());
        for (Computation c : list) {
            out.writeLong(c.startId());
            out.writeLong(c.startTime());
            out.writeInt(c.position());
            out.writeInt(c.taken());
            out.writeInts(c.elements(), c.elements().length);
        }
    }

    private static void readComputations(StateReader in, List<Computation> into) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long startId = in.readLong();
            long startTime = in.readLong();
            int position = in.readInt();
            int taken = in.readInt();
            into.add(new Computation(startId, startTime, position, taken, in.readInts()));
        }
    }

    static PartitionState read(StateReader in, RowType keyType, RowType storedType) throws IOException {
        PartitionState s = new PartitionState(readRow(in, keyType));
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long time = in.readLong();
            long seq = in.readLong();
            s.pending.add(new Pending(readRow(in, storedType), time, seq));
        }
        s.baseId = in.readLong();
        n = in.readInt();
        for (int i = 0; i < n; i++) {
            s.rows.add(readRow(in, storedType));
        }
        readComputations(in, s.computations);
        readComputations(in, s.completed);
        return s;
    }

    static void writeRow(StateWriter out, RowType type, Object[] row) throws IOException {
        for (int i = 0; i < type.size(); i++) {
            out.writeValue(type.type(i), row[i]);
        }
    }

    static Object[] readRow(StateReader in, RowType type) throws IOException {
        Object[] row = new Object[type.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = in.readValue(type.type(i));
        }
        return row;
    }
}
