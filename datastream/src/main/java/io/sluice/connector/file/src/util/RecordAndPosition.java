package io.sluice.connector.file.src.util;

/**
 * A record a bulk format read, with the position after it: the offset a reader can resume from and the number of
 * records to skip after that offset.
 */
public class RecordAndPosition<E> {
    E record;
    long offset;
    long recordSkipCount;

    public RecordAndPosition(E record, long offset, long recordSkipCount) {
        this.record = record;
        this.offset = offset;
        this.recordSkipCount = recordSkipCount;
    }

    /** An empty holder, to be filled (for readers that reuse one object per batch). */
    public RecordAndPosition() {
    }

    public E getRecord() {
        return record;
    }

    public long getOffset() {
        return offset;
    }

    public long getRecordSkipCount() {
        return recordSkipCount;
    }

    @Override
    public String toString() {
        return record + " @ " + offset + " + " + recordSkipCount;
    }
}
