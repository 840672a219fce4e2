/** File system paths (Flink's {@code org.apache.flink.core.fs}); the local file system only. */
package io.sluice.core.fs;
