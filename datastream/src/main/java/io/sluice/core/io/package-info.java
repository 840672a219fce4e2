/** Flink's core I/O types used by sources: versioned serializers and the input status of a poll. */
package io.sluice.core.io;
