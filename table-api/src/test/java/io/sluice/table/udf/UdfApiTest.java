package io.sluice.table.udf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.ScalarFunction;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java API registration, instance copies with open/close, and functions loaded from a jar (USING JAR). */
public class UdfApiTest {
    /** Counts lifecycle calls across all copies of the registered instance. */
    public static final AtomicInteger OPENED = new AtomicInteger();
    public static final AtomicInteger CLOSED = new AtomicInteger();

    /** A function whose state (the factor) travels with the registered instance. */
    public static class Times extends ScalarFunction {
        private final int factor;

        public Times(int factor) {
            this.factor = factor;
        }

        @Override
        public void open(FunctionContext context) {
            OPENED.incrementAndGet();
        }

        @Override
        public void close() {
            CLOSED.incrementAndGet();
        }

        public long eval(long x) {
            return x * factor;
        }
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        return out;
    }

    @Test
    void registeredInstanceIsCopiedOpenedAndClosed() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporarySystemFunction("times", new Times(7));
        env.createTemporaryFunction("plus", ScalarUdfs.Plus.class);
        int opened = OPENED.get();
        int closed = CLOSED.get();
        assertEquals(List.of("+I[14, 3]"), rows(env, "SELECT times(2), plus(1, 2)"));
        assertEquals(opened + 1, OPENED.get());
        assertEquals(closed + 1, CLOSED.get());
        assertArrayEquals(new String[] {"plus", "times"}, env.listUserDefinedFunctions());
        assertTrue(env.dropTemporarySystemFunction("TIMES"));
        assertTrue(!env.dropTemporarySystemFunction("times"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<? extends ScalarFunction> notAFunction = (Class) ScalarUdfs.NotAFunction.class;
        ValidationException e = assertThrows(ValidationException.class,
                () -> env.createTemporarySystemFunction("bad", notAFunction));
        assertTrue(e.getMessage().contains("is not a user-defined function"), e.getMessage());
    }

    @Test
    void functionFromJarInIsolatedClassLoader(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/com/example/udf/Shout.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package com.example.udf;\n"
                + "public class Shout extends io.sluice.table.functions.ScalarFunction {\n"
                + "    public String eval(String s) { return s == null ? null : s.toUpperCase() + \"!\"; }\n"
                + "}\n", StandardCharsets.UTF_8);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), src.toString());
        assertEquals(0, rc, "javac failed");
        Path jar = dir.resolve("shout.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Path cls = classes.resolve("com/example/udf/Shout.class");
            out.putNextEntry(new JarEntry("com/example/udf/Shout.class"));
            try (OutputStream ignored = null) {
                out.write(Files.readAllBytes(cls));
            }
            out.closeEntry();
        }
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        ValidationException missing = assertThrows(ValidationException.class, () -> env.executeSql(
                "CREATE TEMPORARY FUNCTION shout AS 'com.example.udf.Shout'"));
        assertTrue(missing.getMessage().contains("Cannot find class 'com.example.udf.Shout'"), missing.getMessage());
        env.executeSql("CREATE TEMPORARY FUNCTION shout AS 'com.example.udf.Shout' LANGUAGE JAVA USING JAR '"
                + jar.toAbsolutePath() + "'");
        assertEquals(List.of("+I[HI!]", "+I[null]"), rows(env,
                "SELECT shout(s) FROM (VALUES ('hi'), (CAST(NULL AS STRING))) AS t(s)"));
        // the class is not visible to the engine's loader: only the function's own loader has it
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.udf.Shout"));
    }
}
