package io.sluice.connector.file.src.reader;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.configuration.Configuration;
import io.sluice.core.fs.FSDataInputStream;
import java.io.IOException;

/** A {@link StreamFormat} that reads a file from its start to its end, not splittable. */
public abstract class SimpleStreamFormat<T> implements StreamFormat<T> {
    private static final long serialVersionUID = 1L;

    /** A reader of the whole file {@code stream} reads. */
    public abstract Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException;

    @Override
    public abstract TypeInformation<T> getProducedType();

    @Override
    public final Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        if (splitEnd != fileLen) {
            throw new IllegalArgumentException("SimpleStreamFormat is not splittable, but found split end ("
                    + splitEnd + ") different from file length (" + fileLen + ")");
        }
        return createReader(config, stream);
    }

    @Override
    public final Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
            long fileLen, long splitEnd) throws IOException {
        stream.seek(restoredOffset);
        return createReader(config, stream, fileLen, splitEnd);
    }

    @Override
    public final boolean isSplittable() {
        return false;
    }
}
