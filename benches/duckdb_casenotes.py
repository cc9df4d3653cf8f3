"""The case-note KPIs of metrics.json, in DuckDB, for the benchmark.

Exact duplicate rows are dropped first, as auditpack does (it reports them and
does not count them twice).

Usage: python3 duckdb_casenotes.py NOTES.csv EPISODES.csv HOLIDAYS.csv FROM TO AS_OF [raw]

With "raw", duplicate rows are kept (faster, and the answers then differ from
auditpack's by the duplicates).
Prints one JSON object: seconds and the numerators / denominators, so the Rust
benchmark can compare both time and answers.
"""
import json
import sys
import time

import duckdb

notes, episodes, holidays, p_from, p_to, as_of = sys.argv[1:7]
source = f"read_csv('{notes}', header = true, all_varchar = true)"
if not (len(sys.argv) > 7 and sys.argv[7] == "raw"):
    source = f"(SELECT DISTINCT * FROM {source})"
t0 = time.perf_counter()
con = duckdb.connect()
con.execute(f"SET threads TO 2")
date = "coalesce(try_strptime({c}, '%d/%m/%Y'), try_strptime({c}, '%Y-%m-%d'))::DATE"
con.execute(f"""
CREATE TABLE n AS SELECT "Person ID" AS child, "Case Note Type" AS type, "Team" AS team,
  {date.format(c='"Event Date"')} AS event, {date.format(c='"Date Recorded"')} AS recorded,
  lower(coalesce("Seen Alone", '')) AS seen
FROM {source}""")
con.execute(f"""
CREATE TABLE ep AS SELECT "Child ID" AS child,
  CASE WHEN "Legal Status" IN ('Child Protection Plan', 'CP') THEN 'cp'
       WHEN "Legal Status" IN ('Looked After (S20)', 'Care Order (S31)') THEN 'cla' END AS kind,
  {date.format(c='"Start Date"')} AS start_d, {date.format(c='"End Date"')} AS end_d
FROM read_csv('{episodes}', header = true, all_varchar = true)""")
con.execute(f"""
CREATE TABLE cal AS SELECT d::DATE AS d,
  sum(CASE WHEN dayofweek(d) IN (0, 6) OR d IN (SELECT date::DATE FROM read_csv('{holidays}', header = true)) THEN 0 ELSE 1 END)
    OVER (ORDER BY d) AS wd
FROM range(DATE '2000-01-01', DATE '2041-01-01', INTERVAL 1 DAY) t(d)""")
P = f"DATE '{p_from}'", f"DATE '{p_to}'", f"DATE '{as_of}'"
recorded = con.execute(f"""
SELECT count(*) FILTER (WHERE recorded IS NOT NULL AND recorded - event <= 28), count(*)
FROM n WHERE event BETWEEN {P[0]} AND {P[1]}""").fetchone()
visit_types = "('CP Visit', 'CLA Visit', 'CIN Visit', 'Statutory Visit')"
seen = con.execute(f"""
SELECT count(*) FILTER (WHERE seen IN ('yes', 'no')), count(*)
FROM n WHERE event BETWEEN {P[0]} AND {P[1]} AND type IN {visit_types}""").fetchone()

def in_time(kind, limit):
    gap = "(cb.wd - ca.wd)" if kind == "cp" else "(b - a)"
    return con.execute(f"""
WITH v AS (SELECT DISTINCT child, event FROM n WHERE type IN {visit_types}),
e AS (
  SELECT row_number() OVER () AS id, child, start_d, greatest(start_d, {P[0]}) AS s,
         least({P[2]}, coalesce(end_d, {P[2]})) AS f
  FROM ep WHERE kind = '{kind}' AND start_d <= {P[1]} AND (end_d IS NULL OR end_d >= {P[0]})),
e2 AS (SELECT * FROM e WHERE f >= s),
anchor AS (
  SELECT e2.id, coalesce(max(v.event), any_value(e2.start_d)) AS a
  FROM e2 LEFT JOIN v ON v.child = e2.child AND v.event < e2.s AND v.event >= e2.start_d GROUP BY e2.id),
pts AS (
  SELECT id, a AS d FROM anchor
  UNION ALL SELECT e2.id, v.event FROM e2 JOIN anchor USING (id) JOIN v ON v.child = e2.child
    AND v.event > anchor.a AND v.event >= e2.s AND v.event <= e2.f
  UNION ALL SELECT id, f FROM e2),
g AS (SELECT id, lag(d) OVER (PARTITION BY id ORDER BY d) AS a, d AS b FROM pts),
gaps AS (
  SELECT g.id, max({gap}) AS longest FROM g JOIN cal ca ON ca.d = g.a JOIN cal cb ON cb.d = g.b
  WHERE g.a IS NOT NULL GROUP BY g.id),
per_child AS (SELECT e2.child, bool_and(coalesce(longest, 0) <= {limit}) AS ok FROM e2 LEFT JOIN gaps USING (id) GROUP BY e2.child)
SELECT count(*) FILTER (WHERE ok), count(*) FROM per_child""").fetchone()

cp = in_time("cp", 10)
cla = in_time("cla", 42)
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "notes_recorded_in_time": recorded, "seen_alone_recorded": seen,
                  "cp_visits_in_time": cp, "cla_visits_in_time": cla}))
