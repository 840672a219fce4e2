package io.sluice.server.pg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes backend messages. Each message is assembled in a reusable buffer, then written with its type and length;
 * nothing reaches the socket before {@link #flush()}.
 */
final class PgMessageWriter {
    private final OutputStream out;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);

    PgMessageWriter(OutputStream out) {
        this.out = out;
    }

    /** Starts a message body; the {@code put} methods append to it and {@link #send(char)} ends it. */
    PgMessageWriter begin() {
        body.reset();
        return this;
    }

    PgMessageWriter putByte(int b) {
        body.write(b);
        return this;
    }

    PgMessageWriter putShort(int v) {
        body.write(v >>> 8);
        body.write(v);
        return this;
    }

    PgMessageWriter putInt(int v) {
        body.write(v >>> 24);
        body.write(v >>> 16);
        body.write(v >>> 8);
        body.write(v);
        return this;
    }

    PgMessageWriter putBytes(byte[] b) {
        body.write(b, 0, b.length);
        return this;
    }

    PgMessageWriter putCString(String s) {
        putBytes(s.getBytes(StandardCharsets.UTF_8));
        body.write(0);
        return this;
    }

    void send(char type) throws IOException {
        out.write(type);
        int length = body.size() + 4;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        body.writeTo(out);
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The single byte answering an SSLRequest or GSSENCRequest ('N': not supported). */
    void rawByte(char b) throws IOException {
        out.write(b);
        out.flush();
    }

    // ---- messages ----

    void authenticationOk() throws IOException {
        begin().putInt(0).send('R');
    }

    void authenticationSasl(List<String> mechanisms) throws IOException {
        begin().putInt(10);
        mechanisms.forEach(this::putCString);
        putByte(0).send('R');
    }

    void authenticationSaslContinue(byte[] data) throws IOException {
        begin().putInt(11).putBytes(data).send('R');
    }

    void authenticationSaslFinal(byte[] data) throws IOException {
        begin().putInt(12).putBytes(data).send('R');
    }

    void parameterStatus(String name, String value) throws IOException {
        begin().putCString(name).putCString(value).send('S');
    }

    void backendKeyData(int processId, int secretKey) throws IOException {
        begin().putInt(processId).putInt(secretKey).send('K');
    }

    void readyForQuery(char transactionStatus) throws IOException {
        begin().putByte(transactionStatus).send('Z');
    }

    void rowDescription(List<PgColumn> columns, short[] formats) throws IOException {
        begin().putShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            PgColumn c = columns.get(i);
            putCString(c.name()).putInt(0).putShort(0).putInt(c.type().oid()).putShort(c.type().size())
                    .putInt(c.typeModifier()).putShort(PgFormats.formatOf(formats, i));
        }
        send('T');
    }

    void noData() throws IOException {
        begin().send('n');
    }

    /** A DataRow; a null entry is SQL NULL. */
    void dataRow(byte[][] values) throws IOException {
        begin().putShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                putInt(-1);
            } else {
                putInt(v.length).putBytes(v);
            }
        }
        send('D');
    }

    void commandComplete(String tag) throws IOException {
        begin().putCString(tag).send('C');
    }

    void emptyQueryResponse() throws IOException {
        begin().send('I');
    }

    void parseComplete() throws IOException {
        begin().send('1');
    }

    void bindComplete() throws IOException {
        begin().send('2');
    }

    void closeComplete() throws IOException {
        begin().send('3');
    }

    void portalSuspended() throws IOException {
        begin().send('s');
    }

    void parameterDescription(int[] oids) throws IOException {
        begin().putShort(oids.length);
        for (int oid : oids) {
            putInt(oid);
        }
        send('t');
    }

    /** ErrorResponse ('E') or NoticeResponse ('N') with the given fields (S, V, C, M, P, ...). */
    void errorOrNotice(char type, Map<Character, String> fields) throws IOException {
        begin();
        for (Map.Entry<Character, String> f : fields.entrySet()) {
            putByte(f.getKey()).putCString(f.getValue());
        }
        putByte(0).send(type);
    }
}
