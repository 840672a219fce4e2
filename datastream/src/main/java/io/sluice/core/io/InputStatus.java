package io.sluice.core.io;

/** What a {@code SourceReader.pollNext} call tells about the records after it. */
public enum InputStatus {
    /** More records can be read right away. */
    MORE_AVAILABLE,
    /** Nothing to read now; the reader's {@code isAvailable()} future completes when there is. */
    NOTHING_AVAILABLE,
    /** The reader has emitted everything it ever will. */
    END_OF_INPUT
}
