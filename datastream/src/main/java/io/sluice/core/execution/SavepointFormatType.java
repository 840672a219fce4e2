package io.sluice.core.execution;

/** The format of a savepoint; Sluice writes one format. */
public enum SavepointFormatType {
    CANONICAL,
    NATIVE,
    DEFAULT
}
