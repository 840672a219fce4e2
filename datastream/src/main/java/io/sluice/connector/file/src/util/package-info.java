/** Positions of file readers: {@link io.sluice.connector.file.src.util.CheckpointedPosition}, {@link io.sluice.connector.file.src.util.RecordAndPosition}. */
package io.sluice.connector.file.src.util;
