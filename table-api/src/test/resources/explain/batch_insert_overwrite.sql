-- INSERT OVERWRITE into a filesystem table: planned like INSERT INTO; the sink replaces the content at the end.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE big_orders (id INT, customer STRING) WITH (
  'connector' = 'filesystem', 'path' = '${TARGET}/big-orders', 'format' = 'csv');

EXPLAIN INSERT OVERWRITE big_orders SELECT id, customer FROM orders WHERE amount > 10;
