package io.sluice.connector.file.src.reader;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.configuration.Configuration;
import io.sluice.core.fs.FSDataInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/** Reads a file's lines (without their line terminators) as strings, UTF-8 unless another charset is named. */
public class TextLineInputFormat extends SimpleStreamFormat<String> {
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

    @Override
    public Reader<String> createReader(Configuration config, FSDataInputStream stream) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, Charset.forName(charsetName)));
        return new Reader<>() {
            @Override
            public String read() throws IOException {
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}
