package io.sluice.cli;

import io.sluice.runtime.data.ValueFormatter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.print.DisplayWidth;
import io.sluice.table.print.TableauPrinter;
import io.sluice.types.Row;
import java.io.IOError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The shell's {@code table} result mode: a full-screen view (the terminal's alternate screen) of the materialized
 * result ({@link MaterializedResult}: {@code -U}/{@code -D} remove rows, {@code +I}/{@code +U} add them), redrawn
 * at the refresh interval with a status line (refresh interval, page, rows, changes, elapsed time, whether the
 * query still runs). By default it follows the last page as rows arrive. Keys: {@code Q} leaves (cancelling a
 * running query), {@code N}/Space/PgDn and {@code P}/{@code B}/PgUp page, Up/Down ({@code J}/{@code K}) scroll one
 * row, {@code g}/Home and {@code G}/End go to the first and last page, {@code +}/{@code -} refresh faster/slower.
 * Ctrl-C cancels the query (through the shell's signal handler) and leaves at once.
 */
final class TableResultView {
    /** Most rows kept, as Flink's {@code sql-client.execution.max-table-result.rows} default. */
    static final int MAX_ROWS = 1_000_000;
    private static final int KEY_POLL_MILLIS = 100;
    private static final long MIN_REFRESH_MILLIS = 100;
    private static final long MAX_REFRESH_MILLIS = 60_000;
    private static final int MAX_COLUMN_WIDTH = 30;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Lines that are not result rows: title, status, column header, key help. */
    private static final int CHROME_LINES = 4;

    private final Terminal terminal;
    private final ResolvedSchema schema;
    private final ValueFormatter formatter;
    private final LogicalType[] types;
    private final MaterializedResult result = new MaterializedResult(MAX_ROWS);
    private final long startNanos = System.nanoTime();

    private long refreshMillis = 1000;
    private int offset;
    private boolean follow = true;
    private volatile boolean finished;
    private volatile RuntimeException failure;
    private String updatedAt = "-";

    TableResultView(Terminal terminal, ResolvedSchema schema, ZoneId localTimeZone) {
        this.terminal = terminal;
        this.schema = schema;
        this.formatter = new ValueFormatter(localTimeZone);
        this.types = new LogicalType[schema.getColumnCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = schema.getColumnDataTypes().get(i).getLogicalType();
        }
    }

    /** Whether the terminal can show the view (cursor addressing and a known size). */
    static boolean supports(Terminal terminal) {
        String type = terminal.getType();
        Size size = terminal.getSize();
        return type != null && !type.startsWith(Terminal.TYPE_DUMB) && size.getRows() >= CHROME_LINES + 1
                && size.getColumns() >= 20 && terminal.getStringCapability(Capability.cursor_address) != null;
    }

    /**
     * Shows the rows until the user leaves or Ctrl-C cancels the query; a failure of the query is rethrown after
     * the view is closed.
     */
    ShellHooks.Outcome show(Iterator<Row> rows, BooleanSupplier cancelled) {
        Thread fetcher = new Thread(() -> fetch(rows), "sluice-sql-table-view");
        fetcher.setDaemon(true);
        fetcher.start();
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.puts(Capability.clear_screen);
        terminal.flush();
        ShellHooks.Outcome outcome;
        try {
            outcome = loop(cancelled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.flush();
        }
        if (failure != null && !cancelled.getAsBoolean()) {
            throw failure;
        }
        return outcome;
    }

    private void fetch(Iterator<Row> rows) {
        try {
            while (rows.hasNext()) {
                result.apply(rows.next());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (IOError e) {
            failure = new UncheckedIOException(new IOException(e));
        } finally {
            finished = true;
        }
    }

    private ShellHooks.Outcome loop(BooleanSupplier cancelled) throws IOException {
        Display display = new Display(terminal, true);
        NonBlockingReader reader = terminal.reader();
        long nextDraw = 0;
        boolean wasFinished = false;
        while (true) {
            if (cancelled.getAsBoolean()) {
                return ShellHooks.Outcome.LEFT_BY_USER;
            }
            if (failure != null) {
                return ShellHooks.Outcome.SHOWN;
            }
            long now = System.currentTimeMillis();
            boolean justFinished = finished && !wasFinished;
            if (now >= nextDraw || justFinished) {
                wasFinished = finished;
                updatedAt = LocalTime.now().format(CLOCK);
                draw(display);
                nextDraw = now + refreshMillis;
            }
            int c = reader.read(KEY_POLL_MILLIS);
            if (c == NonBlockingReader.EOF) {
                return finished ? ShellHooks.Outcome.SHOWN : ShellHooks.Outcome.LEFT_BY_USER;
            }
            if (c == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            if (c == 'q' || c == 'Q') {
                return finished ? ShellHooks.Outcome.SHOWN : ShellHooks.Outcome.LEFT_BY_USER;
            }
            if (c == 27) {
                c = escapeKey(reader);
            }
            if (key(c)) {
                draw(display);
            }
        }
    }

    /** Maps an escape sequence (arrows, PgUp/PgDn, Home/End) to the letter key doing the same. */
    private static int escapeKey(NonBlockingReader reader) throws IOException {
        int c1 = reader.read(50);
        if (c1 != '[' && c1 != 'O') {
            return -1;
        }
        int c2 = reader.read(50);
        switch (c2) {
            case 'A':
                return 'k';
            case 'B':
                return 'j';
            case 'H':
                return 'g';
            case 'F':
                return 'G';
            case '5':
            case '6':
            case '1':
            case '4':
                int tilde = reader.read(50);
                if (tilde != '~') {
                    return -1;
                }
                return c2 == '5' ? 'p' : c2 == '6' ? 'n' : c2 == '1' ? 'g' : 'G';
            default:
                return -1;
        }
    }

    /** Applies a key; true when the screen must be redrawn. */
    private boolean key(int c) {
        int page = pageRows();
        int size = result.size();
        switch (c) {
            case 'n':
            case 'N':
            case ' ':
                return scrollTo(offset + page, size);
            case 'p':
            case 'P':
            case 'b':
            case 'B':
                return scrollTo(offset - page, size);
            case 'j':
                return scrollTo(offset + 1, size);
            case 'k':
                return scrollTo(offset - 1, size);
            case 'g':
                return scrollTo(0, size);
            case 'G':
                follow = true;
                return true;
            case '+':
                refreshMillis = Math.max(MIN_REFRESH_MILLIS, refreshMillis / 2);
                return true;
            case '-':
                refreshMillis = Math.min(MAX_REFRESH_MILLIS, refreshMillis * 2);
                return true;
            default:
                return false;
        }
    }

    private boolean scrollTo(int target, int size) {
        int last = Math.max(0, size - pageRows());
        offset = Math.max(0, Math.min(target, last));
        follow = offset == last && target >= last;
        return true;
    }

    private int pageRows() {
        return Math.max(1, terminal.getSize().getRows() - CHROME_LINES);
    }

    private void draw(Display display) {
        Size size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
        display.update(frame(size.getColumns(), size.getRows()), 0);
        terminal.flush();
    }

    /** The screen's lines for a terminal of this size (follows the last page when {@code follow} is on). */
    List<AttributedString> frame(int width, int height) {
        int page = Math.max(1, height - CHROME_LINES);
        int size = result.size();
        if (follow) {
            offset = Math.max(0, size - page);
        } else {
            offset = Math.max(0, Math.min(offset, Math.max(0, size - page)));
        }
        List<Object[]> visible = result.rows(offset, page);
        List<String[]> cells = new ArrayList<>(visible.size());
        for (Object[] fields : visible) {
            cells.add(cells(fields));
        }
        int[] widths = widths(cells);
        List<AttributedString> lines = new ArrayList<>(height);
        lines.add(bar(center("SQL Query Result (Table)", width), width));
        lines.add(plain(status(size, page), width));
        lines.add(new AttributedString(clip(row(schema.getColumnNames().toArray(new String[0]), widths), width),
                AttributedStyle.BOLD.underline()));
        for (String[] row : cells) {
            lines.add(plain(row(row, widths), width));
        }
        while (lines.size() < height - 1) {
            lines.add(AttributedString.EMPTY);
        }
        lines.add(bar("Q Quit  N Next page  P Prev page  G Last page  g First page  Up/Down Scroll  +/- Refresh",
                width));
        return lines;
    }

    private String status(int size, int page) {
        int pages = Math.max(1, (size + page - 1) / page);
        int current = Math.min(pages, offset / page + 1);
        String pageText = follow ? "Last of " + pages : current + " of " + pages;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String state = failure != null ? "failed" : finished ? "finished" : "running";
        return String.format(Locale.ROOT, "Refresh: %s  Page: %s  Updated: %s  Rows: %d  Changes: %d  "
                + "Elapsed: %.1f s  Query: %s", refreshText(), pageText, updatedAt, size, result.changes(), elapsed,
                state);
    }

    private String refreshText() {
        return refreshMillis % 1000 == 0 ? refreshMillis / 1000 + " s" : refreshMillis + " ms";
    }

    private String[] cells(Object[] fields) {
        String[] cells = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            cells[i] = fields[i] == null ? TableauPrinter.NULL_VALUE
                    : Cells.fit(formatter.format(types[i], fields[i]), MAX_COLUMN_WIDTH);
        }
        return cells;
    }

    private int[] widths(List<String[]> cells) {
        List<String> names = schema.getColumnNames();
        int[] widths = new int[names.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.min(MAX_COLUMN_WIDTH, DisplayWidth.of(names.get(i)));
        }
        for (String[] row : cells) {
            for (int i = 0; i < widths.length && i < row.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row[i]));
            }
        }
        return widths;
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length && i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(Cells.pad(Cells.fit(cells[i], widths[i]), widths[i], true));
        }
        return sb.toString();
    }

    private static AttributedString plain(String s, int width) {
        return new AttributedString(clip(s, width));
    }

    private static AttributedString bar(String s, int width) {
        return new AttributedStringBuilder().style(AttributedStyle.INVERSE).append(Cells.pad(clip(s, width), width,
                false)).toAttributedString();
    }

    private static String center(String s, int width) {
        int left = Math.max(0, (width - DisplayWidth.of(s)) / 2);
        return " ".repeat(left) + s;
    }

    /** The part of {@code s} that fits in {@code width} cells. */
    private static String clip(String s, int width) {
        return DisplayWidth.of(s) <= width ? s : Cells.fit(s, width);
    }
}
