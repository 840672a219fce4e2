package io.sluice.cli;

import io.sluice.sql.parser.ScriptSplitter;
import io.sluice.sql.parser.ScriptStatement;
import java.util.ArrayList;
import java.util.List;

/** Splits scripts into statements with the SQL parser's {@link ScriptSplitter}. */
final class Scripts {
    private Scripts() {
    }

    /**
     * The statements of a script, in order, each with its position in the script.
     *
     * @throws io.sluice.table.api.TableException when the script cannot be split (e.g. an unterminated quote); its
     *     position, if any, is relative to the whole script
     */
    static List<ScriptStatementRef> split(String script) {
        List<ScriptStatementRef> result = new ArrayList<>();
        for (ScriptStatement s : ScriptSplitter.split(script)) {
            result.add(new ScriptStatementRef(s.text(), s.line(), s.column()));
        }
        return result;
    }
}
