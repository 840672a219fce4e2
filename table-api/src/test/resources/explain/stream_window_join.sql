-- Window join: two TUMBLE outputs joined on window_start, window_end and a key run as a WindowJoin (insert-only,
-- also for outer joins; each window's rows are joined when the watermark passes its end, then dropped).
CREATE TABLE lefts (id INT, k STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/window_join_left.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE rights (rid INT, k STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/window_join_right.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT L.id, R.rid, L.window_start, L.window_end
FROM (SELECT * FROM TABLE(TUMBLE(TABLE lefts, DESCRIPTOR(ts), INTERVAL '5' MINUTES))) L
LEFT JOIN (SELECT * FROM TABLE(TUMBLE(TABLE rights, DESCRIPTOR(ts), INTERVAL '5' MINUTES))) R
ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.k = R.k AND L.ts < R.ts;
