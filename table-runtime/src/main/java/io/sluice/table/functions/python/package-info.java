/** What the planner knows about user-defined functions written in Python. */
package io.sluice.table.functions.python;
