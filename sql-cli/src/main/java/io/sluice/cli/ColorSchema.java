package io.sluice.cli;

import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedStyle;

/**
 * Colors of the shell's syntax highlighting, chosen with Flink's option {@code sql-client.display.color-schema}.
 * As in Flink, {@code DEFAULT} means no highlighting. Sluice has two palettes: a light-background one
 * ({@code LIGHT}, {@code VS2010}, {@code GESHI}) and a dark-background one (the other Flink names). When the option
 * is not set, a terminal gets the dark palette and anything else (a dumb terminal) none.
 */
enum ColorSchema {
    NONE(null, null, null, null, null),
    DARK(AttributedStyle.BOLD.foreground(AttributedStyle.BLUE | AttributedStyle.BRIGHT),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic(),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA | AttributedStyle.BRIGHT),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)),
    LIGHT(AttributedStyle.BOLD.foreground(AttributedStyle.BLUE),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.RED),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN).italic(),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA),
            AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));

    /** Flink's option key. */
    static final String KEY = "sql-client.display.color-schema";
    /** The values Flink accepts. */
    static final List<String> NAMES = List.of("DEFAULT", "DARK", "LIGHT", "CHESTER", "VS2010", "SOLARIZED",
            "OBSIDIAN", "GESHI");

    final AttributedStyle keyword;
    final AttributedStyle string;
    final AttributedStyle comment;
    final AttributedStyle number;
    final AttributedStyle quotedIdentifier;

    ColorSchema(AttributedStyle keyword, AttributedStyle string, AttributedStyle comment, AttributedStyle number,
            AttributedStyle quotedIdentifier) {
        this.keyword = keyword;
        this.string = string;
        this.comment = comment;
        this.number = number;
        this.quotedIdentifier = quotedIdentifier;
    }

    /**
     * The palette for an option value ({@code null} when unset); an unknown value highlights nothing.
     *
     * @param colorTerminal whether the terminal shows colors (decides the unset case)
     */
    static ColorSchema of(String value, boolean colorTerminal) {
        if (value == null || value.isBlank()) {
            return colorTerminal ? DARK : NONE;
        }
        switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "LIGHT":
            case "VS2010":
            case "GESHI":
                return LIGHT;
            case "DARK":
            case "CHESTER":
            case "SOLARIZED":
            case "OBSIDIAN":
                return DARK;
            default:
                return NONE;
        }
    }
}
