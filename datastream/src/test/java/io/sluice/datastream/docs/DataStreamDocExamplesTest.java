package io.sluice.datastream.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example program of {@code docs/datastream.md}: each Java block with a {@code main} method is compiled
 * against this module and run, and what it prints must equal the {@code text} block that follows it.
 */
class DataStreamDocExamplesTest {
    private static final Path PAGE = Path.of("..", "docs", "datastream.md");
    private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    /** A program and the output the page shows for it. */
    record Example(String className, String source, String expectedOutput) {
        @Override
        public String toString() {
            return className;
        }
    }

    static Stream<Example> examples() throws Exception {
        String page = Files.readString(PAGE);
        Matcher m = BLOCK.matcher(page);
        List<String[]> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String[] b = blocks.get(i);
            if (b[0].equals("java") && b[1].contains("public static void main")) {
                Matcher name = Pattern.compile("public class (\\w+)").matcher(b[1]);
                assertTrue(name.find(), "an example names its class");
                assertTrue(i + 1 < blocks.size() && blocks.get(i + 1)[0].equals("text"),
                        "example " + name.group(1) + " is followed by its output");
                examples.add(new Example(name.group(1), b[1], blocks.get(i + 1)[1]));
            }
        }
        return examples.stream();
    }

    @Test
    void thePageHasExamples() throws Exception {
        assertEquals(12, examples().count());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleRunsWithTheDocumentedOutput(Example example) throws Exception {
        Path src = work.resolve(example.className() + ".java");
        Files.writeString(src, example.source());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", work.toString(), "-classpath",
                System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "compiling " + example.className() + ":\n" + diagnostics);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(example.className()).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals(example.expectedOutput(), captured.toString(StandardCharsets.UTF_8));
    }
}
