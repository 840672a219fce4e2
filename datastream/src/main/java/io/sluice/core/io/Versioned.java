package io.sluice.core.io;

/** Something with a version number (of its serialized form). */
public interface Versioned {
    int getVersion();
}
