package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.vector.FieldVector;

/**
 * Turns some columns of a row into bytes and back, for join state kept in a keyed-state backend: the bytes of a
 * stored row are its identity in the backend (equal rows give equal bytes) and are decoded into Arrow vectors to
 * be joined. Values are written with {@link StateWriter#writeValue}, so every type a checkpoint can hold works.
 */
final class JoinRowCodec {
    private final RowType type;
    private final int[] columns;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final StateWriter writer = new StateWriter(bytes);

    /** A codec of columns {@code columns} of rows of {@code type}. */
    JoinRowCodec(RowType type, int[] columns) {
        this.type = type;
        this.columns = columns.clone();
    }

    /** A codec of every column of {@code type}. */
    static JoinRowCodec allColumns(RowType type) {
        int[] columns = new int[type.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c;
        }
        return new JoinRowCodec(type, columns);
    }

    /** The bytes of row {@code row} of {@code vectors} (vectors of the whole row type). */
    byte[] encode(FieldVector[] vectors, int row) {
        bytes.reset();
        try {
            for (int c : columns) {
                writer.writeValue(type.type(c), VectorValues.get(type.type(c), vectors[c], row));
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a join row of " + type, e);
        }
        return bytes.toByteArray();
    }

    /** Writes the row {@code data} holds into position {@code index} of {@code target} (one vector per column). */
    void decodeInto(byte[] data, FieldVector[] target, int index) {
        StateReader reader = new StateReader(new ByteArrayInputStream(data));
        try {
            for (int c : columns) {
                VectorValues.set(type.type(c), target[c], index, reader.readValue(type.type(c)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored join row of " + type, e);
        }
    }
}
