"""A plain pandas + openpyxl script doing the headline KPIs of a `run`, for the
whole-run benchmark (benches/whole_run.rs): what an analyst would write by hand.

It reads every input (every sheet of every workbook with openpyxl, every CSV with
its delimiter and encoding), drops exact duplicate case notes, and computes for
the period: audits completed and the share good or better overall, actions
overdue, case notes recorded within 28 days, and seen-alone recorded on
statutory visits. It does less than `run` (no crosswalk, findings, visit gaps,
normalised tables or packs), so the comparison flatters pandas.

Usage: python3 pandas_kpis.py INPUT_DIR [FROM TO]
"""
import json
import sys
import time
from pathlib import Path

import pandas as pd

t0 = time.perf_counter()
root = Path(sys.argv[1])
p_from = pd.Timestamp(sys.argv[2] if len(sys.argv) > 2 else "2026-09-01")
p_to = pd.Timestamp(sys.argv[3] if len(sys.argv) > 3 else "2026-10-31")


def read_csv(path):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
        enc = "utf-8-sig"
    except UnicodeDecodeError:
        enc = "cp1252"
        text = raw.decode(enc)
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    return pd.read_csv(path, sep=sep, encoding=enc, dtype=str, keep_default_na=False)


def dates(s):
    return pd.to_datetime(s, dayfirst=True, errors="coerce", format="mixed")


tables = []
for path in sorted(root.rglob("*")):
    if path.suffix == ".csv":
        tables.append((path.name, read_csv(path)))
    elif path.suffix == ".xlsx":
        for name, df in pd.read_excel(path, sheet_name=None, engine="openpyxl", dtype=str).items():
            tables.append((f"{path.name}[{name}]", df.fillna("")))

GOOD = {"outstanding", "good", "met", "exceeds", "meets"}
audits = good = graded = overdue = 0
notes = None
for name, df in tables:
    cols = {c.lower().strip(): c for c in map(str, df.columns)}
    if "case note type" in cols:
        notes = df.drop_duplicates()
        continue
    overall = next((cols[c] for c in cols if "overall" in c or c in ("grade", "judgement")), None)
    completed = next((cols[c] for c in cols if "completed" in c or "audit date" in c), None)
    if overall and completed:
        d = dates(df[completed])
        inp = df[(d >= p_from) & (d <= p_to)]
        audits += len(inp)
        g = inp[overall].str.lower().str.strip()
        graded += int((g != "").sum())
        good += int(g.isin(GOOD).sum())
    due = next((cols[c] for c in cols if "due" in c), None)
    if due and "action" in cols:
        done = next((cols[c] for c in cols if "completed" in c), None)
        d = dates(df[due])
        open_ = df[done].str.strip() == "" if done else True
        overdue += int(((d < p_to) & open_).sum())

n = notes.rename(columns=str.strip)
event = dates(n["Event Date"])
recorded = dates(n["Date Recorded"])
inp = n[(event >= p_from) & (event <= p_to)]
lag = (recorded - event).dt.days[inp.index]
visits = inp[inp["Case Note Type"].isin(["CP Visit", "CLA Visit", "CIN Visit", "Statutory Visit"])]
seen = visits["Seen Alone"].str.lower().isin(["yes", "no"])
out = {
    "seconds": time.perf_counter() - t0,
    "audits_completed": audits,
    "good_or_better": [good, graded],
    "actions_overdue": overdue,
    "notes_recorded_in_time": [int((lag <= 28).sum()), len(inp)],
    "seen_alone_recorded": [int(seen.sum()), len(visits)],
}
print(json.dumps(out))
