# client_output.q - how the client prints DDL text, DML in sync mode, cut columns, filtered function lists, jars and
# errors. Written for Sluice in the format of Flink's SQL-client test scripts.

create table shipments (
  id BIGINT NOT NULL,
  carrier STRING COMMENT 'who carries it',
  PRIMARY KEY (id) NOT ENFORCED
) with ('connector' = 'blackhole');
[INFO] Execute statement succeeded.
!info

show create table shipments;
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
|                                                                                                                                                                                                                                         result |
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
| CREATE TABLE `default_catalog`.`default_database`.`shipments` (
  `id` BIGINT NOT NULL,
  `carrier` VARCHAR(2147483647) COMMENT 'who carries it',
  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED
)
WITH (
  'connector' = 'blackhole'
)
 |
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
1 row in set
!ok

create view late_shipments as select id from shipments where carrier = 'late';
[INFO] Execute statement succeeded.
!info

show create view late_shipments;
+--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
|                                                                                                                                                                                                             result |
+--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
| CREATE VIEW `default_catalog`.`default_database`.`late_shipments` (
  `id`
)
AS SELECT `shipments`.`id`
FROM `default_catalog`.`default_database`.`shipments` AS `shipments`
WHERE `shipments`.`carrier` = 'late'
 |
+--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
1 row in set
!ok

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

insert into shipments values (1, 'boat'), (2, 'train');
[INFO] Complete execution of the SQL update statement.
!info

RESET 'table.dml-sync';
[INFO] Execute statement succeeded.
!info

insert into shipments values (3, 'plane');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
!info

SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.display.max-column-width' = '8';
[INFO] Execute statement succeeded.
!info

select * from (values ('a rather long text', 1), ('short', 22)) as t(txt, n);
+----------+----+
|      txt |  n |
+----------+----+
| a rat... |  1 |
|    short | 22 |
+----------+----+
2 rows in set
!ok

RESET 'table.display.max-column-width';
[INFO] Execute statement succeeded.
!info

SET 'sql-client.display.max-column-width' = '9';
[INFO] Execute statement succeeded.
!info

select * from (values ('a rather long text', 1)) as t(txt, n);
+-----------+---+
|       txt | n |
+-----------+---+
| a rath... | 1 |
+-----------+---+
1 row in set
!ok

create catalog fc with ('type' = 'generic_in_memory');
[INFO] Execute statement succeeded.
!info

create database fc.fdb;
[INFO] Execute statement succeeded.
!info

ADD JAR '$VAR_UDF_JAR_PATH';
[INFO] Execute statement succeeded.
!info

SHOW JARS;
+-$VAR_UDF_JAR_PATH_DASH-----+
| $VAR_UDF_JAR_PATH_SPACEjars |
+-$VAR_UDF_JAR_PATH_DASH-----+
| $VAR_UDF_JAR_PATH |
+-$VAR_UDF_JAR_PATH_DASH-----+
1 row in set
!ok

create function fc.fdb.lower_one as 'LowerUDF';
[INFO] Execute statement succeeded.
!info

create temporary function fc.fdb.upper_one as 'UpperUDF';
[INFO] Execute statement succeeded.
!info

create function here_lower as 'LowerUDF';
[INFO] Execute statement succeeded.
!info

show user functions;
+---------------+
| function name |
+---------------+
|    here_lower |
+---------------+
1 row in set
!ok

show user functions from fc.fdb;
+---------------+
| function name |
+---------------+
|     lower_one |
|     upper_one |
+---------------+
2 rows in set
!ok

show user functions in fc.fdb like 'upper%';
+---------------+
| function name |
+---------------+
|     upper_one |
+---------------+
1 row in set
!ok

show user functions from fc.fdb not ilike 'UPPER%';
+---------------+
| function name |
+---------------+
|     lower_one |
+---------------+
1 row in set
!ok

show functions like 'here%';
+---------------+
| function name |
+---------------+
|    here_lower |
+---------------+
1 row in set
!ok

select here_lower('MiXeD') as l;
+-------+
|     l |
+-------+
| mixed |
+-------+
1 row in set
!ok

show databases from fc.fdb;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Show databases from/in identifier [ fc.fdb ] format error, catalog must be a single part identifier.
!error

drop view no_such_view;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: View with identifier 'default_catalog.default_database.no_such_view' does not exist.
!error

SELECT 1 /*;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.TokenMgrError: Lexical error at line 1, column 13.  Encountered: <EOF> after : ""
!error
