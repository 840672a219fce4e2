/** Serializer configuration (Flink's {@code org.apache.flink.api.common.serialization}). */
package io.sluice.api.common.serialization;
