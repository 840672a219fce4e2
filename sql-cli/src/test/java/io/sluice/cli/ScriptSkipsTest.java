package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptSkipsTest {
    @TempDir
    Path tmp;

    private ScriptSkips read(String text) throws IOException {
        Path file = tmp.resolve("skips.txt");
        Files.writeString(file, text);
        return ScriptSkips.read(file);
    }

    @Test
    void entriesNameAStatementByNumberWithAReasonOrANamedReason() throws IOException {
        ScriptSkips skips = read("# comment\n\n@NET\tneeds the network\n"
                + "a.q\t2\tSELECT  * FROM t\t@NET\n"
                + "a.q\t5:error\tcreate table x\tthe parser's message differs\n"
                + "b.q\t*\t*\tnot supported\n");
        ScriptSkips.Entry second = skips.find("a.q", 2);
        assertEquals("needs the network", second.reason());
        assertFalse(second.mustFail());
        assertEquals(4, second.line());
        assertTrue(ScriptSkips.startsAsListed(second, "select *\n  from t where x = 1;"));
        assertFalse(ScriptSkips.startsAsListed(second, "select * from u;"));
        assertNull(skips.find("a.q", 3));
        assertTrue(skips.find("a.q", 5).mustFail());
        ScriptSkips.Entry whole = skips.find("b.q", 7);
        assertTrue(whole.wholeScript());
        assertTrue(ScriptSkips.startsAsListed(whole, "anything"));
        assertEquals(2, skips.of("a.q").size());
    }

    @Test
    void malformedLinesAndUndefinedReasonsAreErrors() {
        assertThrows(IOException.class, () -> read("a.q\t1\tselect\n"));
        assertThrows(IOException.class, () -> read("a.q\t1\tselect\t@MISSING\n"));
        assertThrows(NumberFormatException.class, () -> read("a.q\tone\tselect\treason\n"));
    }
}
