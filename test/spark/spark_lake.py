"""Apache Spark (pyspark, test/python/.venv) over a cinelake lake, for spark.test.mjs.

  spark_lake.py LAKE [--s3 BUCKET/PREFIX]

One Spark session, with Hive support (a Derby metastore and warehouse in the
working directory, which the caller makes a scratch folder), does it all:

  spark_ddl   the lake's gold/_catalog/spark.sql, statement by statement
  athena_ddl  gold/_catalog/athena.sql (Hive's DDL dialect, as Athena runs it),
              then MSCK REPAIR TABLE for each partitioned table (Spark does
              not read Athena's partition projection)
  rules       fact_popularity recomputed from raw/stg_popularity with the
              rules of data-model.md, and every bridge's keys, on spark_ddl

With --s3 the lake's files are uploaded (boto3, AWS_* environment) to that
bucket and prefix first, both DDL files run again with their locations moved
there (s3a://, hadoop-aws from test/spark/.jars) into s3_spark and
s3_athena, and the rules run on s3_spark.

Prints one JSON document: per database, each table's Spark columns and
types, rows, partitions and per-column non-null counts; pyarrow's rows and
non-null counts of the same tables (the reference reader); and the rules'
figures. The caller asserts on them."""
import glob
import json
import os
import re
import sys
import time

import pyarrow.dataset as pads

HERE = os.path.dirname(os.path.abspath(__file__))


def statements(sql_text):
    """The DDL's statements: comments dropped, split on ';' outside quotes."""
    body = '\n'.join(line for line in sql_text.splitlines() if not line.lstrip().startswith('--'))
    out, cur, quote = [], [], None
    for ch in body:
        if quote:
            if ch == quote:
                quote = None
        elif ch in ('\'', '`', '"'):
            quote = ch
        elif ch == ';':
            stmt = ''.join(cur).strip()
            if stmt:
                out.append(stmt)
            cur = []
            continue
        cur.append(ch)
    if ''.join(cur).strip():
        out.append(''.join(cur).strip())
    return out


def session(with_s3):
    from pyspark.sql import SparkSession
    scratch = os.getcwd()
    b = (SparkSession.builder.master('local[2]').appName('cinelake-spark-suite')
         .config('spark.ui.enabled', 'false')
         .config('spark.ui.showConsoleProgress', 'false')
         .config('spark.sql.shuffle.partitions', '4')
         .config('spark.sql.session.timeZone', 'UTC')
         .config('spark.sql.warehouse.dir', os.path.join(scratch, 'warehouse'))
         .config('spark.hadoop.javax.jdo.option.ConnectionURL',
                 f'jdbc:derby:;databaseName={os.path.join(scratch, "metastore_db")};create=true')
         .config('spark.driver.extraJavaOptions', f'-Dderby.system.home={scratch}'))
    if with_s3:
        jars = sorted(glob.glob(os.path.join(HERE, '.jars', '*.jar')))
        if not any('hadoop-aws' in j for j in jars):
            sys.exit(f'no hadoop-aws jar in {HERE}/.jars: run scripts/install-deps.sh')
        endpoint = os.environ['AWS_ENDPOINT_URL']
        b = (b.config('spark.jars', ','.join(jars))
             .config('spark.hadoop.fs.s3a.endpoint', endpoint)
             .config('spark.hadoop.fs.s3a.endpoint.region', os.environ['AWS_REGION'])
             .config('spark.hadoop.fs.s3a.path.style.access', 'true')
             .config('spark.hadoop.fs.s3a.connection.ssl.enabled', str(endpoint.startswith('https')).lower())
             # The keys stay in the environment, never in Spark's configuration.
             .config('spark.hadoop.fs.s3a.aws.credentials.provider',
                     'com.amazonaws.auth.EnvironmentVariableCredentialsProvider')
             .config('spark.hadoop.fs.s3a.attempts.maximum', '3'))
    spark = b.enableHiveSupport().getOrCreate()
    spark.sparkContext.setLogLevel('ERROR')
    return spark


def run_ddl(spark, database, sql_text, repair):
    spark.sql(f'CREATE DATABASE IF NOT EXISTS {database}')
    spark.sql(f'USE {database}')
    ran = 0
    for stmt in statements(sql_text):
        spark.sql(stmt)
        ran += 1
    if repair:
        for t in [t for t in spark.catalog.listTables(database) if not t.isTemporary]:
            if spark.sql(f'DESCRIBE TABLE EXTENDED {database}.`{t.name}`').filter("col_name = '# Partition Information'").count():
                spark.sql(f'MSCK REPAIR TABLE {database}.`{t.name}`')
    return ran


def describe_tables(spark, database, names):
    """One aggregation a table: rows, non-null values per column, distinct days."""
    out = {}
    for name in names:
        df = spark.table(f'{database}.`{name}`')
        cols = [[f.name, f.dataType.simpleString()] for f in df.schema.fields]
        part = next((c[0] for c in cols if c[0].lower() == 'loaddate'), None)
        aggregates = ['count(*) AS `__rows`', *[f'count(`{c}`) AS `{c}`' for c, _ in cols]]
        if part:
            aggregates.append(f'count(DISTINCT `{part}`) AS `__days`')
        counts = df.selectExpr(*aggregates).first().asDict()
        out[name] = {
            'columns': cols,
            'rows': counts.pop('__rows'),
            'days': counts.pop('__days', None),
            'non_null': counts,
            'partitions': spark.sql(f'SHOW PARTITIONS {database}.`{name}`').count() if part else None,
        }
    return out


