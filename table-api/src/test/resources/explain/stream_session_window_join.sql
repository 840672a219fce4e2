-- Session window join: the per-key SESSION aggregates of two inputs joined on window_start, window_end and the key
-- run as a WindowJoin (Flink has none for sessions): each session's rows are joined once the watermark passes its
-- end, then dropped.
CREATE TABLE slefts (id INT, k STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/session_join_left.csv', 'format' = 'csv');
CREATE TABLE srights (rid INT, k STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/session_join_right.csv', 'format' = 'csv');

EXPLAIN CHANGELOG_MODE SELECT L.k, L.window_start, L.window_end, L.cnt, R.cnt
FROM (SELECT k, window_start, window_end, COUNT(*) AS cnt
      FROM TABLE(SESSION(TABLE slefts PARTITION BY k, DESCRIPTOR(ts), INTERVAL '2' MINUTES))
      GROUP BY k, window_start, window_end) L
JOIN (SELECT k, window_start, window_end, COUNT(*) AS cnt
      FROM TABLE(SESSION(TABLE srights PARTITION BY k, DESCRIPTOR(ts), INTERVAL '2' MINUTES))
      GROUP BY k, window_start, window_end) R
ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.k = R.k;
