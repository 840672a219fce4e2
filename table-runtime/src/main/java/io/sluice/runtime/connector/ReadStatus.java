package io.sluice.runtime.connector;

/** Result of {@link SourceReader#pollNext}. */
public enum ReadStatus {
    /** More data can be read right away. */
    MORE_AVAILABLE,
    /** Nothing right now; poll again later. */
    NOTHING_AVAILABLE,
    /** The reader has emitted everything it ever will. */
    END_OF_INPUT
}
