package io.sluice.api.common.functions;

/** What {@link RichFunction#open(OpenContext)} receives; carries nothing yet. */
public interface OpenContext {
}
