package io.sluice.datastream.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

/** The unsynchronized record buffers write and read exactly what the JDK's data streams do. */
class RecordBytesTest {
    private static void writeAll(DataOutput out) throws Exception {
        out.writeBoolean(true);
        out.writeByte(-7);
        out.writeShort(-12345);
        out.writeChar('é');
        out.writeInt(Integer.MIN_VALUE + 3);
        out.writeLong(-1234567890123456789L);
        out.writeFloat(1.5f);
        out.writeDouble(-2.25);
        out.writeUTF("grüße \u0000 ✓");
        out.write(new byte[] {1, 2, 3}, 1, 2);
        RecordBytes.writeString("naïve text ✓", out);
    }

    @Test
    void writesWhatDataOutputStreamWrites() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        writeAll(new DataOutputStream(expected));
        RecordBytes.Output out = new RecordBytes.Output();
        for (int i = 0; i < 50; i++) { // grows past the initial buffer
            out.reset();
            writeAll(out);
        }
        assertArrayEquals(expected.toByteArray(), out.toByteArray());
    }

    @Test
    void readsWhatDataOutputStreamWrote() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeAll(new DataOutputStream(bytes));
        for (DataInput in : new DataInput[] {new RecordBytes.Input().of(bytes.toByteArray()),
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))}) {
            assertEquals(true, in.readBoolean());
            assertEquals(-7, in.readByte());
            assertEquals(-12345, in.readShort());
            assertEquals('é', in.readChar());
            assertEquals(Integer.MIN_VALUE + 3, in.readInt());
            assertEquals(-1234567890123456789L, in.readLong());
            assertEquals(1.5f, in.readFloat());
            assertEquals(-2.25, in.readDouble());
            assertEquals("grüße \u0000 ✓", in.readUTF());
            assertEquals(2, in.readUnsignedByte());
            assertEquals(3, in.readUnsignedByte());
            assertEquals("naïve text ✓", RecordBytes.readString(in));
        }
    }

    @Test
    void readingPastTheRecordFails() {
        DataInput in = new RecordBytes.Input().of(new byte[] {0, 0, 1});
        assertThrows(EOFException.class, in::readInt);
    }
}
