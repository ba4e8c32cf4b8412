"""Evidently's side of `deno task bench:monitor`: the legacy DataDriftPreset timed in memory.

    .venv/bin/python bench/monitor_reference.py REFERENCE.csv CURRENT.csv RUNS
Reads both CSVs once, then runs the report RUNS times and prints the seconds of each run as
JSON, with the versions used.
"""

import json
import sys
import time
import warnings

import pandas as pd

warnings.filterwarnings("ignore")

import evidently  # noqa: E402
from evidently.legacy.metric_preset import DataDriftPreset  # noqa: E402
from evidently.legacy.report import Report  # noqa: E402


def main() -> None:
    reference, current = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
    seconds = []
    for _ in range(int(sys.argv[3])):
        started = time.perf_counter()
        report = Report(metrics=[DataDriftPreset()])
        report.run(reference_data=reference, current_data=current)
        report.as_dict()
        seconds.append(time.perf_counter() - started)
    print(json.dumps({"seconds": seconds, "evidently": evidently.__version__, "pandas": pd.__version__}))


if __name__ == "__main__":
    main()
