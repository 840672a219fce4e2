package io.sluice.table.api.fluent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ```java block of docs/table-api.md is code that {@link TableApiGuideTest} compiles and runs. */
class TableApiDocPageTest {
    private static String normalized(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                sb.append(t).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void everyJavaBlockIsInTheGuideTest() throws Exception {
        Path page = Path.of("..", "docs", "table-api.md");
        String doc = Files.readString(page, StandardCharsets.UTF_8);
        String source = normalized(Files.readString(Path.of("src", "test", "java", "io", "sluice", "table", "api",
                "fluent", "TableApiGuideTest.java"), StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while ((at = doc.indexOf("```java\n", at)) >= 0) {
            int end = doc.indexOf("```", at + 8);
            blocks.add(doc.substring(at + 8, end));
            at = end + 3;
        }
        assertTrue(blocks.size() >= 4, "expected the page's Java examples, found " + blocks.size());
        for (String block : blocks) {
            String body = normalized(block);
            if (body.startsWith("import ")) {
                continue;
            }
            assertTrue(source.contains(body), "docs/table-api.md shows code that TableApiGuideTest does not run:\n"
                    + block);
        }
    }
}