def arrow_tables(lake, index):
    out = {}
    for t in index:
        ds = pads.dataset(os.path.join(lake, t['path']), format='parquet', partitioning='hive')
        table = ds.to_table()
        out[t['table']] = {'rows': table.num_rows,
                           'non_null': {c: table.num_rows - table.column(c).null_count for c in table.column_names},
                           # Days with rows; a day's partition may hold an empty file.
                           'days': len(table.column('loadDate').unique()) if 'loadDate' in table.column_names else None}
    return out


# fact_popularity from raw/stg_popularity, written from data-model.md:
# rank by DECIMAL(10,2) popularity descending, ties by content_id; the
# previous snapshot is the latest earlier day present; "on the list" means
# ranked there; joiners have rank_change 0, leavers appear once with rank
# NULL, popularity 0.00 and rank_change 999; the same within content_type.
EXPECTED_FACT = """
WITH valid AS (
  SELECT loadDate, id, type, CAST(popularity AS DECIMAL(10,2)) AS pop,
         row_number() OVER (PARTITION BY loadDate, id ORDER BY popularity DESC) AS nth
  FROM {db}.stg_popularity
  WHERE id IS NOT NULL AND popularity IS NOT NULL AND NOT isnan(popularity) AND abs(popularity) < 1e8
),
ranked AS (
  SELECT loadDate, id, type, pop,
         row_number() OVER (PARTITION BY loadDate ORDER BY pop DESC, id) AS rnk,
         CASE WHEN type IS NOT NULL
              THEN row_number() OVER (PARTITION BY loadDate, type ORDER BY pop DESC, id) END AS rnk_type
  FROM valid WHERE nth = 1
),
days AS (SELECT DISTINCT loadDate FROM {db}.stg_popularity),
previous AS (
  SELECT d.loadDate, max(p.loadDate) AS prev FROM days d LEFT JOIN days p ON p.loadDate < d.loadDate
  GROUP BY d.loadDate
),
stayers_and_joiners AS (
  SELECT t.loadDate, t.id AS content_id, CAST(t.rnk AS INT) AS rank, t.pop AS popularity,
         CAST(CASE WHEN b.id IS NULL THEN 0 ELSE t.rnk - b.rnk END AS INT) AS rank_change,
         b.id IS NULL AS is_new_joiner, false AS is_leaver, t.type AS content_type,
         CAST(t.rnk_type AS INT) AS rank_in_type,
         CAST(CASE WHEN t.type IS NULL THEN NULL
                   WHEN b.rnk_type IS NULL OR b.type <> t.type THEN 0
                   ELSE t.rnk_type - b.rnk_type END AS INT) AS rank_change_in_type,
         p.prev AS prev_load_date
  FROM ranked t JOIN previous p ON p.loadDate = t.loadDate
  LEFT JOIN ranked b ON b.loadDate = p.prev AND b.id = t.id
),
leavers AS (
  SELECT p.loadDate, b.id AS content_id, CAST(NULL AS INT) AS rank, CAST(0 AS DECIMAL(10,2)) AS popularity,
         999 AS rank_change, false AS is_new_joiner, true AS is_leaver, b.type AS content_type,
         CAST(NULL AS INT) AS rank_in_type, 999 AS rank_change_in_type, p.prev AS prev_load_date
  FROM previous p JOIN ranked b ON b.loadDate = p.prev
  LEFT ANTI JOIN ranked t ON t.loadDate = p.loadDate AND t.id = b.id
)
SELECT * FROM stayers_and_joiners UNION ALL SELECT * FROM leavers
"""

FACT_COLUMNS = ('loadDate, content_id, rank, popularity, rank_change, is_new_joiner, is_leaver, '
                'content_type, rank_in_type, rank_change_in_type, prev_load_date')

# Each bridge's columns that must name a row of a dimension (data-model.md).
BRIDGE_KEYS = {
    'bridge_content_genre': [('content_id', 'dim_content'), ('genre_name', 'dim_genre')],
    'bridge_content_person': [('content_id', 'dim_content'), ('person_id', 'dim_person')],
    'bridge_content_company': [('content_id', 'dim_content'), ('company_id', 'dim_production_company')],
    'bridge_content_interest': [('content_id', 'dim_content'), ('interest_name', 'dim_interest')],
    'bridge_content_network': [('content_id', 'dim_content'), ('network_id', 'dim_network')],
    'fact_popularity': [('content_id', 'dim_content')],
}


