package io.sluice.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.CheckpointStorage.Checkpoint;
import io.sluice.runtime.checkpoint.CheckpointStorage.NodeState;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStorageTest {
    private static final byte[] SOURCE_STATE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final byte[] AGG_STATE = "group state".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @TempDir
    Path jobDir;

    private static List<NodeState> states() {
        return List.of(new NodeState("1_source", 0, 1, "Source: orders", "source reading orders", SOURCE_STATE),
                new NodeState("2_calc", 0, 1, "Calc", "calc", null),
                new NodeState("3_group-aggregate", 0, 1, "GroupAggregate", "group-aggregate", AGG_STATE));
    }

    @Test
    void writesAndReadsBackEveryNodeState() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(jobDir, 3);
        assertEquals(Optional.empty(), storage.latest());
        Path dir = storage.write(7, states());
        assertEquals(jobDir.resolve("chk-7"), dir);
        assertFalse(Files.exists(jobDir.resolve("chk-7.inprogress")));
        assertEquals(Optional.of(dir), storage.latest());

        Checkpoint checkpoint = CheckpointStorage.read(dir);
        assertEquals(7, checkpoint.id());
        assertEquals(dir, checkpoint.directory());
        assertTrue(checkpoint.timestamp() > 0);
        assertEquals(3, checkpoint.states().size());
        assertArrayEquals(SOURCE_STATE, checkpoint.stateOf("1_source", 0));
        assertNull(checkpoint.stateOf("2_calc", 0));
        assertArrayEquals(AGG_STATE, checkpoint.stateOf("3_group-aggregate", 0));
        assertNull(checkpoint.stateOf("3_group-aggregate", 1), "an instance the checkpoint does not know has no state");
        assertNull(checkpoint.stateOf("4_sink", 0), "an operator the checkpoint does not know has no state");
        assertEquals("GroupAggregate", checkpoint.states().get(2).name());
        assertEquals(1, checkpoint.states().get(2).parallelism());
        assertEquals("group-aggregate", checkpoint.states().get(2).schema());
    }

    @Test
    void keepsOnlyTheRetainedNumberOfCheckpoints() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(jobDir, 2);
        for (long id = 1; id <= 4; id++) {
            storage.write(id, states());
        }
        assertFalse(Files.exists(jobDir.resolve("chk-1")));
        assertFalse(Files.exists(jobDir.resolve("chk-2")));
        assertTrue(Files.isDirectory(jobDir.resolve("chk-3")));
        assertTrue(Files.isDirectory(jobDir.resolve("chk-4")));
        assertEquals(Optional.of(jobDir.resolve("chk-4")), storage.latest());
        // numeric order, not text order; an unfinished checkpoint is never the latest
        storage.write(10, states());
        Files.createDirectories(jobDir.resolve("chk-11.inprogress"));
        assertEquals(Optional.of(jobDir.resolve("chk-10")), storage.latest());
        assertFalse(Files.exists(jobDir.resolve("chk-3")));
    }

    @Test
    void aCorruptedNodeFileFailsItsChecksum() throws IOException {
        Path dir = new CheckpointStorage(jobDir, 1).write(1, states());
        Path node = dir.resolve("node-2.bin");
        byte[] data = Files.readAllBytes(node);
        data[3] ^= 0x10;
        Files.write(node, data);
        TableException e = assertThrows(TableException.class, () -> CheckpointStorage.read(dir));
        assertTrue(e.getMessage().contains("state of operator '3_group-aggregate' (GroupAggregate) fails its checksum"), e.getMessage());
        assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
    }

    @Test
    void aTruncatedNodeFileFailsItsChecksum() throws IOException {
        Path dir = new CheckpointStorage(jobDir, 1).write(1, states());
        Path node = dir.resolve("node-0.bin");
        Files.write(node, Arrays.copyOf(Files.readAllBytes(node), SOURCE_STATE.length - 1));
        TableException e = assertThrows(TableException.class, () -> CheckpointStorage.read(dir));
        assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
    }

    @Test
    void aCorruptedMetadataFileFailsClearly() throws IOException {
        Path dir = new CheckpointStorage(jobDir, 1).write(1, states());
        Path meta = dir.resolve("_metadata");
        byte[] bytes = Files.readAllBytes(meta);
        bytes[10] ^= 0x01;
        Files.write(meta, bytes);
        TableException e = assertThrows(TableException.class, () -> CheckpointStorage.read(dir));
        assertTrue(e.getMessage().contains("metadata checksum mismatch"), e.getMessage());
    }

    @Test
    void aWrongMagicNumberOrVersionFailsClearly() throws IOException {
        Path dir = new CheckpointStorage(jobDir, 1).write(1, states());
        byte[] original = Files.readAllBytes(dir.resolve("_metadata"));

        rewriteMetadata(dir, original, 0, 0x12345678);
        TableException magic = assertThrows(TableException.class, () -> CheckpointStorage.read(dir));
        assertTrue(magic.getMessage().contains("not a Sluice checkpoint"), magic.getMessage());

        rewriteMetadata(dir, original, 4, CheckpointStorage.VERSION + 98);
        TableException version = assertThrows(TableException.class, () -> CheckpointStorage.read(dir));
        assertTrue(version.getMessage().contains("has format version " + (CheckpointStorage.VERSION + 98)
                + "; this Sluice reads version " + CheckpointStorage.VERSION), version.getMessage());
    }

    @Test
    void aDirectoryWithoutMetadataIsNotACheckpoint() throws IOException {
        Path dir = Files.createDirectories(jobDir.resolve("chk-5"));
        TableException e = assertThrows(TableException.class, () -> CheckpointStorage.read(dir));
        assertTrue(e.getMessage().contains("is not a complete checkpoint or savepoint"), e.getMessage());
        assertEquals(Optional.empty(), new CheckpointStorage(jobDir, 1).latest());
    }

    /** Writes {@code original} metadata with the int at {@code offset} replaced and a valid CRC. */
    private static void rewriteMetadata(Path dir, byte[] original, int offset, int value) throws IOException {
        byte[] body = Arrays.copyOf(original, original.length - 8);
        ByteBuffer.wrap(body).putInt(offset, value);
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer all = ByteBuffer.allocate(body.length + 8);
        all.put(body).putLong(crc.getValue());
        Files.write(dir.resolve("_metadata"), all.array());
    }
}
