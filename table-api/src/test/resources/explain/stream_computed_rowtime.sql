-- A computed event-time column with a watermark, used by a tumbling window.
CREATE TABLE events (id INT, epoch_ms BIGINT,
  ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (
  'connector' = 'datagen', 'number-of-rows' = '10');

EXPLAIN SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
