package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Runs the real {@link InteractiveShell} on a JLine terminal whose keyboard is a pipe the test types into and whose
 * screen is a buffer the test reads (escape sequences removed). Ctrl-C typed into the pipe raises SIGINT in the
 * terminal, as a real one does.
 */
final class ShellDriver implements AutoCloseable {
    private static final Pattern ESCAPES = Pattern.compile("\u001B(\\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-B]|[=>78]|O.)");
    private static final long TIMEOUT_MILLIS = 30_000;

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ExternalTerminal terminal;
    private final Thread thread;
    private final TableEnvironment env;
    /**
     * The one thread that writes into the keyboard pipe, alive as long as the driver (a pipe breaks when the
     * thread that last wrote into it ends).
     */
    private final java.util.concurrent.ExecutorService typist = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shell-test-keyboard");
        t.setDaemon(true);
        return t;
    });
    private volatile Throwable failure;
    private int mark;

    ShellDriver(Path historyFile) throws IOException {
        this(historyFile, TableEnvironment.create(EnvironmentSettings.inStreamingMode()));
    }

    ShellDriver(Path historyFile, TableEnvironment env) throws IOException {
        this.env = env;
        PipedInputStream in = new PipedInputStream(keyboard, 64 * 1024);
        terminal = new ExternalTerminal("test", "ansi", in, new SynchronizedStream(screen), StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        String previous = System.getProperty(InteractiveShell.HISTORY_PROPERTY);
        System.setProperty(InteractiveShell.HISTORY_PROPERTY, historyFile.toString());
        InteractiveShell shell = new InteractiveShell(env, false);
        thread = new Thread(() -> {
            try {
                shell.run(terminal);
            } catch (Throwable t) {
                failure = t;
            }
        }, "shell-under-test");
        thread.start();
        awaitOutput("Sluice SQL> ");
        if (previous == null) {
            System.clearProperty(InteractiveShell.HISTORY_PROPERTY);
        } else {
            System.setProperty(InteractiveShell.HISTORY_PROPERTY, previous);
        }
    }

    TableEnvironment env() {
        return env;
    }

    /** Types text (use \r for Enter, \t for Tab, \u0003 for Ctrl-C). */
    ShellDriver type(String keys) throws IOException {
        return typeBytes(keys.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Types raw bytes, which need not be valid UTF-8. The keyboard thread writes them while this one watches the
     * shell, so a shell that dies mid-paste fails the test instead of hanging it on a full pipe.
     */
    ShellDriver typeBytes(byte[] keys) throws IOException {
        java.util.concurrent.Future<?> written = typist.submit(() -> {
            keyboard.write(keys);
            keyboard.flush();
            return null;
        });
        long deadline = System.currentTimeMillis() + 4 * TIMEOUT_MILLIS;
        while (true) {
            try {
                written.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                return this;
            } catch (java.util.concurrent.TimeoutException e) {
                // still typing
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (failure != null) {
                fail("the shell died: " + failure, failure);
            }
            if (!thread.isAlive()) {
                fail("the shell ended while input was typed:\n" + tail());
            }
            if (System.currentTimeMillis() > deadline) {
                fail("the shell did not read " + keys.length + " bytes of input within " + 4 * TIMEOUT_MILLIS + " ms");
            }
        }
    }

    private String tail() {
        String s = screen();
        return s.substring(Math.max(0, s.length() - 2000));
    }

    /** Whether the shell's thread still runs. */
    boolean running() {
        return thread.isAlive();
    }

    /** Everything shown so far, without escape sequences. */
    String screen() {
        String raw;
        synchronized (screen) {
            raw = screen.toString(StandardCharsets.UTF_8);
        }
        return ESCAPES.matcher(raw).replaceAll("").replace("\r", "");
    }

    /** Everything written to the terminal so far, escape sequences and carriage returns included. */
    String rawScreen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits until {@code text} appears after the previous match; returns the output from there to the match's
     * end, and moves the mark behind it.
     */
    String awaitOutput(String text) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String s = screen();
            int at = s.indexOf(text, mark);
            if (at >= 0) {
                String seen = s.substring(mark, at + text.length());
                mark = at + text.length();
                return seen;
            }
            if (failure != null) {
                fail("the shell died: " + failure, failure);
            }
            sleep(20);
        }
        return fail("no '" + text + "' within " + TIMEOUT_MILLIS + " ms after:\n" + screen().substring(mark));
    }

    /** Types QUIT and waits for the shell to end. */
    @Override
    public void close() throws Exception {
        if (thread.isAlive()) {
            type("\u0003QUIT;\r");
            thread.join(TIMEOUT_MILLIS);
        }
        terminal.close();
        typist.shutdownNow();
        if (thread.isAlive()) {
            fail("the shell did not end");
        }
        if (failure != null) {
            fail("the shell died: " + failure, failure);
        }
    }

    boolean ended(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the test read the buffer while the shell writes to it. */
    private static final class SynchronizedStream extends java.io.OutputStream {
        private final ByteArrayOutputStream target;

        SynchronizedStream(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (target) {
                target.write(b, off, len);
            }
        }
    }
}
