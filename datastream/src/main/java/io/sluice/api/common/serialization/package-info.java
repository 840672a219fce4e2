/**
 * Serializer configuration and the (de)serialization schemas of message bytes (Flink's
 * {@code org.apache.flink.api.common.serialization}).
 */
package io.sluice.api.common.serialization;
