/**
 * The JVM side of the {@code sluice} Python package: {@link io.sluice.python.PythonGateway} is started by the Python
 * process on a loopback socket and drives a {@code TableEnvironment} on its behalf. Commands arrive as JSON; table
 * data travels column by column in binary buffers ({@link io.sluice.python.ColumnEncoder},
 * {@link io.sluice.python.ColumnDecoder}).
 */
package io.sluice.python;
