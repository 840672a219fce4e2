/**
 * Correlate: joins each input row with the rows a user-defined table function returns for it
 * ({@code LATERAL TABLE(f(x))}).
 */
package io.sluice.runtime.operator.correlate;
