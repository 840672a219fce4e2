package io.sluice.table.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ADD JAR}, {@code REMOVE JAR} and {@code SHOW JARS} with jars compiled at test time: a function class from
 * an added jar is found by {@code CREATE FUNCTION ... AS 'class'} without {@code USING JAR}, as in Flink.
 */
class JarStatementsTest {
    @TempDir
    static Path dir;
    private static Path shoutJar;
    private static Path whisperJar;

    @BeforeAll
    static void buildJars() throws Exception {
        shoutJar = jar("shout", "Shout", "s.toUpperCase() + \"!\"");
        whisperJar = jar("whisper", "Whisper", "s.toLowerCase() + \"...\"");
    }

    /** A jar holding {@code com.example.jars.<cls>}, a scalar function returning {@code expr} of {@code s}. */
    private static Path jar(String name, String cls, String expr) throws Exception {
        Path src = dir.resolve(name + "-src/com/example/jars/" + cls + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package com.example.jars;\n"
                + "public class " + cls + " extends io.sluice.table.functions.ScalarFunction {\n"
                + "    public String eval(String s) { return s == null ? null : " + expr + "; }\n"
                + "}\n", StandardCharsets.UTF_8);
        Path classes = dir.resolve(name + "-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), src.toString());
        assertEquals(0, rc, "javac failed");
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            String entry = "com/example/jars/" + cls + ".class";
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(String.valueOf(it.next().getField(0)));
            }
        }
        return out;
    }

    @Test
    void addedJarIsSeenByCreateFunctionWithoutUsingJar() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        ValidationException before = assertThrows(ValidationException.class, () -> env.executeSql(
                "CREATE TEMPORARY FUNCTION shout AS 'com.example.jars.Shout'"));
        assertTrue(before.getMessage().contains("Cannot find class 'com.example.jars.Shout'"), before.getMessage());

        env.executeSql("ADD JAR '" + shoutJar + "'");
        env.executeSql("ADD JAR '" + shoutJar + "'"); // a second ADD of the same jar changes nothing
        assertEquals(List.of(shoutJar.toString()), rows(env, "SHOW JARS"));
        env.executeSql("CREATE TEMPORARY FUNCTION shout AS 'com.example.jars.Shout'");
        env.executeSql("CREATE FUNCTION shout2 AS 'com.example.jars.Shout' LANGUAGE JAVA");
        assertEquals(List.of("HI!"), rows(env, "SELECT shout(s) FROM (VALUES ('hi')) AS t(s)"));
        assertEquals(List.of("HO!"), rows(env, "SELECT shout2(s) FROM (VALUES ('ho')) AS t(s)"));
        // the class is visible to the session only, not to the engine's own loader
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.jars.Shout"));
    }

    @Test
    void removeJarHidesItsClassesFromLaterFunctions() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("ADD JAR 'file://" + whisperJar + "'");
        env.executeSql("ADD JAR '" + shoutJar + "'");
        assertEquals(List.of(whisperJar.toString(), shoutJar.toString()), rows(env, "SHOW JARS"));
        env.executeSql("CREATE TEMPORARY SYSTEM FUNCTION whisper AS 'com.example.jars.Whisper'");

        env.executeSql("REMOVE JAR '" + whisperJar + "'");
        assertEquals(List.of(shoutJar.toString()), rows(env, "SHOW JARS"));
        // a function created before keeps working; a new one cannot find the class any more
        assertEquals(List.of("quiet..."), rows(env, "SELECT whisper(s) FROM (VALUES ('QUIET')) AS t(s)"));
        ValidationException gone = assertThrows(ValidationException.class, () -> env.executeSql(
                "CREATE TEMPORARY FUNCTION whisper2 AS 'com.example.jars.Whisper'"));
        assertTrue(gone.getMessage().contains("Cannot find class 'com.example.jars.Whisper'"), gone.getMessage());
        env.executeSql("CREATE TEMPORARY FUNCTION shout AS 'com.example.jars.Shout'");

        ValidationException twice = assertThrows(ValidationException.class,
                () -> env.executeSql("REMOVE JAR '" + whisperJar + "'"));
        assertEquals("Cannot REMOVE JAR '" + whisperJar + "': the jar " + whisperJar + " was not added with ADD JAR"
                + " in this session; added jars: " + shoutJar + ".", twice.getMessage());
    }

    @Test
    void jarsBelongToOneSession() throws Exception {
        TableEnvironment first = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        TableEnvironment second = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        first.executeSql("ADD JAR '" + shoutJar + "'");
        first.executeSql("CREATE TEMPORARY FUNCTION shout AS 'com.example.jars.Shout'");
        assertEquals(List.of(), rows(second, "SHOW JARS"));
        assertThrows(ValidationException.class, () -> second.executeSql(
                "CREATE TEMPORARY FUNCTION shout AS 'com.example.jars.Shout'"));
    }
}
