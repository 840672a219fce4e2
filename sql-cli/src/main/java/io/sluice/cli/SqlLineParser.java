package io.sluice.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of the shell's input. On Enter, a buffer that does not end a statement with {@code ;} (outside
 * quotes and comments) asks for another line, so a multi-line statement is edited, recalled from history and run
 * as one piece; a blank buffer and {@code QUIT}/{@code EXIT} without {@code ;} are accepted as they are. For
 * completion, the buffer is cut into words: dotted names ({@code cat.db.t}, {@code t.col}), string literals (an
 * open {@code 'exec} is one word, so option keys complete inside quotes) and single symbols.
 */
final class SqlLineParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && needsMoreInput(line)) {
            throw new EOFError(-1, -1, "the statement is not ended with ';'", ";");
        }
        return words(line, cursor);
    }

    /** Whether Enter should continue the statement on a new line. */
    static boolean needsMoreInput(String buffer) {
        return !buffer.isBlank() && !InteractiveShell.isQuit(buffer)
                && !StatementCompleteness.endsWithSemicolon(buffer);
    }

    /** The words of {@code line} and the one the cursor is in (or an empty word at the cursor). */
    static SqlParsedLine words(String line, int cursor) {
        List<int[]> ranges = new ArrayList<>();
        int[] current = null;
        for (SqlLexer.Token t : SqlLexer.tokens(line)) {
            boolean joinable = t.kind == SqlLexer.Kind.WORD || t.kind == SqlLexer.Kind.QUOTED_IDENTIFIER
                    || t.kind == SqlLexer.Kind.NUMBER || (t.kind == SqlLexer.Kind.SYMBOL && line.charAt(t.start) == '.');
            if (joinable && current != null && current[1] == t.start) {
                current[1] = t.end;
                continue;
            }
            current = null;
            if (t.kind == SqlLexer.Kind.WHITESPACE || t.kind == SqlLexer.Kind.COMMENT) {
                continue;
            }
            int[] range = {t.start, t.end};
            ranges.add(range);
            if (joinable) {
                current = range;
            }
        }
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordStart = cursor;
        for (int[] r : ranges) {
            if (wordIndex < 0 && r[0] <= cursor && cursor <= r[1] && !isSymbolEndingBefore(line, r, cursor)) {
                wordIndex = words.size();
                wordStart = r[0];
            } else if (wordIndex < 0 && r[0] >= cursor) {
                wordIndex = words.size();
                words.add("");
            }
            words.add(line.substring(r[0], r[1]));
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
            words.add("");
        }
        return new SqlParsedLine(line, cursor, Collections.unmodifiableList(words), wordIndex, cursor - wordStart);
    }

    /** A symbol such as {@code (} right before the cursor is not the word being completed. */
    private static boolean isSymbolEndingBefore(String line, int[] r, int cursor) {
        char c = line.charAt(r[0]);
        boolean symbol = r[1] - r[0] == 1 && !SqlLexer.isWordChar(c) && c != '\'' && c != '`' && c != '"' && c != '.';
        return symbol && cursor == r[1];
    }

    /** The parsed buffer; candidates are inserted as they are (no escaping). */
    static final class SqlParsedLine implements CompletingParsedLine {
        private final String line;
        private final int cursor;
        private final List<String> words;
        private final int wordIndex;
        private final int wordCursor;

        SqlParsedLine(String line, int cursor, List<String> words, int wordIndex, int wordCursor) {
            this.line = line;
            this.cursor = cursor;
            this.words = words;
            this.wordIndex = wordIndex;
            this.wordCursor = wordCursor;
        }

        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public int wordCursor() {
            return wordCursor;
        }

        @Override
        public int wordIndex() {
            return wordIndex;
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
