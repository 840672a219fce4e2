/** Job-level types of the DataStream API: execution mode, job ids and results, execution config, task information (Flink's {@code org.apache.flink.api.common}). */
package io.sluice.api.common;
