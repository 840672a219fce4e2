package io.sluice.planner.functions;

import io.sluice.table.api.ValidationException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The jars of one session ({@code ADD JAR}, {@code REMOVE JAR}, {@code SHOW JARS}) and the session class loader
 * that sees them: it asks the engine's loader first, then the jars currently added, so a later
 * {@code CREATE FUNCTION f AS 'class'} (without {@code USING JAR}) and connector discovery find classes and services
 * of added jars. Removing a jar hides it from later lookups; functions already loaded from it keep their classes
 * (the previous loader is not closed). Not thread-safe (one per session).
 */
public final class SessionJars {
    /** Added jars by absolute normalized path, in the order they were added. */
    private final Map<Path, URL> jars = new LinkedHashMap<>();
    private final ClassLoader parent;
    /** Loader over the current jars (child of {@link #parent}); null while no jar is added. */
    private URLClassLoader jarLoader;

    /** A session whose class loader delegates to {@code parent} first. */
    public SessionJars(ClassLoader parent) {
        this.parent = parent;
    }

    /**
     * The session class loader for what is loaded next: the engine's loader while no jar is added, else a loader
     * over the current jars (engine classes first). Every ADD JAR / REMOVE JAR makes a new one, so ask again after
     * a change instead of keeping it.
     */
    public ClassLoader classLoader() {
        URLClassLoader l = jarLoader;
        return l != null ? l : parent;
    }

    /**
     * Adds the local jar {@code path} (a file path or a {@code file:} URI) to the session class path; adding a jar
     * that is already added does nothing.
     *
     * @throws ValidationException when the file does not exist or is not a readable jar
     */
    public void add(String path) {
        Path file = resolve(path);
        if (jars.containsKey(file)) {
            return;
        }
        if (!Files.exists(file)) {
            throw new ValidationException("Cannot ADD JAR '" + path + "': the file " + file + " does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ValidationException("Cannot ADD JAR '" + path + "': " + file + " is not a file.");
        }
        try (JarFile jar = new JarFile(file.toFile())) {
            jar.size();
        } catch (IOException e) {
            throw new ValidationException("Cannot ADD JAR '" + path + "': " + file + " is not a valid JAR file ("
                    + e.getMessage() + ").", e);
        }
        try {
            jars.put(file, file.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new ValidationException("Cannot ADD JAR '" + path + "': invalid path.", e);
        }
        rebuild();
    }

    /**
     * Removes a jar added with {@link #add}, named by any spelling of the same path.
     *
     * @throws ValidationException when the jar was not added
     */
    public void remove(String path) {
        Path file = resolve(path);
        if (jars.remove(file) == null) {
            throw new ValidationException("Cannot REMOVE JAR '" + path + "': the jar " + file + " was not added with"
                    + " ADD JAR in this session" + (jars.isEmpty() ? " (no jar is added)." : "; added jars: "
                    + String.join(", ", list()) + "."));
        }
        rebuild();
    }

    /** The added jars' absolute paths, in the order they were added. */
    public List<String> list() {
        List<String> names = new ArrayList<>();
        jars.keySet().forEach(p -> names.add(p.toString()));
        return names;
    }

    private static Path resolve(String path) {
        String p = path.strip();
        if (p.isEmpty()) {
            throw new ValidationException("The jar path must not be empty.");
        }
        try {
            Path file = p.startsWith("file:") ? Path.of(java.net.URI.create(p)) : Path.of(p);
            return file.toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid jar path '" + path + "': " + e.getMessage()
                    + ". Only local files are supported.", e);
        }
    }

    /** A new loader over the current jars; the previous one stays open for the classes it already loaded. */
    private void rebuild() {
        jarLoader = jars.isEmpty() ? null
                : new URLClassLoader("session-jars", jars.values().toArray(new URL[0]), parent);
    }
}
