/** Collectors and side-output tags (Flink's {@code org.apache.flink.util}). */
package io.sluice.util;
