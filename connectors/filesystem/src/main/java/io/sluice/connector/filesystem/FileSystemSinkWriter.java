package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes one subtask's rows to a part file {@code part-<uuid>-<subtask>-<n>.<ext>} in the sink directory
 * (created if missing). The file is written under a hidden in-progress name ({@code .part-...inprogress},
 * which readers skip) and renamed to its final name by {@link #finish()}; {@link #close()} without
 * {@code finish} deletes it. No file is created when no row arrives.
 */
public final class FileSystemSinkWriter implements SinkWriter {
    private final Path directory;
    private final RecordEncoderFactory encoderFactory;
    private final int subtaskIndex;
    private final String uuid = UUID.randomUUID().toString();
    private int partCounter;
    private OutputStream stream;
    private RecordEncoder encoder;
    private Path inProgress;
    private Path finalPath;

    public FileSystemSinkWriter(Path directory, RecordEncoderFactory encoderFactory, int subtaskIndex) {
        this.directory = directory;
        this.encoderFactory = encoderFactory;
        this.subtaskIndex = subtaskIndex;
    }

    @Override
    public void open() throws IOException {
        Files.createDirectories(directory);
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        if (!batch.isInsertOnly()) {
            throw new TableException("The filesystem sink accepts only inserts, but received an update or delete "
                    + "for " + directory + ".");
        }
        if (stream == null) {
            String name = "part-" + uuid + "-" + subtaskIndex + "-" + partCounter++ + "." + encoderFactory.fileExtension();
            finalPath = directory.resolve(name);
            inProgress = directory.resolve("." + name + ".inprogress");
            stream = new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16);
            encoder = encoderFactory.createEncoder(stream);
        }
        encoder.write(batch);
    }

    @Override
    public void finish() throws IOException {
        if (stream != null) {
            encoder.flush();
            stream.close();
            stream = null;
            Files.move(inProgress, finalPath, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            try {
                stream.close();
            } finally {
                stream = null;
                Files.deleteIfExists(inProgress);
            }
        }
    }
}
