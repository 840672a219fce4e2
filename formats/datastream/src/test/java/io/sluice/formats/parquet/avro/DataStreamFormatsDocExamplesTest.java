package io.sluice.formats.parquet.avro;

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
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example programs of {@code docs/datastream-formats.md} against this module: each is compiled, run with
 * a directory holding a Parquet file of three users, and must print the {@code text} block that follows it.
 */
class DataStreamFormatsDocExamplesTest {
    private static final Path PAGE = Path.of("..", "..", "docs", "datastream-formats.md");
    private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void examplesPrintWhatThePageShows() throws Exception {
        Matcher m = BLOCK.matcher(Files.readString(PAGE));
        List<String[]> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        Path data = Files.createDirectories(work.resolve("users"));
        AvroParquetReadersTest.writeUsers(data.resolve("users.parquet"));
        int run = 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i)[0].equals("java") || !blocks.get(i)[1].contains("public static void main")) {
                continue;
            }
            Matcher name = Pattern.compile("public class (\\w+)").matcher(blocks.get(i)[1]);
            assertTrue(name.find());
            assertTrue(i + 1 < blocks.size() && blocks.get(i + 1)[0].equals("text"), "output follows the example");
            Path classes = Files.createDirectories(work.resolve("classes-" + i));
            Path src = classes.resolve(name.group(1) + ".java");
            Files.writeString(src, blocks.get(i)[1]);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int rc = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), src.toString());
            assertEquals(0, rc, "compiling " + name.group(1) + ":\n" + diagnostics);
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    getClass().getClassLoader())) {
                Thread.currentThread().setContextClassLoader(loader);
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
                main.invoke(null, (Object) new String[] {data.toString()});
            } finally {
                System.setOut(original);
                Thread.currentThread().setContextClassLoader(previous);
            }
            assertEquals(blocks.get(i + 1)[1], captured.toString(StandardCharsets.UTF_8));
            run++;
        }
        assertEquals(1, run);
    }
}
