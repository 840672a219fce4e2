package io.sluice.runtime.config;

/** {@code execution.runtime-mode}: streaming (the default, as in Flink) or batch. */
public enum RuntimeMode {
    STREAMING,
    BATCH
}
