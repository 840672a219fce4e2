package io.sluice.runtime.state;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Writes an operator's state into a checkpoint: primitives, arrays, external values of a
 * {@link LogicalType}, and Arrow columns (as an Arrow IPC stream). {@link StateReader} reads the
 * same sequence back.
 */
public final class StateWriter {
    private final DataOutputStream out;
    private final OutputStream target;

    public StateWriter(OutputStream out) {
        this.target = out;
        this.out = new DataOutputStream(out);
    }

    /** Writes part of the state into the stream (as opposed to reading it back). */
    @FunctionalInterface
    public interface Part {
        void writeTo(OutputStream out) throws Exception;
    }

    public void writeInt(int v) throws IOException {
        out.writeInt(v);
    }

    public void writeLong(long v) throws IOException {
        out.writeLong(v);
    }

    public void writeBoolean(boolean v) throws IOException {
        out.writeBoolean(v);
    }

    public void writeDouble(double v) throws IOException {
        out.writeDouble(v);
    }

    public void writeString(String s) throws IOException {
        out.writeUTF(s);
    }

    /** The first {@code n} values of {@code values}. */
    public void writeLongs(long[] values, int n) throws IOException {
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeLong(values[i]);
        }
    }

    public void writeDoubles(double[] values, int n) throws IOException {
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeDouble(values[i]);
        }
    }

    public void writeInts(int[] values, int n) throws IOException {
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeInt(values[i]);
        }
    }

    public void writeBooleans(boolean[] values, int n) throws IOException {
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeBoolean(values[i]);
        }
    }

    public void writeBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** {@code bytes} as they are, without a length (the reader knows where they end). */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /**
     * What {@code part} writes, as one length-prefixed byte string ({@link StateReader#readBytes} reads it, the same
     * bytes as {@link #writeBytes} of it). Into a checkpoint file it is streamed and its length patched afterwards;
     * into any other stream it is gathered in memory first.
     */
    public void writeSized(Part part) throws Exception {
        out.flush();
        if (target instanceof io.sluice.runtime.checkpoint.StateFileOutput file) {
            long at = file.position();
            out.writeInt(0);
            part.writeTo(file);
            long length = file.position() - at - 4;
            if (length > Integer.MAX_VALUE) {
                throw new IOException("a state part of " + length + " bytes is larger than a checkpoint allows");
            }
            file.patchInt(at, (int) length);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.writeTo(bytes);
        writeBytes(bytes.toByteArray());
    }

    /** One external value of {@code type} (as {@link VectorValues#get} returns it), or null. */
    public void writeValue(LogicalType type, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        switch (type.root()) {
            case BOOLEAN:
                out.writeBoolean((Boolean) value);
                break;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                out.writeLong(((Number) value).longValue());
                break;
            case FLOAT:
            case DOUBLE:
                out.writeDouble(((Number) value).doubleValue());
                break;
            case DECIMAL:
                out.writeUTF(((java.math.BigDecimal) value).toString());
                break;
            case CHAR:
            case VARCHAR:
                writeBytes(((String) value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                break;
            case BINARY:
            case VARBINARY:
                writeBytes(value instanceof java.nio.ByteBuffer ? toArray((java.nio.ByteBuffer) value) : (byte[]) value);
                break;
            case DATE:
                out.writeLong(((java.time.LocalDate) value).toEpochDay());
                break;
            case TIME:
                out.writeLong(((java.time.LocalTime) value).toNanoOfDay());
                break;
            case TIMESTAMP:
                out.writeLong(io.sluice.runtime.types.TimestampUnits.fromLocalDateTime(
                        (java.time.LocalDateTime) value, type.precision()));
                break;
            case TIMESTAMP_LTZ:
                out.writeLong(io.sluice.runtime.types.TimestampUnits.fromInstant(
                        (java.time.Instant) value, type.precision()));
                break;
            case INTERVAL_YEAR_MONTH:
                out.writeLong(((java.time.Period) value).toTotalMonths());
                break;
            case INTERVAL_DAY_TIME:
                out.writeLong(((java.time.Duration) value).toMillis());
                break;
            case ARRAY: {
                Object[] a = value instanceof java.util.Collection ? ((java.util.Collection<?>) value).toArray()
                        : (Object[]) value;
                out.writeInt(a.length);
                for (Object e : a) {
                    writeValue(type.elementType(), e);
                }
                break;
            }
            case MAP:
            case MULTISET: {
                java.util.Map<?, ?> m = (java.util.Map<?, ?>) value;
                LogicalType valueType = type.root() == io.sluice.runtime.types.TypeRoot.MAP ? type.valueType()
                        : LogicalType.integer();
                out.writeInt(m.size());
                for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                    writeValue(type.keyType(), e.getKey());
                    writeValue(valueType, e.getValue());
                }
                break;
            }
            case ROW: {
                io.sluice.types.Row r = (io.sluice.types.Row) value;
                for (int f = 0; f < type.children().size(); f++) {
                    writeValue(type.children().get(f), r.getField(f));
                }
                break;
            }
            default:
                throw new IOException("cannot write a state value of type " + type);
        }
    }

    private static byte[] toArray(java.nio.ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    /** The first {@code rowCount} rows of {@code vectors} (of {@code type}), as an Arrow IPC stream. */
    public void writeColumns(RowType type, List<FieldVector> vectors, int rowCount) throws IOException {
        List<FieldVector> sliced = new ArrayList<>(vectors.size());
        try {
            for (FieldVector v : vectors) {
                org.apache.arrow.vector.util.TransferPair tp = v.getTransferPair(v.getAllocator());
                if (rowCount > 0) {
                    tp.splitAndTransfer(0, rowCount);
                }
                FieldVector copy = (FieldVector) tp.getTo();
                copy.setValueCount(rowCount);
                sliced.add(copy);
            }
            VectorSchemaRoot root = new VectorSchemaRoot(type.toArrowSchema().getFields(), sliced, rowCount);
            writeSized(stream -> {
                try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, Channels.newChannel(unclosable(stream)))) {
                    w.start();
                    w.writeBatch();
                    w.end();
                }
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            sliced.forEach(FieldVector::close);
        }
    }

    /** {@code out}, except that closing it only flushes it (the Arrow writer closes its channel). */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** A whole batch (its row kinds are not written: state holds inserts). */
    public void writeBatch(RowBatch batch) throws IOException {
        List<FieldVector> vectors = new ArrayList<>();
        for (int c = 0; c < batch.columnCount(); c++) {
            vectors.add(batch.vector(c));
        }
        writeColumns(batch.type(), vectors, batch.rowCount());
    }

    public void flush() throws IOException {
        out.flush();
    }
}
