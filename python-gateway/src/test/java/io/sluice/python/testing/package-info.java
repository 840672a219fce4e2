/** Java classes the Python tests name, as a user names their own Java sources and sinks. */
package io.sluice.python.testing;
