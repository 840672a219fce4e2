/** Rate limits of generator sources (Flink's {@code org.apache.flink.api.connector.source.util.ratelimit}). */
package io.sluice.api.connector.source.util.ratelimit;
