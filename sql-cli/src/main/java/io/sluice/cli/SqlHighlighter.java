package io.sluice.cli;

import io.sluice.runtime.config.Configuration;
import java.util.function.Supplier;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colors the input as it is typed: keywords, string literals, comments, numbers and quoted identifiers, in the
 * {@link ColorSchema} that {@code sql-client.display.color-schema} selects (read on each redraw, so a {@code SET}
 * applies at once).
 */
final class SqlHighlighter implements Highlighter {
    private final Supplier<Configuration> config;
    private final boolean colorTerminal;

    SqlHighlighter(Supplier<Configuration> config, boolean colorTerminal) {
        this.config = config;
        this.colorTerminal = colorTerminal;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        ColorSchema schema;
        try {
            schema = ColorSchema.of(config.get().getString(ColorSchema.KEY), colorTerminal);
        } catch (RuntimeException e) {
            schema = ColorSchema.NONE;
        }
        return highlight(buffer, schema);
    }

    /** The buffer with the schema's styles applied. */
    static AttributedString highlight(String buffer, ColorSchema schema) {
        if (schema == ColorSchema.NONE) {
            return new AttributedString(buffer);
        }
        AttributedStringBuilder sb = new AttributedStringBuilder(buffer.length());
        for (SqlLexer.Token t : SqlLexer.tokens(buffer)) {
            String text = t.text(buffer);
            AttributedStyle style = style(t, text, schema);
            if (style == null) {
                sb.append(text);
            } else {
                sb.styled(style, text);
            }
        }
        return sb.toAttributedString();
    }

    private static AttributedStyle style(SqlLexer.Token t, String text, ColorSchema schema) {
        switch (t.kind) {
            case WORD:
                return SqlKeywords.isKeyword(text) ? schema.keyword : null;
            case STRING:
                return schema.string;
            case COMMENT:
                return schema.comment;
            case NUMBER:
                return schema.number;
            case QUOTED_IDENTIFIER:
                return schema.quotedIdentifier;
            default:
                return null;
        }
    }
}
