package io.sluice.table.api.late;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.print.TableauPrinter;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of {@code docs/late-rows.md} runs as shown: its ```csv block is written to {@code late-demo/orders.csv},
 * its ```sql script is run statement by statement (paths under {@code late-demo/} made absolute), and the last
 * query's tableau output is the page's ```text block.
 */
class LateRowsDocPageTest {
    private static final Pattern BLOCK = Pattern.compile("```(csv|sql|text)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void theExampleScriptPrintsTheLateRowsThePageShows() throws Exception {
        String page = Files.readString(Path.of("").toAbsolutePath().resolveSibling("docs").resolve("late-rows.md"));
        List<String> csv = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        List<String> text = new ArrayList<>();
        Matcher m = BLOCK.matcher(page);
        while (m.find()) {
            (m.group(1).equals("csv") ? csv : m.group(1).equals("sql") ? sql : text).add(m.group(2));
        }
        assertEquals(1, csv.size());
        assertEquals(1, sql.size());
        assertEquals(1, text.size());
        Path demo = dir.resolve("late-demo");
        Files.createDirectories(demo);
        Files.writeString(demo.resolve("orders.csv"), csv.get(0), StandardCharsets.UTF_8);

        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        String script = sql.get(0).replace("'late-demo/", "'" + demo + "/");
        String[] statements = script.split(";\\s*\\n");
        TableResult last = null;
        for (String statement : statements) {
            String s = statement.strip();
            if (!s.isEmpty()) {
                last = env.executeSql(s.endsWith(";") ? s.substring(0, s.length() - 1) : s);
            }
        }
        assertTrue(statements[statements.length - 1].strip().startsWith("SELECT"));
        StringWriter out = new StringWriter();
        try (CloseableIterator<Row> rows = last.collect()) {
            new TableauPrinter(false, ZoneOffset.UTC, 200).print(last.getResolvedSchema(), rows, new PrintWriter(out));
        }
        assertEquals(text.get(0).strip(), out.toString().strip());
        List<String> totals = new ArrayList<>();
        try (var files = Files.list(demo.resolve("totals"))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                totals.addAll(Files.readAllLines(f));
            }
        }
        totals.sort(null);
        assertEquals(List.of("2024-01-01 10:00:00.000,2024-01-01 10:00:05.000,1,2.50",
                "2024-01-01 10:00:05.000,2024-01-01 10:00:10.000,2,7.00",
                "2024-01-01 10:00:10.000,2024-01-01 10:00:15.000,1,1.00"), totals);
    }
}
