/** Type information of composite types: tuples, rows, POJOs, lists, maps (Flink's {@code org.apache.flink.api.java.typeutils}). */
package io.sluice.api.java.typeutils;
