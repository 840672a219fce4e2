package io.sluice.api.common.serialization;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Strings as the bytes of their encoding (UTF-8 unless given); the stream never ends. */
public class SimpleStringSchema implements DeserializationSchema<String>, SerializationSchema<String> {
    private static final long serialVersionUID = 1L;
    private final String charsetName;

    public SimpleStringSchema() {
        this(StandardCharsets.UTF_8);
    }

    public SimpleStringSchema(Charset charset) {
        this.charsetName = charset.name();
    }

    public Charset getCharset() {
        return Charset.forName(charsetName);
    }

    @Override
    public String deserialize(byte[] message) {
        return message == null ? null : new String(message, getCharset());
    }

    @Override
    public boolean isEndOfStream(String nextElement) {
        return false;
    }

    @Override
    public byte[] serialize(String element) {
        return element.getBytes(getCharset());
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}
