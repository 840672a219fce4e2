-- Sliding (HOP) window aggregation.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT window_start, window_end, MAX(amount) AS top
FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '12' HOUR, INTERVAL '1' DAY))
GROUP BY window_start, window_end;
