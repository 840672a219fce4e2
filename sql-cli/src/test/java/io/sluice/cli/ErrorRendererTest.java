package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.sql.parser.SqlParseException;
import io.sluice.sql.parser.ast.SqlPosition;
import io.sluice.table.api.SqlParserException;
import io.sluice.table.api.TableException;
import org.junit.jupiter.api.Test;

class ErrorRendererTest {
    private static final String SCRIPT = ""
            + "CREATE TABLE t (a INT) WITH ('connector' = 'blackhole');\n"
            + "\n"
            + "-- the broken one\n"
            + "  SELECT a,\n"
            + "         nope FROM t;\n";

    @Test
    void shiftsStatementRelativePositionsToTheScript() {
        // statement starting at line 4, column 3
        assertEquals(new ErrorRenderer.Position(4, 3), ErrorRenderer.toScript(4, 3, 1, 1));
        assertEquals(new ErrorRenderer.Position(4, 10), ErrorRenderer.toScript(4, 3, 1, 8));
        // later lines of the statement keep their own column
        assertEquals(new ErrorRenderer.Position(5, 10), ErrorRenderer.toScript(4, 3, 2, 10));
        assertEquals(new ErrorRenderer.Position(7, 1), ErrorRenderer.toScript(4, 3, 4, 1));
    }

    @Test
    void rendersMessagePositionLineAndCaret() {
        ScriptStatementRef stmt = new ScriptStatementRef("SELECT a,\n         nope FROM t", 4, 3);
        TableException e = new TableException("Column 'nope' not found in any table").atPosition(2, 10);
        assertEquals(""
                + "[ERROR] Column 'nope' not found in any table\n"
                + "at line 5, column 10 in job.sql:\n"
                + "         nope FROM t;\n"
                + "         ^\n", ErrorRenderer.render(e, SCRIPT, "job.sql", stmt, false));
    }

    @Test
    void firstLinePositionIsShiftedByTheStatementColumn() {
        ScriptStatementRef stmt = new ScriptStatementRef("SELECT a,\n         nope FROM t", 4, 3);
        TableException e = new SqlParserException("Encountered \",\"", 1, 9);
        assertEquals(""
                + "[ERROR] Encountered \",\"\n"
                + "at line 4, column 11:\n"
                + "  SELECT a,\n"
                + "          ^\n", ErrorRenderer.render(e, SCRIPT, null, stmt, false));
    }

    @Test
    void withoutPositionPointsAtTheStatementStart() {
        ScriptStatementRef stmt = new ScriptStatementRef("SELECT a,\n         nope FROM t", 4, 3);
        String text = ErrorRenderer.render(new IllegalStateException("boom"), SCRIPT, null, stmt, false);
        assertEquals(""
                + "[ERROR] java.lang.IllegalStateException: boom\n"
                + "at line 4, column 3:\n"
                + "  SELECT a,\n"
                + "  ^\n", text);
    }

    @Test
    void positionOfAWrappedTableExceptionIsUsedAndCalcitePrefixDropped() {
        ScriptStatementRef stmt = new ScriptStatementRef("SELECT x FROM t", 1, 1);
        TableException inner = new TableException("From line 1, column 8 to line 1, column 8: Column 'x' not found")
                .atPosition(1, 8);
        assertEquals(new ErrorRenderer.Position(1, 8), ErrorRenderer.positionOf(new RuntimeException(inner), stmt));
        assertEquals("Column 'x' not found", ErrorRenderer.message(inner));
    }

    @Test
    void rootCauseIsNamedWhenItsTextIsNew() {
        ScriptStatementRef stmt = new ScriptStatementRef("INSERT INTO s SELECT 1", 1, 1);
        TableException e = new TableException("Job failed", new java.io.IOException("disk full"));
        String text = ErrorRenderer.render(e, "INSERT INTO s SELECT 1;", "x.sql", stmt, false);
        assertTrue(text.startsWith("[ERROR] Job failed\nCaused by: java.io.IOException: disk full\nat line 1, column 1 in x.sql:\n"),
                text);
    }

    @Test
    void parserMessagesGetTheScriptPosition() {
        ScriptStatementRef stmt = new ScriptStatementRef("CREATE TABEL t (a INT)", 3, 5);
        SqlParseException e = SqlParseException.at(new SqlPosition(1, 8), "Encountered \"TABEL\"");
        String script = "SET 'a' = 'b';\n\n    CREATE TABEL t (a INT);\n";
        assertEquals(""
                + "[ERROR] Encountered \"TABEL\" at line 3, column 12.\n"
                + "at line 3, column 12:\n"
                + "    CREATE TABEL t (a INT);\n"
                + "           ^\n", ErrorRenderer.render(e, script, null, stmt, false));
        // only the exact position text is rewritten, not a longer number that starts the same way
        TableException te = new TableException("bad at line 1, column 8 (see line 1, column 80)").atPosition(1, 8);
        assertEquals("[ERROR] bad at line 3, column 12 (see line 1, column 80)",
                ErrorRenderer.render(te, script, null, stmt, false).lines().findFirst().orElseThrow());
    }

    @Test
    void caretCountsColumnsInCodePoints() {
        // "😀" is one code point (two chars) and two cells wide; column 3 is the 'b'
        assertEquals("   ^", ErrorRenderer.caret("\uD83D\uDE00ab", 3));
    }

    @Test
    void caretKeepsTabsAndCountsWideCharacters() {
        assertEquals("^", ErrorRenderer.caret("abc", 1));
        assertEquals("  ^", ErrorRenderer.caret("abc", 3));
        assertEquals("\t  ^", ErrorRenderer.caret("\tabc", 4));
        assertEquals("    ^", ErrorRenderer.caret("中文x", 3));
        // beyond the end of the line: just after the last character
        assertEquals("   ^", ErrorRenderer.caret("abc", 99));
    }

    @Test
    void lineLookup() {
        assertEquals("a", ErrorRenderer.line("a\r\nb\n", 1));
        assertEquals("b", ErrorRenderer.line("a\r\nb\n", 2));
        assertEquals("", ErrorRenderer.line("a\r\nb\n", 3));
        assertEquals(null, ErrorRenderer.line("a\r\nb\n", 4));
        assertEquals(null, ErrorRenderer.line("a", 0));
    }
}
