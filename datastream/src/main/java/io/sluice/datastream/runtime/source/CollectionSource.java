package io.sluice.datastream.runtime.source;

import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The elements of {@code fromData}/{@code fromElements}/{@code fromCollection}, serialized when the job is built.
 * Like Flink's, the source is not parallel: instance 0 emits every element in order, the others none.
 */
public final class CollectionSource implements ScanTableSource {
    private final List<byte[]> records;

    public <T> CollectionSource(Collection<T> elements, StateSerializer<T> serializer) {
        this.records = new ArrayList<>(elements.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        int i = 0;
        for (T e : elements) {
            if (e == null) {
                throw new IllegalArgumentException("The collection contains a null element (at position " + i + ")");
            }
            bytes.reset();
            try {
                serializer.serialize(e, out);
                out.flush();
            } catch (IOException ex) {
                throw new IllegalArgumentException("Cannot serialize element " + i + " of the collection: "
                        + ex.getMessage(), ex);
            }
            records.add(bytes.toByteArray());
            i++;
        }
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        long end = context.subtaskIndex() == 0 ? records.size() : 0;
        return new RecordReader(context, 0, end) {
            @Override
            byte[] record(long index) {
                return records.get((int) index);
            }
        };
    }

    @Override
    public String describe() {
        return "collection(" + records.size() + " elements)";
    }
}
