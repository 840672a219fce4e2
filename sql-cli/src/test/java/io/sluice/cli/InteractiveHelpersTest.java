package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InteractiveHelpersTest {
    @Test
    void statementEndsAtSemicolonOutsideQuotesAndComments() {
        assertTrue(StatementCompleteness.endsWithSemicolon("SELECT 1;"));
        assertTrue(StatementCompleteness.endsWithSemicolon("SELECT 1;  \n"));
        assertTrue(StatementCompleteness.endsWithSemicolon("SELECT 1; -- done\n"));
        assertTrue(StatementCompleteness.endsWithSemicolon("SELECT 'it''s;';"));
        assertTrue(StatementCompleteness.endsWithSemicolon("SELECT `a;b` FROM t; /* c; */"));
        assertFalse(StatementCompleteness.endsWithSemicolon("SELECT 1"));
        assertFalse(StatementCompleteness.endsWithSemicolon("SELECT ';"));
        assertFalse(StatementCompleteness.endsWithSemicolon("SELECT 1 -- ;\n"));
        assertFalse(StatementCompleteness.endsWithSemicolon("SELECT 1 /* ; "));
        assertFalse(StatementCompleteness.endsWithSemicolon("SELECT 1; SELECT 2"));
        assertFalse(StatementCompleteness.endsWithSemicolon("SELECT \"x;\" "));
    }

    @Test
    void quitCommands() {
        assertTrue(InteractiveShell.isQuit("QUIT;\n"));
        assertTrue(InteractiveShell.isQuit("  exit ;"));
        assertTrue(InteractiveShell.isQuit("quit"));
        assertFalse(InteractiveShell.isQuit("SELECT quit FROM t;"));
    }
}
