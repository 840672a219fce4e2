package io.sluice.runtime.connector;

/**
 * A format ({@code 'format' = 'csv'}). Its options are written with the format id as prefix
 * ({@code 'csv.field-delimiter'}) and declared here without it. What a format creates (decoders,
 * encoders) is defined by the connectors that use it.
 */
public interface FormatFactory extends Factory {
}
