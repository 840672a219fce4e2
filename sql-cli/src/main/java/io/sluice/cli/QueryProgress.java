package io.sluice.cli;

import io.sluice.types.Row;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The interactive shell's progress line for a batch query whose results are not printed yet: once the query has
 * run for {@link #DELAY_MILLIS} without printing anything, a timer thread keeps one self-overwriting line on the
 * terminal, {@code [running 3.2 s, 1 204 531 rows received]} (or {@code [running 3.2 s -]} with a spinner while
 * no row has arrived, e.g. for an aggregate that emits at the end). The line is erased ({@code \r} and clear to the
 * end of line) before anything else is written through {@link #guard(PrintWriter)}, and by {@link #stop()}, which
 * also ends the timer thread; after {@code stop} nothing more is drawn.
 *
 * <p>Thread safety: {@link #counting(Iterator)}'s iterator is used by one thread (the one reading the results);
 * {@link #stop()} may be called from any thread and any number of times.
 */
final class QueryProgress implements AutoCloseable {
    /** How long a query runs without output before the line shows. */
    static final long DELAY_MILLIS = 1_000;
    /** How often the line is redrawn. */
    static final long PERIOD_MILLIS = 200;
    private static final char[] SPINNER = {'-', '\\', '|', '/'};

    private final Terminal terminal;
    private final PrintWriter screen;
    private final long startNanos = System.nanoTime();
    private final Object lock = new Object();
    private final ScheduledExecutorService timer;
    private volatile long rows;
    private boolean stopped;
    private boolean shown;
    private int tick;

    private QueryProgress(Terminal terminal) {
        this.terminal = terminal;
        this.screen = terminal.writer();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-sql-progress");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the timer for a query that starts now; the line appears after {@link #DELAY_MILLIS}. */
    static QueryProgress start(Terminal terminal) {
        QueryProgress progress = new QueryProgress(terminal);
        progress.timer.scheduleAtFixedRate(progress::draw, DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return progress;
    }

    /** {@code rows} counting each row it yields into the line's "rows received". */
    Iterator<Row> counting(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                QueryProgress.this.rows++; // only the reading thread writes the counter
                return row;
            }
        };
    }

    /** A writer onto {@code out} that stops the progress line (erasing it) before its first character. */
    PrintWriter guard(PrintWriter out) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                stop();
                out.write(chars, off, len);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        });
    }

    /** Ends the timer thread and erases the line if it is shown. Idempotent; any thread. */
    void stop() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            timer.shutdownNow();
            if (shown) {
                screen.write('\r');
                clearToEndOfLine();
                screen.flush();
                shown = false;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void draw() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            String text = text(System.nanoTime() - startNanos, rows, tick++);
            int width = terminal.getWidth();
            if (width > 1 && text.length() >= width) {
                text = text.substring(0, width - 1);
            }
            screen.write('\r');
            screen.write(text);
            clearToEndOfLine();
            screen.flush();
            shown = true;
        }
    }

    private void clearToEndOfLine() {
        if (!terminal.puts(InfoCmp.Capability.clr_eol)) {
            int width = Math.max(terminal.getWidth(), 2);
            screen.write(" ".repeat(width - 1));
            screen.write('\r');
        }
    }

    /**
     * The line's text: {@code [running 3.2 s, 1 204 531 rows received]}, or {@code [running 3.2 s -]} with the
     * spinner frame {@code tick} while no row has arrived.
     */
    static String text(long elapsedNanos, long rows, int tick) {
        long tenths = elapsedNanos / 100_000_000L;
        StringBuilder sb = new StringBuilder("[running ").append(tenths / 10).append('.').append(tenths % 10)
                .append(" s");
        if (rows == 0) {
            sb.append(' ').append(SPINNER[Math.floorMod(tick, SPINNER.length)]);
        } else {
            sb.append(", ").append(grouped(rows)).append(rows == 1 ? " row" : " rows").append(" received");
        }
        return sb.append(']').toString();
    }

    /** {@code 1204531} as {@code 1 204 531}. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(' ');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }
}
