/** The sink interface of the DataStream API (Flink's {@code org.apache.flink.api.connector.sink2}). */
package io.sluice.api.connector.sink2;
