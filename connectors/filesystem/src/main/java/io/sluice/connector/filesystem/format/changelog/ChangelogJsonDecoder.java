package io.sluice.connector.filesystem.format.changelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.format.RowKinds;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Decodes change events, one per line, into rows with row kinds. Each event is parsed into a json tree, its
 * {@link ChangelogProtocol} picks the row images, and the images are decoded by the json format's decoder straight
 * into the batch (so values follow the json format); then the rows' kinds are set. A malformed event fails the read
 * naming the file (or message) and line, or with {@code <format>.ignore-parse-errors} is skipped and counted. The
 * rows of one event are never split between batches: a batch may end up to one event's rows past {@code maxRows}
 * when the event alone is larger. Requested metadata ({@link ChangelogProtocol#metadata()}) fills the columns after
 * the projected ones, with the same value for every row of an event. Used by one thread.
 */
final class ChangelogJsonDecoder implements RecordDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InputStream in;
    private final String fileName;
    private final String formatId;
    private final ChangelogProtocol protocol;
    private final RecordDecoderFactory rowDecoders;
    private final RowType physicalType;
    private final int[] projectedFields;
    private final boolean ignoreParseErrors;
    /** The metadata written after the projected columns. */
    private final List<String> metadataKeys;
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(256);
    private final List<ChangeImage> images = new ArrayList<>();
    /** The images of the event read but not yet written (it did not fit into the last batch), or null. */
    private List<ChangeImage> pending;
    private JsonNode pendingEvent;
    private long pendingLine;
    /** The event parsed by the last {@link #images} call. */
    private JsonNode lastEvent;
    private long line;
    private boolean eof;
    private long skipped;

    ChangelogJsonDecoder(InputStream in, String fileName, String formatId, ChangelogProtocol protocol,
            RecordDecoderFactory rowDecoders, RowType physicalType, int[] projectedFields, boolean ignoreParseErrors,
            List<String> metadataKeys) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.fileName = fileName;
        this.formatId = formatId;
        this.protocol = protocol;
        this.rowDecoders = rowDecoders;
        this.physicalType = physicalType;
        this.projectedFields = projectedFields.clone();
        this.ignoreParseErrors = ignoreParseErrors;
        this.metadataKeys = List.copyOf(metadataKeys);
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        int start = batch.rowCount();
        while (batch.rowCount() < maxRows) {
            if (pending == null) {
                byte[] event = nextLine();
                if (event == null) {
                    return false;
                }
                pending = images(event);
                pendingEvent = lastEvent;
                pendingLine = line;
                if (pending.isEmpty()) {
                    pending = null;
                    continue;
                }
            }
            if (batch.rowCount() > start && batch.rowCount() + pending.size() > maxRows) {
                return true; // the event's rows go into the next batch
            }
            write(batch, pending, pendingEvent, pendingLine);
            pending = null;
            pendingEvent = null;
        }
        return true;
    }

    /** The images of one event; empty for a blank line, an event without rows or a skipped malformed event. */
    private List<ChangeImage> images(byte[] event) {
        images.clear();
        if (isBlank(event)) {
            return List.of();
        }
        try {
            JsonNode tree = MAPPER.readTree(event);
            if (tree == null || !tree.isObject()) {
                throw new MalformedEventException("the event is not a JSON object");
            }
            protocol.images(tree, images);
            lastEvent = tree;
            return new ArrayList<>(images);
        } catch (JsonProcessingException | MalformedEventException e) {
            if (ignoreParseErrors) {
                skipped++;
                return List.of();
            }
            String why = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage();
            throw new TableException("Malformed " + formatId + " event at " + fileName + ":" + line + ": "
                    + why.lines().findFirst().orElse("") + ". The event is '" + excerpt(event) + "'.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Decodes the images' rows into the batch with the json decoder, then sets their row kinds and the event's
     * metadata.
     */
    private void write(RowBatch batch, List<ChangeImage> rows, JsonNode event, long eventLine) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(128 * rows.size());
        for (ChangeImage image : rows) {
            MAPPER.writeValue(text, image.row());
            text.write('\n');
        }
        int first = batch.rowCount();
        int end = first + rows.size();
        try (RecordDecoder decoder = rowDecoders.createDecoder(new ByteArrayInputStream(text.toByteArray()),
                fileName + ":" + eventLine, physicalType, projectedFields)) {
            while (batch.rowCount() < end && decoder.decode(batch, end)) {
                // one call normally decodes every image
            }
            if (batch.rowCount() != end) {
                throw new TableException("Malformed " + formatId + " event at " + fileName + ":" + eventLine
                        + ": a row image could not be decoded.");
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            RowKinds.set(batch, first + i, rows.get(i).kind());
        }
        for (int k = 0; k < metadataKeys.size(); k++) {
            Object value = protocol.metadata(event, metadataKeys.get(k));
            FieldVector v = batch.vector(projectedFields.length + k);
            for (int row = first; row < end; row++) {
                VectorValues.set(batch.type().type(projectedFields.length + k), v, row, value);
            }
        }
    }

    /** The next line without its line break (and a UTF-8 byte order mark at the start), or null at the end. */
    private byte[] nextLine() throws IOException {
        if (eof) {
            return null;
        }
        lineBytes.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            lineBytes.write(b);
        }
        if (b < 0) {
            eof = true;
            if (lineBytes.size() == 0) {
                return null;
            }
        }
        line++;
        byte[] bytes = lineBytes.toByteArray();
        int from = 0;
        int to = bytes.length;
        if (line == 1 && to >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            from = 3;
        }
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        return from == 0 && to == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static boolean isBlank(byte[] b) {
        for (byte c : b) {
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String excerpt(byte[] event) {
        String s = new String(event, StandardCharsets.UTF_8);
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
