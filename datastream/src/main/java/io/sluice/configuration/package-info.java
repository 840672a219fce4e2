/** Settings of a DataStream environment by Flink's option keys (Flink's {@code org.apache.flink.configuration}). */
package io.sluice.configuration;
