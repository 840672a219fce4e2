/** Type information of records and state values (Flink's {@code org.apache.flink.api.common.typeinfo}). */
package io.sluice.api.common.typeinfo;
