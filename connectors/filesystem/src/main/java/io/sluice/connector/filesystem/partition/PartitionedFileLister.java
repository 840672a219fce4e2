package io.sluice.connector.filesystem.partition;

import io.sluice.connector.filesystem.FileLister;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the files of a partitioned filesystem table: every visible file below {@code root} whose directory
 * path starts with one {@code key=value} directory per partition key, in key order (files elsewhere, e.g.
 * directly in the root, belong to no partition and are ignored, as in Flink). Sorted by path.
 */
public final class PartitionedFileLister {
    private PartitionedFileLister() {
    }

    /** A file and the partition values of its directory (null for the default partition). */
    public record PartitionedFile(Path file, List<String> partitionValues) {
    }

    /**
     * The files of the table; with a non-null {@code partitions} only those in one of these partitions (each a
     * list of values in key order).
     */
    public static List<PartitionedFile> list(Path root, List<String> keys, String defaultName,
            Set<List<String>> partitions) throws IOException {
        List<PartitionedFile> result = new ArrayList<>();
        for (Path file : FileLister.list(root)) {
            List<String> values = keys.isEmpty() ? List.of() : valuesOf(root, file, keys, defaultName);
            if (values != null && (partitions == null || partitions.contains(values))) {
                result.add(new PartitionedFile(file, values));
            }
        }
        return result;
    }

    /** The distinct partitions holding at least one visible file, each mapping key to value, in path order. */
    public static List<Map<String, String>> partitions(Path root, List<String> keys, String defaultName)
            throws IOException {
        List<Map<String, String>> result = new ArrayList<>();
        List<String> previous = null;
        for (PartitionedFile f : list(root, keys, defaultName, null)) {
            if (!f.partitionValues().equals(previous)) {
                previous = f.partitionValues();
                Map<String, String> spec = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    spec.put(keys.get(i), previous.get(i));
                }
                if (!result.contains(spec)) {
                    result.add(spec);
                }
            }
        }
        return result;
    }

    private static List<String> valuesOf(Path root, Path file, List<String> keys, String defaultName) {
        if (file.equals(root)) {
            return null;
        }
        Path dir = root.relativize(file).getParent();
        if (dir == null) {
            return null;
        }
        List<String> segments = new ArrayList<>(dir.getNameCount());
        for (Path p : dir) {
            segments.add(p.toString());
        }
        return PartitionPaths.parse(segments, keys, defaultName);
    }
}
