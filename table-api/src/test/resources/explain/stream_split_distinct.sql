-- Split distinct aggregation (table.optimizer.distinct-agg.split.enabled): a Calc adds the bucket
-- MOD(HASH_CODE(customer), 16) of the distinct column, the PARTIAL level counts distinct values per group and bucket,
-- the FINAL level sums the buckets' counts per group (here in two phases, mini-batch being on).
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '2 s';
SET 'table.exec.mini-batch.size' = '1000';
SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '16';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT region, COUNT(DISTINCT customer) AS customers, COUNT(*) AS n, SUM(amount) AS total
FROM orders GROUP BY region;
