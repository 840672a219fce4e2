package io.sluice.core.fs;

import java.io.File;
import java.net.URI;

/** A path of a local file or directory ({@code file://} URIs or plain paths). */
public class Path implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String path;

    public Path(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("Can not create a Path from an empty string");
        }
        if (path.contains("://") && !path.startsWith("file://")) {
            throw new UnsupportedOperationException("not supported yet: file systems other than the local one ("
                    + path + ")");
        }
        this.path = path.startsWith("file://") ? URI.create(path).getPath() : path;
    }

    public Path(URI uri) {
        this(uri.toString());
    }

    public static Path fromLocalFile(File file) {
        return new Path(file.getAbsolutePath());
    }

    public String getName() {
        return new File(path).getName();
    }

    public URI toUri() {
        return new File(path).toURI();
    }

    /** The local file system path. */
    public java.nio.file.Path toLocalPath() {
        return java.nio.file.Path.of(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path && ((Path) o).path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
