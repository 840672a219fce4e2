package io.sluice.connector.filesystem;

import io.sluice.table.api.TableException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists the files a filesystem source reads: the path itself when it is a file, otherwise every regular
 * file below the directory, skipping files and directories whose names start with {@code .} or {@code _}
 * (in-progress and marker files), in sorted path order.
 */
public final class FileLister {
    private FileLister() {
    }

    /**
     * The files to read under {@code root}.
     *
     * @throws TableException when the path does not exist
     */
    public static List<Path> list(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new TableException("Path '" + root + "' of the filesystem table does not exist.");
        }
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !isHidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        return files;
    }

    /** True for names starting with {@code .} or {@code _}. */
    public static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.startsWith(".") || s.startsWith("_");
    }
}
