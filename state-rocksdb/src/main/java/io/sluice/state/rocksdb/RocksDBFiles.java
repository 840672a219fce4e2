package io.sluice.state.rocksdb;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File work of incremental checkpoints: laying out a checkpoint's files as a RocksDB directory, deleting one. */
final class RocksDBFiles {
    private RocksDBFiles() {
    }

    /**
     * Puts the files of {@code handle} into the new directory {@code target}: the SST files from the shared directory
     * under their local names (hard links where the file system allows, copies otherwise; RocksDB never changes an
     * SST file, it only deletes it), the other files from the handle. Fails when a shared file is missing or has
     * another size than the checkpoint recorded.
     */
    static void materialize(IncrementalSnapshotHandle handle, Path target) throws IOException {
        Files.createDirectories(target);
        for (IncrementalSnapshotHandle.SharedFile f : handle.sstFiles()) {
            Path source = handle.sharedDirectory().resolve(f.sharedName());
            if (!Files.isRegularFile(source) || Files.size(source) != f.size()) {
                throw new IOException("the checkpoint's state file " + source + (Files.exists(source)
                        ? " has " + Files.size(source) + " bytes, not " + f.size() : " is missing"));
            }
            linkOrCopy(source, target.resolve(f.localName()));
        }
        for (IncrementalSnapshotHandle.PrivateFile f : handle.privateFiles()) {
            Files.write(target.resolve(f.name()), f.content());
        }
    }

    static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) { // another file system, or no hard links there
            Files.copy(source, target);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
