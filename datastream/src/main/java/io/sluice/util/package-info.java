/** Collectors, side-output tags and program parameters (Flink's {@code org.apache.flink.util}). */
package io.sluice.util;
