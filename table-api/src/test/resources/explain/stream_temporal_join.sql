-- Event-time temporal join against a versioned view (deduplicated to the last row per key by rowtime): the join reads
-- every row of the view's log as a version (no deduplication runs, so versions cannot be lost to the order rows
-- arrive in); the join's output is insert-only.
CREATE TABLE orders (order_id INT, price INT, currency STRING, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/temporal_orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE rate_log (currency STRING, rate INT, update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/temporal_rates.csv', 'format' = 'csv');
CREATE VIEW versioned_rates AS SELECT currency, rate, update_time FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY update_time DESC) AS rownum FROM rate_log)
WHERE rownum = 1;

EXPLAIN CHANGELOG_MODE SELECT o.order_id, o.price * r.rate AS converted
FROM orders AS o LEFT JOIN versioned_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency;
