/** Asynchronous I/O: functions that answer records asynchronously ({@code AsyncDataStream}). */
package io.sluice.streaming.api.functions.async;
