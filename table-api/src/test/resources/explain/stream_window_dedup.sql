-- Window deduplication: ROW_NUMBER() = 1 per window and key ordered by the rowtime attribute (DESC keeps the last
-- row) is a WindowDeduplicate: one insert-only row per window and key when the window fires.
CREATE TABLE lefts (id INT, k STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/window_join_left.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT id, k, window_start, window_end FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY ts DESC) AS rn
  FROM TABLE(TUMBLE(TABLE lefts, DESCRIPTOR(ts), INTERVAL '5' MINUTES)))
WHERE rn = 1;
