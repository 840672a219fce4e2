/** Serializers of records and state values (Flink's {@code org.apache.flink.api.common.typeutils}). */
package io.sluice.api.common.typeutils;
