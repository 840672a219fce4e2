-- Interval join: a join bounding one rowtime attribute by the other runs as an IntervalJoin (insert-only output,
-- state cleaned by the watermark), and the time attributes survive it, so a window aggregation can follow.
CREATE TABLE orders (id INT, item STRING, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/interval_orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE shipments (sid INT, order_id INT, ship_time TIMESTAMP(3), WATERMARK FOR ship_time AS ship_time) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/interval_shipments.csv', 'format' = 'csv', 'csv.null-literal' = '');

CREATE TEMPORARY VIEW shipped AS SELECT o.id, s.sid, s.ship_time FROM orders o LEFT JOIN shipments s
  ON o.id = s.order_id AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;

EXPLAIN CHANGELOG_MODE SELECT window_start, window_end, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE shipped, DESCRIPTOR(ship_time), INTERVAL '1' DAY))
GROUP BY window_start, window_end;
