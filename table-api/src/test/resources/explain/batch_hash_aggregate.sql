-- Batch GROUP BY with several aggregate functions.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT customer, COUNT(*) AS n, SUM(amount) AS total, AVG(qty) AS avg_qty, MAX(ts) AS last_ts
FROM orders GROUP BY customer;
