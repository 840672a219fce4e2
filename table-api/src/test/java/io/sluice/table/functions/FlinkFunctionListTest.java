package io.sluice.table.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks Flink's list of built-in SQL function forms ({@code functions/flink-functions.txt}) and runs a small
 * example of each ({@code functions/function-examples.txt}) in batch mode. Every form must either run, or be
 * listed in {@code docs/functions.md} under "Not supported yet" with a reason; a listed form that runs fails the
 * test too, so the documented list stays honest.
 */
class FlinkFunctionListTest {

    private static final String EXAMPLE_SEPARATOR = " ==> ";
    private static final Pattern CALL_OR_LITERAL = Pattern.compile("'(?:[^']|'')*'|\\b([A-Z][A-Z0-9_]*)\\s*\\(");
    private static final Pattern NOT_SUPPORTED_ITEM = Pattern.compile("^- `(.+)` — (.*)$");

    /** One SQL form of Flink's list with its documentation category. */
    private record Form(String category, String text) {}

    @Test
    void everyFlinkFunctionRunsOrIsDocumentedAsNotSupported() throws Exception {
        List<Form> forms = readForms();
        Map<String, String> examples = readExamples();
        Map<String, String> notSupported = readNotSupported();
        String doc = Files.readString(docPath(), StandardCharsets.UTF_8);
        assertTrue(forms.size() > 200, "Flink's list looks truncated: " + forms.size());

        List<String> problems = new ArrayList<>();
        for (String key : examples.keySet()) {
            if (forms.stream().noneMatch(f -> f.text().equals(key))) {
                problems.add("example for a form that is not in Flink's list: " + key);
            }
        }
        for (Map.Entry<String, String> e : notSupported.entrySet()) {
            if (forms.stream().noneMatch(f -> f.text().equals(e.getKey()))) {
                problems.add("docs/functions.md lists a form that is not in Flink's list: " + e.getKey());
            }
            if (e.getValue().isBlank()) {
                problems.add("docs/functions.md gives no reason for: " + e.getKey());
            }
        }

        for (Form form : forms) {
            if (!doc.contains("`" + form.text() + "`")) {
                problems.add("docs/functions.md does not mention: [" + form.category() + "] " + form.text());
            }
        }

        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TEMPORARY VIEW V AS SELECT x, s, CAST(d AS DOUBLE) AS d"
                + " FROM (VALUES (1, 'a', 1.5), (2, 'b', 2.5)) AS t(x, s, d)");
        env.executeSql("CREATE TABLE T_WM (n INT, ts AS TIMESTAMP '2024-01-01 00:00:00',"
                + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '2')");

        int supported = 0;
        for (Form form : forms) {
            String query = examples.get(form.text());
            if (query == null) {
                problems.add("no example query for [" + form.category() + "] " + form.text());
                continue;
            }
            String error = run(env, query);
            boolean listed = notSupported.containsKey(form.text());
            if (error == null) {
                supported++;
                String lowerCase = lowerCaseFunctionNames(query);
                String lowerCaseError = run(env, lowerCase);
                if (lowerCaseError != null) {
                    problems.add("runs only with upper-case function names: [" + form.category() + "] " + form.text()
                            + "\n      " + lowerCase + "\n      -> " + lowerCaseError);
                }
                if (listed) {
                    problems.add("listed as not supported but runs: [" + form.category() + "] " + form.text());
                }
            } else if (!listed) {
                problems.add("fails and is not listed as not supported: [" + form.category() + "] " + form.text()
                        + "\n      " + query + "\n      -> " + error);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        assertEquals(forms.size(), supported + notSupported.size(), "supported + not supported = all forms");
    }

    /** {@code query} with the names of the functions it calls in lower case (string literals unchanged). */
    static String lowerCaseFunctionNames(String query) {
        Matcher m = CALL_OR_LITERAL.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) == null ? m.group()
                    : m.group().replace(m.group(1), m.group(1).toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void lowerCasingKeepsStringLiterals() {
        assertEquals("SELECT substr('ABC(', 2), x FROM V", lowerCaseFunctionNames("SELECT SUBSTR('ABC(', 2), x FROM V"));
    }

    /** Runs {@code query} to the end; returns null when it produced at least one row, else the error text. */
    private static String run(TableEnvironment env, String query) {
        try (CloseableIterator<Row> rows = env.executeSql(query).collect()) {
            int n = 0;
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            return n > 0 ? null : "no rows";
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return e.getClass().getSimpleName() + ": " + message;
        }
    }

    private static List<Form> readForms() throws IOException {
        List<Form> forms = new ArrayList<>();
        String category = null;
        for (String line : resourceLines("functions/flink-functions.txt")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                category = line.substring(1, line.length() - 1);
                continue;
            }
            assertTrue(category != null, "form before the first category: " + line);
            forms.add(new Form(category, line.strip()));
        }
        return forms;
    }

    private static Map<String, String> readExamples() throws IOException {
        Map<String, String> examples = new LinkedHashMap<>();
        for (String line : resourceLines("functions/function-examples.txt")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int at = line.indexOf(EXAMPLE_SEPARATOR);
            assertTrue(at > 0, "example line without '" + EXAMPLE_SEPARATOR.strip() + "': " + line);
            String previous = examples.put(line.substring(0, at).strip(),
                    line.substring(at + EXAMPLE_SEPARATOR.length()).strip());
            assertTrue(previous == null, "two examples for: " + line.substring(0, at));
        }
        return examples;
    }

    /** The "- `form` — reason" items of the "Not supported yet" parts of docs/functions.md. */
    private static Map<String, String> readNotSupported() throws IOException {
        Map<String, String> items = new LinkedHashMap<>();
        boolean inList = false;
        for (String line : Files.readAllLines(docPath(), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                inList = false;
            } else if (line.startsWith("Not supported yet")) {
                inList = true;
            } else if (inList) {
                Matcher m = NOT_SUPPORTED_ITEM.matcher(line);
                if (m.matches()) {
                    assertTrue(items.put(m.group(1), m.group(2).strip()) == null, "listed twice: " + m.group(1));
                }
            }
        }
        return items;
    }

    /** docs/functions.md, from the module directory (as Maven runs tests) or from the repository root. */
    private static Path docPath() {
        Path fromModule = Path.of("..", "docs", "functions.md");
        return Files.exists(fromModule) ? fromModule : Path.of("docs", "functions.md");
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = FlinkFunctionListTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
