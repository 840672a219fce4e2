# materialized_tables.q - CREATE/SHOW/ALTER/DROP MATERIALIZED TABLE.
# Written for Sluice in the format of Flink's SQL-client test scripts; the expected output is what
# Flink's SQL client prints for each statement.

CREATE TABLE orders (
  order_id BIGINT,
  user_id BIGINT,
  amount BIGINT,
  created TIMESTAMP(3)
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '10'
);
[INFO] Execute statement succeeded.
!info

CREATE MATERIALIZED TABLE user_totals (
  CONSTRAINT pk_user PRIMARY KEY (user_id) NOT ENFORCED
)
COMMENT 'totals per user'
WITH ('connector' = 'blackhole')
FRESHNESS = INTERVAL '30' SECOND
AS SELECT user_id, SUM(amount) AS total, COUNT(*) AS cnt FROM orders GROUP BY user_id;
[INFO] Execute statement succeeded.
!info

SHOW CREATE MATERIALIZED TABLE user_totals;
+-------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
|                                                                                                                                                                                                                                                                                                                                                                                                                                                result |
+-------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
| CREATE MATERIALIZED TABLE `default_catalog`.`default_database`.`user_totals` (
  CONSTRAINT `pk_user` PRIMARY KEY (`user_id`) NOT ENFORCED
)
COMMENT 'totals per user'
WITH (
  'connector' = 'blackhole'
)
FRESHNESS = INTERVAL '30' SECOND
REFRESH_MODE = CONTINUOUS
AS SELECT `orders`.`user_id`, SUM(`orders`.`amount`) AS `total`, COUNT(*) AS `cnt`
FROM `default_catalog`.`default_database`.`orders` AS `orders`
GROUP BY `orders`.`user_id`
 |
+-------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
1 row in set
!ok

SHOW MATERIALIZED TABLES;
+-------------------------+
| materialized table name |
+-------------------------+
|             user_totals |
+-------------------------+
1 row in set
!ok

SHOW CREATE TABLE user_totals;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: SHOW CREATE TABLE is only supported for tables, but `default_catalog`.`default_database`.`user_totals` is a materialized table. Please use SHOW CREATE MATERIALIZED TABLE instead.
!error

ALTER MATERIALIZED TABLE user_totals SUSPEND;
[INFO] Execute statement succeeded.
!info

ALTER MATERIALIZED TABLE user_totals SUSPEND;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: Materialized table `default_catalog`.`default_database`.`user_totals` continuous refresh job has been suspended
!error

ALTER MATERIALIZED TABLE user_totals RESUME;
[INFO] Execute statement succeeded.
!info

ALTER MATERIALIZED TABLE user_totals AS SELECT user_id, SUM(amount) AS total, COUNT(*) AS cnt, MAX(created) AS last_order FROM orders GROUP BY user_id;
[INFO] Execute statement succeeded.
!info

SHOW CREATE MATERIALIZED TABLE user_totals;
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
|                                                                                                                                                                                                                                                                                                                                                                                                                                                                                         result |
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
| CREATE MATERIALIZED TABLE `default_catalog`.`default_database`.`user_totals` (
  CONSTRAINT `pk_user` PRIMARY KEY (`user_id`) NOT ENFORCED
)
COMMENT 'totals per user'
WITH (
  'connector' = 'blackhole'
)
FRESHNESS = INTERVAL '30' SECOND
REFRESH_MODE = CONTINUOUS
AS SELECT `orders`.`user_id`, SUM(`orders`.`amount`) AS `total`, COUNT(*) AS `cnt`, MAX(`orders`.`created`) AS `last_order`
FROM `default_catalog`.`default_database`.`orders` AS `orders`
GROUP BY `orders`.`user_id`
 |
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
1 row in set
!ok

ALTER MATERIALIZED TABLE user_totals AS SELECT user_id, COUNT(*) AS cnt FROM orders GROUP BY user_id;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Failed to modify query because drop column is unsupported. When modifying a query, you can only append new columns at the end of original schema. The original schema has 4 columns, but the newly derived schema from the query has 2 columns.
!error

CREATE MATERIALIZED TABLE hourly
PARTITIONED BY (ds)
WITH ('connector' = 'blackhole')
FRESHNESS = INTERVAL '1' HOUR
AS SELECT DATE_FORMAT(created, 'yyyy-MM-dd') AS ds, COUNT(*) AS cnt FROM orders GROUP BY DATE_FORMAT(created, 'yyyy-MM-dd');
[INFO] Execute statement succeeded.
!info

SHOW CREATE MATERIALIZED TABLE hourly;
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
|                                                                                                                                                                                                                                                                                                                                                                                         result |
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
| CREATE MATERIALIZED TABLE `default_catalog`.`default_database`.`hourly`
PARTITIONED BY (`ds`)
WITH (
  'connector' = 'blackhole'
)
FRESHNESS = INTERVAL '1' HOUR
REFRESH_MODE = FULL
AS SELECT DATE_FORMAT(`orders`.`created`, 'yyyy-MM-dd') AS `ds`, COUNT(*) AS `cnt`
FROM `default_catalog`.`default_database`.`orders` AS `orders`
GROUP BY DATE_FORMAT(`orders`.`created`, 'yyyy-MM-dd')
 |
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
1 row in set
!ok

CREATE MATERIALIZED TABLE bad FRESHNESS = INTERVAL '-1' SECOND AS SELECT user_id FROM orders;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Materialized table freshness doesn't support negative value.
!error

CREATE MATERIALIZED TABLE bad FRESHNESS = INTERVAL '1' MONTH AS SELECT user_id FROM orders;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Materialized table freshness only support SECOND, MINUTE, HOUR, DAY as the time unit.
!error

CREATE MATERIALIZED TABLE bad FRESHNESS = INTERVAL '5' HOUR AS SELECT user_id FROM orders;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: In full refresh mode, only freshness that are factors of 24 are currently supported when the time unit is HOUR.
!error

CREATE MATERIALIZED TABLE bad PARTITIONED BY (ds) AS SELECT user_id FROM orders;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Partition column 'ds' not defined in the query's schema. Available columns: ['user_id'].
!error

ALTER MATERIALIZED TABLE orders SUSPEND;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Table `default_catalog`.`default_database`.`orders` is not a materialized table, does not support materialized table related operation.
!error

DROP MATERIALIZED TABLE IF EXISTS missing;
[INFO] Execute statement succeeded.
!info

DROP MATERIALIZED TABLE user_totals;
[INFO] Execute statement succeeded.
!info

DROP MATERIALIZED TABLE hourly;
[INFO] Execute statement succeeded.
!info

SHOW MATERIALIZED TABLES;
Empty set
!ok
