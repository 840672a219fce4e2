package io.sluice.connector.filesystem.partition;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.ValidationException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata the filesystem source can read, with Flink's keys and types: {@code file.path} (STRING NOT NULL,
 * the file's full path), {@code file.name} (STRING NOT NULL, its last path element), {@code file.size} (BIGINT
 * NOT NULL, bytes) and {@code file.modification-time} (TIMESTAMP_LTZ(3) NOT NULL).
 */
public enum FileMetadata {
    PATH("file.path", LogicalType.string().notNull()),
    NAME("file.name", LogicalType.string().notNull()),
    SIZE("file.size", LogicalType.bigint().notNull()),
    MODIFICATION_TIME("file.modification-time", LogicalType.timestampLtz(3).notNull());

    private final String key;
    private final LogicalType type;

    FileMetadata(String key, LogicalType type) {
        this.key = key;
        this.type = type;
    }

    public String key() {
        return key;
    }

    public LogicalType type() {
        return type;
    }

    /** Every key with its type, in declaration order. */
    public static Map<String, LogicalType> all() {
        Map<String, LogicalType> m = new LinkedHashMap<>();
        for (FileMetadata f : values()) {
            m.put(f.key, f.type);
        }
        return m;
    }

    /**
     * The entry with this key, checked against the type a column declares for it.
     *
     * @throws ValidationException for an unknown key or a type that cannot hold the value
     */
    public static FileMetadata of(String key, LogicalType declared) {
        for (FileMetadata f : values()) {
            if (f.key.equals(key)) {
                if (!f.accepts(declared.root())) {
                    throw new ValidationException("Metadata key '" + key + "' of the filesystem connector has type "
                            + f.type + ", which cannot be read as " + declared + ".");
                }
                return f;
            }
        }
        throw new ValidationException("Invalid metadata key '" + key + "'. The filesystem connector supports the"
                + " following metadata keys for reading: " + String.join(", ", all().keySet()) + ".");
    }

    private boolean accepts(TypeRoot root) {
        switch (this) {
            case PATH:
            case NAME:
                return root.isCharacterString();
            case SIZE:
                return root == TypeRoot.BIGINT || root.isCharacterString();
            default:
                return root == TypeRoot.TIMESTAMP_LTZ;
        }
    }

    /** The external value of this metadata for {@code file}, converted to the declared type's family. */
    public Object value(Path file, BasicFileAttributes attributes, LogicalType declared) {
        switch (this) {
            case PATH:
                return file.toAbsolutePath().toString();
            case NAME:
                return file.getFileName().toString();
            case SIZE:
                return declared.root().isCharacterString() ? Long.toString(attributes.size()) : attributes.size();
            default:
                return attributes.lastModifiedTime().toInstant();
        }
    }
}
