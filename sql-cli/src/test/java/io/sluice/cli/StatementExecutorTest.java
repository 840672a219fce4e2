package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.FakeTableEnvironment.FakeResult;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableException;
import io.sluice.table.print.ResultFormat;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementExecutorTest {
    private static final ResolvedSchema WORDS = ResolvedSchema.of(
            Column.physical("word", new DataType(LogicalType.string())),
            Column.physical("cnt", new DataType(LogicalType.bigint())));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeTableEnvironment env = new FakeTableEnvironment();

    private StatementExecutor executor(ResultFormat format) {
        return new StatementExecutor(env, format, new PrintWriter(out), new PrintWriter(err), true);
    }

    @Test
    void opColumnFollowsTheRuntimeModeAtQueryTime() {
        env.on("SELECT w", () -> FakeResult.query(WORDS,
                Row.ofKind(RowKind.INSERT, "a", 1L), Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L)));
        StatementExecutor ex = executor(ResultFormat.CSV);
        ex.execute("SELECT w");
        ex.execute("SET 'execution.runtime-mode' = 'batch'");
        ex.execute("SELECT w");
        assertEquals("op,word,cnt\n+I,a,1\n-U,a,1\n+U,a,2\n" + "word,cnt\na,1\na,1\na,2\n", out.toString());
        assertEquals("[INFO] Execute statement succeeded.\n", err.toString());
    }

    @Test
    void nonQueryContentNeverHasOpColumn() {
        ResolvedSchema tables = ResolvedSchema.of(Column.physical("table name", new DataType(LogicalType.string())));
        env.on("SHOW TABLES", () -> FakeResult.content(tables, Row.of("orders")));
        executor(ResultFormat.TABLEAU).execute("SHOW TABLES");
        assertEquals(""
                + "+------------+\n"
                + "| table name |\n"
                + "+------------+\n"
                + "|     orders |\n"
                + "+------------+\n"
                + "1 row in set\n", out.toString());
    }

    @Test
    void insertReportsJobOnStderrAndWaits() {
        FakeResult insert = FakeResult.query(ResolvedSchema.of(
                Column.physical("default_catalog.default_database.sink", new DataType(LogicalType.bigint()))),
                Row.of(-1L));
        env.on("-- load\nINSERT INTO sink SELECT 1", () -> insert);
        executor(ResultFormat.TABLEAU).execute("-- load\nINSERT INTO sink SELECT 1");
        assertEquals("", out.toString());
        assertEquals("[INFO] Submitting SQL update statement to the cluster...\n"
                + "[INFO] SQL update statement has been successfully submitted to the cluster:\n"
                + "Job ID: job-42\n", err.toString());
        assertTrue(insert.awaited);
    }

    @Test
    void queryIteratorIsClosedAndJobFailureRethrown() {
        TableException boom = new TableException("division by zero");
        FakeResult failing = FakeResult.failingJob(WORDS, boom);
        env.on("SELECT 1/0", () -> failing);
        TableException thrown = assertThrows(TableException.class, () -> executor(ResultFormat.JSON).execute("SELECT 1/0"));
        assertEquals(boom, thrown);
        assertTrue(failing.iteratorClosed);
    }

    @Test
    void cancelDuringPrintingEndsTheQueryQuietly() {
        StatementExecutor ex = executor(ResultFormat.CSV);
        FakeResult endless = new FakeResult(io.sluice.table.api.ResultKind.SUCCESS_WITH_CONTENT, WORDS, List.of(), true,
                null) {
            @Override
            public io.sluice.util.CloseableIterator<Row> collect() {
                return new io.sluice.util.CloseableIterator<>() {
                    private volatile boolean closed;
                    private int n;

                    @Override
                    public boolean hasNext() {
                        if (closed) {
                            throw new IllegalStateException("iterator closed");
                        }
                        return true;
                    }

                    @Override
                    public Row next() {
                        if (++n == 2) {
                            ex.cancelRunning(); // as the Ctrl-C handler would, from another thread
                        }
                        return Row.of("w", (long) n);
                    }

                    @Override
                    public void close() {
                        closed = true;
                    }
                };
            }
        };
        env.on("SELECT endless", () -> endless);
        ex.execute("SELECT endless");
        assertEquals("op,word,cnt\n+I,w,1\n+I,w,2\n", out.toString());
        assertEquals("[INFO] Query terminated.\n", err.toString());
        ex.cancelRunning(); // nothing running: no effect
    }

    @Test
    void maxColumnWidthOptionIsHonoured() {
        env.on("SELECT w", () -> FakeResult.content(WORDS, Row.of("abcdefghij", 1L)));
        StatementExecutor ex = executor(ResultFormat.TABLEAU);
        ex.execute("SET 'sql-client.display.max-column-width' = '6'");
        ex.execute("SELECT w");
        assertTrue(out.toString().contains("| abc... |   1 |"), out.toString());
    }

    @Test
    void explainTextIsOneWholeCellInTableau() {
        ResolvedSchema plan = ResolvedSchema.of(Column.physical("result", new DataType(LogicalType.string())));
        String text = "== Abstract Syntax Tree ==\nLogicalProject(a=[$0])\n  LogicalTableScan(table=[[default_catalog, t]])";
        env.on("EXPLAIN SELECT a FROM t", () -> FakeResult.content(plan, Row.of(text)));
        executor(ResultFormat.TABLEAU).execute("EXPLAIN SELECT a FROM t");
        // as Flink's client: one cell as wide as the whole text (newlines counted), not cut to the column width
        String border = "+" + "-".repeat(text.length() + 2) + "+\n";
        assertEquals(border + "| " + " ".repeat(text.length() - "result".length()) + "result |\n" + border
                + "| " + text + " |\n" + border + "1 row in set\n", out.toString());
        assertTrue(StatementKinds.isRawContent("-- c\nshow  create table t"));
        assertFalse(StatementKinds.isRawContent("SHOW TABLES"));
        assertFalse(StatementKinds.isRawContent("-- show create\nSHOW TABLES"));
    }

    @Test
    void dmlDetectionSkipsComments() {
        assertTrue(StatementKinds.isDml("insert into t values (1)"));
        assertTrue(StatementKinds.isDml("/* c */ -- x\n  EXECUTE STATEMENT SET BEGIN END"));
        assertTrue(StatementKinds.isDml("BEGIN STATEMENT SET"));
        assertFalse(StatementKinds.isDml("SELECT 'INSERT'"));
        assertFalse(StatementKinds.isDml("-- INSERT\nSELECT 1"));
        assertEquals("", StatementKinds.firstWord("  -- only a comment"));
    }

    @Test
    void scriptRunnerStopsAtFirstFailureWithScriptPosition() {
        String script = "SET 'a' = 'b';\nSELECT w;\n  SELECT bad;\nSELECT w;\n";
        env.on("SELECT w", () -> FakeResult.content(WORDS, Row.of("x", 1L)));
        env.failOn("SELECT bad", new TableException("Column 'bad' not found").atPosition(1, 8));
        ScriptRunner runner = new ScriptRunner(executor(ResultFormat.CSV), new PrintWriter(err), false);
        boolean ok = runner.run(List.of(
                new ScriptStatementRef("SET 'a' = 'b'", 1, 1),
                new ScriptStatementRef("SELECT w", 2, 1),
                new ScriptStatementRef("SELECT bad", 3, 3),
                new ScriptStatementRef("SELECT w", 4, 1)), script, "job.sql");
        assertFalse(ok);
        assertEquals(List.of("SET 'a' = 'b'", "SELECT w", "SELECT bad"), env.executed);
        assertEquals("word,cnt\nx,1\n", out.toString());
        assertEquals("[INFO] Execute statement succeeded.\n"
                + "[ERROR] Column 'bad' not found\n"
                + "at line 3, column 10 in job.sql:\n"
                + "  SELECT bad;\n"
                + "         ^\n", err.toString());
    }
}