def rules(spark, db):
    expected = spark.sql(EXPECTED_FACT.format(db=db)).selectExpr(*FACT_COLUMNS.split(', '))
    expected.createOrReplaceTempView('expected_fact')
    actual = spark.sql(f'SELECT {FACT_COLUMNS} FROM {db}.fact_popularity')
    actual.createOrReplaceTempView('actual_fact')
    missing = spark.sql('SELECT * FROM expected_fact EXCEPT ALL SELECT * FROM actual_fact')
    extra = spark.sql('SELECT * FROM actual_fact EXCEPT ALL SELECT * FROM expected_fact')
    sample = [r.asDict() for r in missing.limit(3).collect()] + [r.asDict() for r in extra.limit(3).collect()]
    fact = spark.sql("""SELECT count(*) AS rows, count_if(is_leaver) AS leavers, count_if(is_new_joiner) AS joiners,
                        count_if(rank_change <> 0 AND NOT is_leaver) AS movers, count(DISTINCT loadDate) AS days
                        FROM actual_fact""").first().asDict()
    fact.update(expected_rows=expected.count(), missing=missing.count(), extra=extra.count(),
                sample=[{k: str(v) for k, v in r.items()} for r in sample])
    leaver_repeats = spark.sql(f"""SELECT count(*) AS n FROM {db}.fact_popularity a JOIN {db}.fact_popularity b
        ON a.content_id = b.content_id AND a.is_leaver AND b.is_leaver AND b.prev_load_date = a.loadDate""").first().n
    fact['leaver_repeated_next_day'] = leaver_repeats
    bridges = {}
    for table, keys in BRIDGE_KEYS.items():
        rows = spark.table(f'{db}.{table}')
        entry = {'rows': rows.count(), 'distinct': rows.distinct().count() if table != 'fact_popularity' else None,
                 'orphans': {}}
        for column, dim in keys:
            entry['orphans'][f'{column}->{dim}'] = spark.sql(
                f'SELECT count(*) AS n FROM {db}.{table} x LEFT ANTI JOIN {db}.{dim} d ON d.`{column}` = x.`{column}`'
            ).first().n
        bridges[table] = entry
    return {'fact': fact, 'keys': bridges}


def upload(lake, bucket, prefix):
    import boto3
    s3 = boto3.client('s3', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name=os.environ['AWS_REGION'])
    n = 0
    for root, _, files in os.walk(lake):
        rel_root = os.path.relpath(root, lake)
        if rel_root.startswith(os.path.join('gold', '_committed')) or rel_root.startswith('_runs'):
            continue
        for f in files:
            rel = os.path.normpath(os.path.join(rel_root, f))
            s3.upload_file(os.path.join(root, f), bucket, f'{prefix}/{rel}')
            n += 1
    return n


def main():
    args = sys.argv[1:]
    lake = os.path.abspath(args[0])
    s3_target = args[args.index('--s3') + 1] if '--s3' in args else None
    catalog = os.path.join(lake, 'gold', '_catalog')
    with open(os.path.join(catalog, 'tables.json')) as f:
        index = json.load(f)
    names = [t['table'] for t in index]
    ddl = {}
    for engine in ('spark', 'athena'):
        with open(os.path.join(catalog, f'{engine}.sql')) as f:
            ddl[engine] = f.read()

    started = time.time()
    spark = session(s3_target is not None)
    seconds = {'start': round(time.time() - started, 1)}
    report = {'spark_version': spark.version, 'statements': {}, 'databases': {}, 'rules': {}}
    report['statements']['spark_ddl'] = run_ddl(spark, 'spark_ddl', ddl['spark'], repair=False)
    report['statements']['athena_ddl'] = run_ddl(spark, 'athena_ddl', ddl['athena'], repair=True)
    for db in ('spark_ddl', 'athena_ddl'):
        report['databases'][db] = describe_tables(spark, db, names)
    report['rules']['spark_ddl'] = rules(spark, 'spark_ddl')
    report['arrow'] = arrow_tables(lake, index)
    seconds['local'] = round(time.time() - started - seconds['start'], 1)

    if s3_target:
        bucket, prefix = s3_target.split('/', 1)
        report['uploaded'] = upload(lake, bucket, prefix)
        remote = f's3a://{bucket}/{prefix}'
        # The DDL names the lake's local path: the same statements, moved.
        moved = {e: re.sub(re.escape(f"'{lake}/"), f"'{remote}/", text) for e, text in ddl.items()}
        report['moved_locations'] = {e: text.count(f"'{remote}/") for e, text in moved.items()}
        report['statements']['s3_spark'] = run_ddl(spark, 's3_spark', moved['spark'], repair=False)
        report['statements']['s3_athena'] = run_ddl(spark, 's3_athena', moved['athena'], repair=True)
        for db in ('s3_spark', 's3_athena'):
            report['databases'][db] = describe_tables(spark, db, names)
        report['rules']['s3_spark'] = rules(spark, 's3_spark')
        report['locations'] = {db: spark.sql(f'DESCRIBE TABLE EXTENDED {db}.fact_popularity')
                               .filter("col_name = 'Location'").first().data_type for db in ('s3_spark', 's3_athena')}
    seconds['total'] = round(time.time() - started, 1)
    report['seconds'] = seconds
    spark.stop()
    print(json.dumps(report, default=str))


main()
