package io.sluice.core.fs;

import java.io.IOException;
import java.io.InputStream;

/** A stream of a file's bytes that can tell and change its position. */
public abstract class FSDataInputStream extends InputStream {
    /** Moves to byte {@code desired} of the file; the next read starts there. */
    public abstract void seek(long desired) throws IOException;

    /** The position of the next byte read, from the file's start. */
    public abstract long getPos() throws IOException;
}
