package io.sluice.api.common.functions;

/** The base of every user function of the DataStream API; functions are serializable. */
public interface Function extends java.io.Serializable {
}
