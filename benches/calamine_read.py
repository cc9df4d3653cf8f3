"""The least a reader can do with a folder of workbooks, for the workbook
benchmark (benches/whole_run.rs): python-calamine (the same Rust reader
auditpack uses, called from Python) reading every sheet of every .xlsx under a
folder into rows, and nothing else: no header detection, recognition or
normalisation.

Usage: python3 calamine_read.py DIR
Prints one JSON object: seconds, files, sheets and cells read.
"""
import json
import sys
import time
from pathlib import Path

from python_calamine import CalamineWorkbook

t0 = time.perf_counter()
files = sheets = cells = 0
for path in sorted(Path(sys.argv[1]).rglob("*.xlsx")):
    wb = CalamineWorkbook.from_path(str(path))
    files += 1
    for name in wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python()
        sheets += 1
        cells += sum(len(r) for r in rows)
print(json.dumps({"seconds": time.perf_counter() - t0, "files": files, "sheets": sheets, "cells": cells}))
