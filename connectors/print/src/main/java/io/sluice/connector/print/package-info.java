/** The {@code print} connector: a sink printing each row, with its row kind, to stdout or stderr. */
package io.sluice.connector.print;
