package io.sluice.benchmarks.flinkpeer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements file that the Sluice benchmark writes beside a CSV directory: one statement a line;
 * the lines after {@code -- setup} declare the tables; each {@code -- query NAME TABLES} line is
 * followed by the query's sink DDL and its INSERT.
 *
 * @param dir the CSV directory (the file's path without {@code .sql})
 * @param setup the statements that declare the tables
 * @param queries the queries by name, in file order
 */
record NexmarkScript(Path dir, List<String> setup, Map<String, Query> queries) {
    /**
     * One query of the file.
     *
     * @param name e.g. {@code q5}
     * @param tables the tables it reads
     * @param sinkDdl the CREATE TABLE of its sink
     * @param insert the INSERT that is timed
     */
    record Query(String name, List<String> tables, String sinkDdl, String insert) {
    }

    static NexmarkScript read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".sql")) {
            throw new IllegalArgumentException("not a .sql statements file: " + file);
        }
        Path dir = file.resolveSibling(fileName.substring(0, fileName.length() - 4));
        List<String> setup = new ArrayList<>();
        Map<String, Query> queries = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("-- query ")) {
                String[] parts = line.substring("-- query ".length()).trim().split(" ");
                if (parts.length != 2 || i + 2 >= lines.size()) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected '-- query NAME TABLES'"
                            + " followed by two statements");
                }
                queries.put(parts[0], new Query(parts[0], List.of(parts[1].split(",")), lines.get(i + 1),
                        lines.get(i + 2)));
                i += 3;
                continue;
            }
            if (!line.isBlank() && !line.startsWith("--")) {
                setup.add(line);
            }
            i++;
        }
        return new NexmarkScript(dir, setup, queries);
    }
}
