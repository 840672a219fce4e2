package io.sluice.util;

import java.util.Iterator;

/** An iterator over resources that must be released: close it when done, also before the end. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close();
}
