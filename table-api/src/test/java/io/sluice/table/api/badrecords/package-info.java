/** Tests of bad records routed to a table ({@code 'sluice.bad-records.table'}, a Sluice addition). */
package io.sluice.table.api.badrecords;
