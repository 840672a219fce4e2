/** Keyed state of user functions and its descriptors, with time-to-live (Flink's {@code org.apache.flink.api.common.state}). */
package io.sluice.api.common.state;
