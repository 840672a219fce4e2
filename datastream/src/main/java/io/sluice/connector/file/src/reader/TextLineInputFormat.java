package io.sluice.connector.file.src.reader;

import java.nio.charset.Charset;

/** Reads a file's lines (without their line terminators) as strings, UTF-8 unless another charset is named. */
public class TextLineInputFormat implements StreamFormat<String> {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_CHARSET_NAME = "UTF-8";
    private final String charsetName;

    public TextLineInputFormat() {
        this(DEFAULT_CHARSET_NAME);
    }

    public TextLineInputFormat(String charsetName) {
        Charset.forName(charsetName);
        this.charsetName = charsetName;
    }

    public String getCharsetName() {
        return charsetName;
    }
}
