/** Shared connector settings (Flink's {@code org.apache.flink.connector.base}). */
package io.sluice.connector.base;
