package io.sluice.connector.filesystem.format.raw;

import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Converts between the bytes of one raw record and the value of the table's single column, as Flink's raw format:
 * text in {@code raw.charset}, bytes as they are, BOOLEAN as one byte (0 false, 1 true), TINYINT one byte, SMALLINT,
 * INT, BIGINT, FLOAT and DOUBLE as 2, 4, 8, 4 and 8 bytes in {@code raw.endianness} (IEEE 754 for the floating point
 * types). Immutable.
 */
public final class RawCodec {
    private final String column;
    private final LogicalType type;
    private final Charset charset;
    private final ByteOrder order;
    /** The size of a numeric or boolean value, -1 for text and bytes. */
    private final int size;

    /**
     * @throws ValidationException for more than one physical column or a bad option value
     * @throws UnsupportedFeatureException for a column type raw cannot hold
     */
    public RawCodec(TableContext context) {
        if (context.physicalRowType().size() != 1) {
            throw new ValidationException("The 'raw' format of table " + context.tableName() + " supports only one"
                    + " physical column, but found " + context.physicalRowType().size() + ".");
        }
        this.column = context.physicalRowType().name(0);
        this.type = context.physicalRowType().type(0);
        String charsetName = context.get(RawOptions.CHARSET, "raw.");
        try {
            this.charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ValidationException("Unsupported value '" + charsetName + "' for option 'raw.charset' of table "
                    + context.tableName() + ": not a charset of this JVM (e.g. UTF-8, UTF-16, ISO-8859-1).");
        }
        String endianness = context.get(RawOptions.ENDIANNESS, "raw.").toLowerCase(Locale.ROOT);
        if (!endianness.equals("big-endian") && !endianness.equals("little-endian")) {
            throw new ValidationException("Unsupported value '" + endianness + "' for option 'raw.endianness' of table "
                    + context.tableName() + ". Supported values are [big-endian, little-endian].");
        }
        this.order = endianness.equals("big-endian") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        switch (type.root()) {
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                size = -1;
                break;
            case BOOLEAN:
            case TINYINT:
                size = 1;
                break;
            case SMALLINT:
                size = 2;
                break;
            case INTEGER:
            case FLOAT:
                size = 4;
                break;
            case BIGINT:
            case DOUBLE:
                size = 8;
                break;
            default:
                throw new UnsupportedFeatureException("the 'raw' format for type " + type.typeName() + " (column '"
                        + column + "' of table " + context.tableName() + "; supported: STRING, BYTES, BOOLEAN,"
                        + " TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE)");
        }
    }

    /**
     * Writes the value held by {@code len} bytes of {@code b} at {@code off} into row {@code row} of {@code v}.
     *
     * @param position names the record in errors, e.g. a file and line
     */
    public void decode(byte[] b, int off, int len, FieldVector v, int row, String position) {
        switch (type.root()) {
            case CHAR:
            case VARCHAR:
                byte[] utf8 = charset.equals(StandardCharsets.UTF_8) ? slice(b, off, len)
                        : new String(b, off, len, charset).getBytes(StandardCharsets.UTF_8);
                ((VarCharVector) v).setSafe(row, utf8);
                return;
            case BINARY:
            case VARBINARY:
                ((VarBinaryVector) v).setSafe(row, b, off, len);
                return;
            default:
                break;
        }
        if (len != size) {
            throw new TableException("The raw value of column '" + column + "' (" + type.typeName() + ") at "
                    + position + " has " + len + " bytes, but " + size + " are expected.");
        }
        ByteBuffer buf = ByteBuffer.wrap(b, off, len).order(order);
        Object value;
        switch (type.root()) {
            case BOOLEAN:
                value = b[off] != 0;
                break;
            case TINYINT:
                value = b[off];
                break;
            case SMALLINT:
                value = buf.getShort();
                break;
            case INTEGER:
                value = buf.getInt();
                break;
            case BIGINT:
                value = buf.getLong();
                break;
            case FLOAT:
                value = buf.getFloat();
                break;
            default:
                value = buf.getDouble();
        }
        VectorValues.set(type, v, row, value);
    }

    /** The bytes of row {@code row} of {@code v}, or null for NULL. */
    public byte[] encode(FieldVector v, int row) {
        Object value = VectorValues.get(type, v, row);
        if (value == null) {
            return null;
        }
        switch (type.root()) {
            case CHAR:
            case VARCHAR:
                return ((String) value).getBytes(charset);
            case BINARY:
            case VARBINARY:
                return (byte[]) value;
            default:
                break;
        }
        ByteBuffer buf = ByteBuffer.allocate(size).order(order);
        switch (type.root()) {
            case BOOLEAN:
                buf.put((byte) (((Boolean) value) ? 1 : 0));
                break;
            case TINYINT:
                buf.put((Byte) value);
                break;
            case SMALLINT:
                buf.putShort((Short) value);
                break;
            case INTEGER:
                buf.putInt((Integer) value);
                break;
            case BIGINT:
                buf.putLong((Long) value);
                break;
            case FLOAT:
                buf.putFloat((Float) value);
                break;
            default:
                buf.putDouble((Double) value);
        }
        return buf.array();
    }

    private static byte[] slice(byte[] b, int off, int len) {
        return off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
    }
}
