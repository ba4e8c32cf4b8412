"""Writes the drift engine's parity fixtures: seeded data sets and what Evidently makes of them.

Run with the project's virtualenv (deno task setup installs Evidently there):
    .venv/bin/python tests/monitor/evidently_fixtures.py [OUT_DIR]
OUT_DIR defaults to tests/monitor/fixtures. Each case gets a folder with reference.csv,
current.csv, optional mapping.json and options.json, and legacy.json: Evidently's legacy
Report([DataDriftPreset(**options)]).as_dict() on the CSVs as pandas.read_csv reads them.
Cases without a mapping also get snapshot.json (the current Report API's dict()). Where
Evidently refuses the data (an empty column), case.json records its error and legacy.json is
Evidently's report without the columns it refused. scipy_values.json holds scipy's own values
of the distributions the engine reimplements. Everything is seeded: a rerun writes the same
bytes (the script runs itself with PYTHONHASHSEED=0: Evidently sums over Python sets, whose
order, and so the last bits of a score, would otherwise change from run to run).
"""

import json
import os
import sys
import warnings

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import special, stats

warnings.filterwarnings("ignore")

from evidently import Report as SnapshotReport  # noqa: E402
from evidently.legacy.metric_preset import DataDriftPreset as LegacyPreset  # noqa: E402
from evidently.legacy.pipeline.column_mapping import ColumnMapping  # noqa: E402
from evidently.legacy.report import Report  # noqa: E402
from evidently.legacy.utils.numpy_encoder import NumpyEncoder  # noqa: E402
from evidently.presets import DataDriftPreset  # noqa: E402

from evidently_cases import CASES  # noqa: E402

SNAPSHOT_OPTIONS = {
    "stattest": "method",
    "cat_stattest": "cat_method",
    "num_stattest": "num_method",
    "per_column_stattest": "per_column_method",
    "stattest_threshold": "threshold",
    "cat_stattest_threshold": "cat_threshold",
    "num_stattest_threshold": "num_threshold",
    "per_column_stattest_threshold": "per_column_threshold",
}


def write_json(path: Path, data) -> None:
    """Strict JSON: Python writes NaN and Infinity bare (Evidently's text drift on one row
    gives NaN); they are written as null."""
    plain = json.loads(json.dumps(data, cls=NumpyEncoder), parse_constant=lambda _: None)
    path.write_text(json.dumps(plain, indent=1, allow_nan=False) + "\n")


def legacy(reference, current, mapping, options):
    report = Report(metrics=[LegacyPreset(**options)])
    report.run(reference_data=reference, current_data=current, column_mapping=ColumnMapping(**mapping))
    return report.as_dict()


def empty_columns(reference, current):
    """Columns Evidently refuses: no finite value left in one of the data sets."""
    def empty(frame, name):
        column = frame[name]
        if pd.api.types.is_numeric_dtype(column) and column.dtype != bool:
            column = column.replace([np.inf, -np.inf], np.nan)
        return column.dropna().empty

    return [n for n in reference.columns if empty(reference, n) or n not in current or empty(current, n)]


def write_case(out: Path, name: str, case) -> None:
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    reference, current = case["reference"], case["current"]
    reference.to_csv(folder / "reference.csv", index=False)
    current.to_csv(folder / "current.csv", index=False)
    mapping, options = case.get("mapping", {}), case.get("options", {})
    if mapping:
        write_json(folder / "mapping.json", mapping)
    if options:
        write_json(folder / "options.json", options)
    # Evidently sees the data as read back from the files, as a user's pd.read_csv gives it.
    reference = pd.read_csv(folder / "reference.csv")
    current = pd.read_csv(folder / "current.csv")
    meta = {"description": case["description"]}
    try:
        result = legacy(reference, current, mapping, options)
    except ValueError as error:
        skipped = empty_columns(reference, current)
        meta["evidently_error"] = str(error)
        meta["skipped"] = skipped
        kept_ref = reference.drop(columns=skipped)
        kept_cur = current.drop(columns=[c for c in skipped if c in current])
        result = legacy(kept_ref, kept_cur, mapping, options) if len(kept_ref.columns) else None
    write_json(folder / "case.json", meta)
    write_json(folder / "legacy.json", result)
    if not mapping and "evidently_error" not in meta:
        preset = DataDriftPreset(**{SNAPSHOT_OPTIONS.get(k, k): v for k, v in options.items()})
        write_json(folder / "snapshot.json", SnapshotReport([preset]).run(current, reference).dict())


def scipy_values():
    """scipy's values for the engine's own checks: K-S p-values by (n1, n2, D), tails."""
    rng = np.random.default_rng(7)
    ks = []
    sizes = [(5, 7), (20, 20), (37, 100), (140, 141), (999, 1000), (1000, 5000), (3000, 10000),
             (50, 20000), (130, 15000), (800, 12000), (12000, 15000), (20000, 20000), (1, 30000)]
    for n1, n2 in sizes:
        for shift in (0.0, 0.05, 0.15, 0.4, 1.5):
            a = rng.normal(size=n1).round(2)
            b = rng.normal(loc=shift, size=n2).round(2)
            result = stats.ks_2samp(a, b)
            ks.append([n1, n2, float(result.statistic), float(result.pvalue)])
    chi2 = [[df, x, float(special.chdtrc(df, x))]
            for df in (1, 2, 3, 7, 30, 200, 5000) for x in (0.01, df * 0.5, df, df * 1.3, df * 3 + 20)]
    ndtr = [[x, float(special.ndtr(x))] for x in (-40, -8.5, -3, -1, -0.3, 0, 0.5, 1.2, 4, 9)]
    smirnov = [[n, x, float(special.smirnov(n, x))]
               for n in (2, 10, 141, 1000, 50000) for x in (0.001, 0.02, 0.1, 0.3, 0.7)]
    kstwo = [[n, x, float(stats.kstwo.sf(x, n))]
             for n in (3, 40, 140, 141, 990, 7000, 60000) for x in (0.004, 0.01, 0.03, 0.08, 0.2, 0.6)]
    return {"ks_2samp": ks, "chdtrc": chi2, "ndtr": ndtr, "smirnov": smirnov, "kstwo_sf": kstwo}


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "fixtures"
    out.mkdir(parents=True, exist_ok=True)
    for name, case in CASES.items():
        write_case(out, name, case)
    write_json(out / "scipy_values.json", scipy_values())


if __name__ == "__main__":
    main()
