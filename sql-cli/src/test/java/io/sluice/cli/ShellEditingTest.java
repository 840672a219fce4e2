package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Line parsing, completion and highlighting of the shell, without a terminal. */
class ShellEditingTest {
    private final SqlLineParser parser = new SqlLineParser();

    @Test
    void enterContinuesUntilTheStatementEnds() {
        assertThrows(EOFError.class, () -> parser.parse("SELECT 1", 8, Parser.ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("SELECT ';", 9, Parser.ParseContext.ACCEPT_LINE));
        assertEquals("SELECT 1;", parser.parse("SELECT 1;", 9, Parser.ParseContext.ACCEPT_LINE).line());
        parser.parse("quit", 4, Parser.ParseContext.ACCEPT_LINE);
        parser.parse("   ", 3, Parser.ParseContext.ACCEPT_LINE);
        parser.parse("SELECT 1", 8, Parser.ParseContext.COMPLETE); // completion never asks for more input
    }

    @Test
    void wordsForCompletion() {
        ParsedLine l = SqlLineParser.words("SET 'exec", 9);
        assertEquals("'exec", l.word());
        assertEquals(List.of("SET", "'exec"), l.words());
        l = SqlLineParser.words("SELECT t.na FROM t", 11);
        assertEquals("t.na", l.word());
        assertEquals(4, l.wordCursor());
        l = SqlLineParser.words("SELECT f(", 9);
        assertEquals("", l.word());
        assertEquals(List.of("SELECT", "f", "(", ""), l.words());
        l = SqlLineParser.words("SELECT  FROM t", 7);
        assertEquals("", l.word());
        assertEquals(1, l.wordIndex());
    }

    @Test
    void completesTablesColumnsOptionKeysAndStatementStarts() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE orders (order_id BIGINT, `user` STRING) WITH ('connector' = 'datagen')");
        env.executeSql("CREATE TABLE customers (id INT) WITH ('connector' = 'datagen')");
        SqlCompleter completer = new SqlCompleter(env);

        assertEquals(List.of("orders"), complete(completer, "SELECT * FROM or"));
        assertEquals(List.of("customers", "orders"), sorted(complete(completer, "SELECT * FROM ")));
        assertEquals(List.of("'execution.runtime-mode'"), complete(completer, "SET 'execution.run"));
        List<String> options = complete(completer, "RESET '");
        assertTrue(options.containsAll(List.of("'sql-client.execution.result-mode'", "'parallelism.default'",
                "'sql-client.display.color-schema'")), options.toString());
        assertTrue(complete(completer, "SET 'sql-client.execution.result-mode' = '")
                .containsAll(List.of("'table'", "'changelog'", "'tableau'")));
        List<String> columns = complete(completer, "SELECT o.  FROM orders AS o", 9);
        assertEquals(List.of("o.`user`", "o.order_id"), sorted(columns));
        List<String> free = complete(completer, "SELECT  FROM orders", 7);
        assertTrue(free.containsAll(List.of("order_id", "`user`", "COUNT", "WHERE")), free.toString());
        List<String> starts = complete(completer, "");
        assertTrue(starts.containsAll(List.of("CREATE TABLE", "SHOW TABLES;", "SHOW JOBS;", "SELECT")));
        assertTrue(complete(completer, "SHOW ").containsAll(List.of("TABLES;", "JOBS;", "CREATE")));
        assertTrue(complete(completer, "SELECT 1; SHOW ").contains("TABLES;"));
    }

    @Test
    void highlightsKeywordsStringsCommentsAndNumbers() {
        String sql = "SELECT 'a', 42 FROM t -- note";
        AttributedString plain = SqlHighlighter.highlight(sql, ColorSchema.NONE);
        assertEquals(sql, plain.toString());
        assertEquals(AttributedStyle.DEFAULT, plain.styleAt(0));
        AttributedString dark = SqlHighlighter.highlight(sql, ColorSchema.DARK);
        assertEquals(sql, dark.toString());
        assertEquals(ColorSchema.DARK.keyword, dark.styleAt(0));
        assertEquals(ColorSchema.DARK.string, dark.styleAt(7));
        assertEquals(ColorSchema.DARK.number, dark.styleAt(12));
        assertEquals(ColorSchema.DARK.keyword, dark.styleAt(15));
        assertEquals(AttributedStyle.DEFAULT, dark.styleAt(20));
        assertEquals(ColorSchema.DARK.comment, dark.styleAt(24));
    }

    @Test
    void colorSchemaFollowsFlinkNames() {
        assertEquals(ColorSchema.DARK, ColorSchema.of(null, true));
        assertEquals(ColorSchema.NONE, ColorSchema.of(null, false));
        assertEquals(ColorSchema.NONE, ColorSchema.of("default", true));
        assertEquals(ColorSchema.LIGHT, ColorSchema.of("VS2010", true));
        assertEquals(ColorSchema.DARK, ColorSchema.of("obsidian", false));
    }

    @Test
    void resultModeOption() {
        Configuration c = new Configuration();
        assertEquals(ResultMode.TABLEAU, ResultMode.of(c));
        c.setString(ResultMode.KEY, "Changelog");
        assertEquals(ResultMode.CHANGELOG, ResultMode.of(c));
        c.setString(ResultMode.KEY, "pretty");
        assertThrows(ValidationException.class, () -> ResultMode.of(c));
    }

    private static List<String> complete(SqlCompleter completer, String line) {
        return complete(completer, line, line.length());
    }

    /** Candidates JLine would keep: those starting with the word before the cursor (case-insensitively). */
    private static List<String> complete(SqlCompleter completer, String line, int cursor) {
        ParsedLine parsed = SqlLineParser.words(line, cursor);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        String prefix = parsed.word().substring(0, parsed.wordCursor()).toLowerCase();
        return candidates.stream().map(Candidate::value)
                .filter(v -> v.toLowerCase().startsWith(prefix)).distinct().collect(Collectors.toList());
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    @Test
    void quitIsNotAStatementEnd() {
        assertFalse(SqlLineParser.needsMoreInput("exit"));
        assertTrue(SqlLineParser.needsMoreInput("SELECT 'x;'"));
    }
}
