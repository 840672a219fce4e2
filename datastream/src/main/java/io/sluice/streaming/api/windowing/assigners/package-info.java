/** Window assigners: tumbling, sliding, session and global windows (Flink's {@code org.apache.flink.streaming.api.windowing.assigners}). */
package io.sluice.streaming.api.windowing.assigners;
