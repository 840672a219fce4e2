package io.sluice.table.sqltest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every example of {@code docs/match-recognize.md} is tested: each ```sql block appears (up to white space) in a
 * MATCH_RECOGNIZE golden file that {@link SqlGoldenTest} runs, and each ```text block's rows are among that file's
 * expected rows.
 */
class MatchRecognizeDocPageTest {
    private static final Pattern BLOCK = Pattern.compile("```(sql|text)\\n(.*?)```", Pattern.DOTALL);

    private static String normalized(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void everyExampleIsInAGoldenFile() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String page = Files.readString(module.resolveSibling("docs").resolve("match-recognize.md"));
        Path dir = module.resolve("src/test/resources/sqltest");
        String golden = Files.readString(dir.resolve("stream_match_recognize.sql.test")) + "\n"
                + Files.readString(dir.resolve("match_recognize.sql.test"));
        String goldenNormalized = normalized(golden);
        List<String> goldenLines = golden.lines().map(String::strip).toList();
        Matcher m = BLOCK.matcher(page);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals("sql")) {
                assertTrue(goldenNormalized.contains(normalized(m.group(2))),
                        "docs/match-recognize.md shows SQL no golden file runs:\n" + m.group(2));
            } else {
                for (String row : m.group(2).strip().split("\n")) {
                    assertTrue(goldenLines.contains(row.strip()), "a result row no golden file expects: " + row);
                }
            }
            checked.add(m.group(2));
        }
        assertTrue(checked.size() >= 8, "examples found: " + checked.size());
    }
}
