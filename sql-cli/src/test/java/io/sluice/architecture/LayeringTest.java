package io.sluice.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.Factory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module layering of DESIGN.md, checked on the compiled classes the shell ships: {@code table-runtime} never
 * refers to Calcite, Janino or the planner/codegen modules, and connectors never refer to the planner, codegen or
 * Calcite (they see only {@code table-runtime}'s SPI). A class refers to another when the other's internal name
 * appears in its constant pool.
 */
class LayeringTest {
    private static final List<String> PLANNING = List.of("org/apache/calcite/", "org/codehaus/janino/",
            "org/codehaus/commons/compiler/", "io/sluice/planner/", "io/sluice/codegen/");

    @Test
    void tableRuntimeDoesNotDependOnPlanningOrCodegen() throws Exception {
        Path runtime = codeSource(Factory.class);
        List<String> classes = classFiles(runtime);
        assertTrue(classes.size() > 100, "found only " + classes.size() + " classes in " + runtime);
        assertEquals(new TreeSet<>(), violations(runtime, classes));
    }

    @Test
    void connectorsSeeOnlyTheRuntimeSpi() throws Exception {
        TreeSet<Path> connectors = new TreeSet<>();
        for (Factory f : ServiceLoader.load(Factory.class)) {
            Path p = codeSource(f.getClass());
            if (p.toString().contains("connector")) {
                connectors.add(p);
            }
        }
        assertTrue(connectors.size() >= 6, "connector modules found: " + connectors);
        TreeSet<String> all = new TreeSet<>();
        for (Path c : connectors) {
            all.addAll(violations(c, classFiles(c)));
        }
        assertEquals(new TreeSet<>(), all);
    }

    private static TreeSet<String> violations(Path root, List<String> classes) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        for (String cls : classes) {
            String pool = new String(read(root, cls), StandardCharsets.ISO_8859_1);
            for (String banned : PLANNING) {
                if (pool.contains(banned)) {
                    found.add(cls + " refers to " + banned);
                }
            }
        }
        return found;
    }

    private static Path codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> classFiles(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> names.add(root.relativize(p).toString()));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String n = e.nextElement().getName();
                    if (n.endsWith(".class")) {
                        names.add(n);
                    }
                }
            }
        }
        return names;
    }

    private static byte[] read(Path root, String cls) throws IOException {
        if (Files.isDirectory(root)) {
            return Files.readAllBytes(root.resolve(cls));
        }
        try (JarFile jar = new JarFile(root.toFile()); InputStream in = jar.getInputStream(jar.getEntry(cls))) {
            return in.readAllBytes();
        }
    }
}
