package io.sluice.codegen;

import io.sluice.table.api.TableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated Java source with Janino. Compiled classes are cached process-wide by source
 * text (thread-safe; concurrent requests for the same source compile once). The parent class loader
 * is the codegen module's loader, so generated code sees Arrow, the runtime and the helper
 * packages. A compile failure throws a {@link TableException} holding the compiler error and the
 * source with line numbers.
 */
public final class JaninoCompiler {
    private static final ConcurrentHashMap<String, Class<?>> CACHE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Object, Class<?>> LOADER_CACHE = new ConcurrentHashMap<>();

    private JaninoCompiler() {
    }

    /**
     * Returns the class {@code className} compiled from {@code source}, from the cache when the same
     * source was compiled before. When {@code dumpDir} is not null the source is written to
     * {@code <dumpDir>/<className>.java} first.
     */
    public static Class<?> compile(String className, String source, Path dumpDir) {
        return compile(className, source, dumpDir, null);
    }

    /**
     * Like {@link #compile(String, String, Path)} with {@code parent} as the parent class loader (null: the
     * codegen module's loader), for generated code naming classes only that loader sees (user-defined
     * functions from a jar). The cache keys such classes by loader and source.
     */
    public static Class<?> compile(String className, String source, Path dumpDir, ClassLoader parent) {
        if (dumpDir != null) {
            dump(className, source, dumpDir);
        }
        if (parent == null) {
            return CACHE.computeIfAbsent(source, s -> doCompile(className, s, JaninoCompiler.class.getClassLoader()));
        }
        return LOADER_CACHE.computeIfAbsent(new LoaderKey(parent, source), k -> doCompile(className, source, parent));
    }

    /** A cache key of a source compiled against a specific parent loader (compared by identity). */
    private static final class LoaderKey {
        private final ClassLoader loader;
        private final String source;

        LoaderKey(ClassLoader loader, String source) {
            this.loader = loader;
            this.source = source;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LoaderKey && ((LoaderKey) o).loader == loader && ((LoaderKey) o).source.equals(source);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(loader) * 31 + source.hashCode();
        }
    }

    /** Number of cached classes (for tests and metrics). */
    public static int cacheSize() {
        return CACHE.size();
    }

    private static Class<?> doCompile(String className, String source, ClassLoader parent) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(parent);
        try {
            compiler.cook(source);
            return compiler.getClassLoader().loadClass(className);
        } catch (CompileException | RuntimeException e) {
            throw new TableException("Failed to compile generated class " + className + ": " + e.getMessage()
                    + "\n" + withLineNumbers(source), e);
        } catch (ClassNotFoundException e) {
            throw new TableException("Generated source does not define class " + className + "\n"
                    + withLineNumbers(source), e);
        }
    }

    private static void dump(String className, String source, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(className + ".java"), source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated source to " + dir, e);
        }
    }

    /** The source with 1-based line numbers, as compile errors refer to them. */
    public static String withLineNumbers(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n", -1);
        int width = String.valueOf(lines.length).length();
        for (int k = 0; k < lines.length; k++) {
            String n = String.valueOf(k + 1);
            sb.append(" ".repeat(width - n.length())).append(n).append(": ").append(lines[k]).append('\n');
        }
        return sb.toString();
    }
}
