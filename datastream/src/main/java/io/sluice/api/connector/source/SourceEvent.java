package io.sluice.api.connector.source;

/** A message between a source's enumerator and its readers. */
public interface SourceEvent extends java.io.Serializable {
}
