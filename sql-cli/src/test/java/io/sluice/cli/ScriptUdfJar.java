package io.sluice.cli;

import io.sluice.table.functions.ScalarFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the jar that SQL-client scripts name with {@code $VAR_UDF_JAR_PATH}: scalar functions {@code LowerUDF}
 * and {@code UpperUDF} (in the default package, as the scripts name them) that return their string argument in
 * lower and upper case. The sources are compiled when the test runs, so the jar holds classes that the test's own
 * class path does not, as a user's jar would.
 */
final class ScriptUdfJar {
    private ScriptUdfJar() {
    }

    static Path build(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lower = write(src, "LowerUDF", "toLowerCase");
        Path upper = write(src, "UpperUDF", "toUpperCase");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the scripts' UDF jar needs a JDK (no Java compiler found)");
        }
        int rc = javac.run(null, null, null, "-classpath", engineClassPath(), "-d", classes.toString(),
                lower.toString(), upper.toString());
        if (rc != 0) {
            throw new IllegalStateException("compiling the scripts' UDFs failed (javac exit code " + rc + ")");
        }
        Path jar = dir.resolve("udf.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.list(classes)) {
            for (Path c : files.sorted().toList()) {
                out.putNextEntry(new JarEntry(c.getFileName().toString()));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path write(Path src, String name, String caseMethod) throws IOException {
        String code = String.join("\n",
                "/** Test UDF of the SQL-client scripts. */",
                "public class " + name + " extends " + ScalarFunction.class.getName() + " {",
                "    public String eval(String s) {",
                "        return s == null ? null : s." + caseMethod + "(java.util.Locale.ROOT);",
                "    }",
                "}",
                "");
        Path file = src.resolve(name + ".java");
        Files.writeString(file, code, StandardCharsets.UTF_8);
        return file;
    }

    /** Where {@link ScalarFunction} and what it extends are loaded from. */
    private static String engineClassPath() {
        try {
            Path location = Path.of(ScalarFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return String.join(java.io.File.pathSeparator, List.of(location.toString(),
                    System.getProperty("java.class.path")));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
