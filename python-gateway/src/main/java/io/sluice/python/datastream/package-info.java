/**
 * The engine side of the Python DataStream API ({@code sluice.datastream}): a Python program's stream graph becomes
 * a job of the DataStream runtime whose Python functions run in worker processes, records crossing in batches.
 */
package io.sluice.python.datastream;
