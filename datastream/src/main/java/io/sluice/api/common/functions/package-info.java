/** User function interfaces of the DataStream API and their rich variants (Flink's {@code org.apache.flink.api.common.functions}). */
package io.sluice.api.common.functions;
