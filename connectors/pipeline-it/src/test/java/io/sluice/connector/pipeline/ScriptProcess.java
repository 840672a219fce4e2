package io.sluice.connector.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A SQL script run by the {@code sluice-sql} client ({@code io.sluice.cli.SqlClient -f script.sql}, what
 * {@code bin/sluice-sql -f} starts) in a child JVM with this JVM's class path, so the test can kill it as an
 * operator would ({@code kill -9}). Its output goes to a log file next to the script.
 */
final class ScriptProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ScriptProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ScriptProcess start(Path script) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--sun-misc") || arg.startsWith("--enable-native")) {
                command.add(arg);
            }
        }
        command.add("-Xmx768m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.sluice.cli.SqlClient");
        command.add("-f");
        command.add(script.toString());
        Path log = script.resolveSibling(script.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ScriptProcess(p, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the client printed so far. */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hooks, no flush, no final checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
