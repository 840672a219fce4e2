package io.sluice.table.sqltest;

import io.sluice.table.api.ResultKind;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * What the corpus-wide property tests ({@link StreamingMatchesBatchTest}, {@link ParallelMatchesSerialTest})
 * share: folding a changelog into the table it describes, draining a statement's result, reading the
 * {@code file:line reason} listings of records to skip, and emptying an output directory.
 */
final class ChangelogFolding {
    private ChangelogFolding() {
    }

    /** Folds a changelog into a table of rendered rows: inserts add a row, retractions remove an equal one. */
    record Folder(String where, RowRenderer renderer, List<String> table) {
        void apply(Row row) {
            String text = renderer.render(row);
            if (row.getKind().isAccumulate()) {
                table.add(text);
            } else if (!table.remove(text)) {
                throw new AssertionFailedError(where + ": " + row.getKind().shortString() + " retracts " + text
                        + ", which is not in the table " + table);
            }
        }
    }

    /** How long one statement may take before the property tests call it hung (bounded inputs end in seconds). */
    private static final long DRAIN_TIMEOUT_SECONDS = 120;

    /**
     * Reads every row of a statement's result into {@code folder} (if any) and waits for its job; a job that has
     * not ended after {@link #DRAIN_TIMEOUT_SECONDS} fails the test (and is cancelled) instead of hanging the build.
     */
    static void drain(TableResult result, Folder folder) throws Exception {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            drainNow(result, folder);
            return null;
        });
        Thread t = new Thread(task, "drain");
        t.setDaemon(true);
        t.start();
        try {
            task.get(DRAIN_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            result.getJobClient().ifPresent(c -> c.cancel());
            throw new AssertionFailedError("the statement's job did not end within " + DRAIN_TIMEOUT_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw (Error) e.getCause();
        }
    }

    private static void drainNow(TableResult result, Folder folder) throws Exception {
        if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
            try (CloseableIterator<Row> it = result.collect()) {
                while (it.hasNext()) {
                    Row row = it.next();
                    if (folder != null) {
                        folder.apply(row);
                    }
                }
            }
        }
        if (result.getJobClient().isPresent()) {
            result.await();
        }
    }

    /** A {@code file:line reason} listing such as known-gaps.txt (empty when the file does not exist). */
    static Map<String, String> listing(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    int space = t.indexOf(' ');
                    m.put(space < 0 ? t : t.substring(0, space), space < 0 ? "" : t.substring(space + 1).strip());
                }
            }
        }
        return m;
    }

    /** Deletes {@code dir} with everything in it (if it exists) and creates it again, empty. */
    static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
