-- A statement set: two INSERTs from the same source explained together.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE east (id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'blackhole');
CREATE TABLE big (id INT, customer STRING) WITH ('connector' = 'blackhole');

EXPLAIN STATEMENT SET BEGIN
  INSERT INTO east SELECT id, amount FROM orders WHERE region = 'east';
  INSERT INTO big SELECT id, customer FROM orders WHERE amount > 50;
END;
