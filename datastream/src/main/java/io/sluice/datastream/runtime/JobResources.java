package io.sluice.datastream.runtime;

import io.sluice.runtime.config.Configuration;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one job run holds beside its records: the copies of its cached files ({@code env.registerCachedFile}), made
 * on first use in a temporary directory of the job, and the release hooks its functions registered
 * ({@code registerUserCodeClassLoaderReleaseHookIfAbsent}). {@link #release} runs the hooks and deletes the copies
 * when the job has ended. A job finds its resources through an entry of its configuration.
 */
public final class JobResources {
    /** The configuration key naming a job's resources. */
    static final String KEY = "sluice.internal.datastream.resources";
    /** The configuration key of the cached files (name, path and executable flag of each), as properties text. */
    public static final String CACHED_FILES = "pipeline.cached-files";
    private static final Map<String, JobResources> JOBS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Map<String, String[]> cachedFiles;
    private final Map<String, File> copies = new LinkedHashMap<>();
    private final Map<String, Runnable> releaseHooks = new LinkedHashMap<>();
    private Path copyDir;
    private boolean released;

    private JobResources(Map<String, String[]> cachedFiles) {
        this.cachedFiles = cachedFiles;
    }

    /** Resources for a job to be submitted with {@code config}, which this names them in. */
    public static JobResources register(Configuration config) {
        JobResources job = new JobResources(cachedFiles(config));
        JOBS.put(job.id, job);
        config.setString(KEY, job.id);
        return job;
    }

    /** The resources of the job configured by {@code config}, or null for a job not run by an environment. */
    public static JobResources of(Configuration config) {
        String id = config.getString(KEY);
        return id == null ? null : JOBS.get(id);
    }

    /** Writes the cached files (name to path and executable flag) into {@code config}. */
    public static void writeCachedFiles(Configuration config, Map<String, String[]> files) {
        if (files.isEmpty()) {
            config.remove(CACHED_FILES);
            return;
        }
        Properties p = new Properties();
        for (Map.Entry<String, String[]> e : files.entrySet()) {
            p.setProperty(e.getKey(), e.getValue()[1] + ":" + e.getValue()[0]);
        }
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.setString(CACHED_FILES, text.toString());
    }

    private static Map<String, String[]> cachedFiles(Configuration config) {
        Map<String, String[]> out = new LinkedHashMap<>();
        String text = config.getString(CACHED_FILES);
        if (text == null) {
            return out;
        }
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : p.stringPropertyNames()) {
            String v = p.getProperty(name);
            int colon = v.indexOf(':');
            out.put(name, new String[] {v.substring(colon + 1), v.substring(0, colon)});
        }
        return out;
    }

    /** The names of the job's cached files. */
    public synchronized java.util.Set<String> cachedFileNames() {
        return java.util.Set.copyOf(cachedFiles.keySet());
    }

    /**
     * The job's local copy of the cached file (or directory) {@code name}, made on first use; executable for its
     * owner when it was registered so.
     */
    public synchronized File cachedFile(String name) {
        File copy = copies.get(name);
        if (copy != null) {
            return copy;
        }
        String[] entry = cachedFiles.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("File with name '" + name + "' is not available. Did you forget to"
                    + " register the file?");
        }
        if (released) {
            throw new IllegalStateException("The job has ended; its cached files are deleted");
        }
        try {
            if (copyDir == null) {
                copyDir = Files.createTempDirectory("sluice-cache-");
            }
            Path source = localPath(entry[0]);
            Path target = copyDir.resolve(copies.size() + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"))
                    .resolve(source.getFileName() == null ? Path.of(name) : source.getFileName());
            copyTree(source, target, Boolean.parseBoolean(entry[1]));
            copy = target.toFile();
            copies.put(name, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the cached file '" + name + "' (" + entry[0] + ")", e);
        }
    }

    /** The local path of a registered path (a plain path or a {@code file:} URI). */
    public static Path localPath(String path) {
        if (path.contains("://") || path.startsWith("file:")) {
            java.net.URI uri = java.net.URI.create(path);
            if (!"file".equals(uri.getScheme())) {
                throw new UnsupportedOperationException("not supported yet: cached files on the file system '"
                        + uri.getScheme() + "' (" + path + "); only local files are read");
            }
            return Path.of(uri);
        }
        return Path.of(path).toAbsolutePath();
    }

    private static void copyTree(Path source, Path target, boolean executable) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(source.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                if (executable) {
                    to.toFile().setExecutable(true, true);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Registers {@code hook} to run when the job ends, unless a hook of that name is registered already. */
    public synchronized void addReleaseHook(String name, Runnable hook) {
        if (released) {
            throw new IllegalStateException("The job has ended");
        }
        releaseHooks.putIfAbsent(name, hook);
    }

    /** Runs the release hooks (in registration order) and deletes the cached file copies; once. */
    public void release() {
        List<Runnable> hooks;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            JOBS.remove(id);
            hooks = new ArrayList<>(releaseHooks.values());
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                System.getLogger(JobResources.class.getName()).log(System.Logger.Level.WARNING,
                        "A class loader release hook failed", e);
            }
        }
        if (copyDir != null) {
            try (java.util.stream.Stream<Path> all = Files.walk(copyDir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // the copies stay in the temporary directory
            }
        }
    }
}
