"""The seeded data sets of the drift parity fixtures (see evidently_fixtures.py).

Each case: reference and current DataFrames, optional Evidently ColumnMapping fields and
DataDriftPreset options, and a description. Values are rounded to keep the CSVs small.
"""

import numpy as np
import pandas as pd


def rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def mixed(seed: int, n: int, shift: float) -> pd.DataFrame:
    """Float, few-valued int, many-valued int, text categories, bool, a binary target."""
    r = rng(seed)
    return pd.DataFrame({
        "amount": r.normal(10 + shift, 2, n).round(2),
        "visits": r.integers(0, 3 + (shift > 0), n),
        "age": r.integers(18, 80, n),
        "plan": r.choice(["basic", "plus", "pro"], n, p=[0.5, 0.3, 0.2] if shift == 0 else [0.4, 0.3, 0.3]),
        "active": r.random(n) < 0.6 + shift / 10,
        "target": r.integers(0, 2, n),
    })


def sized(seed: int, n: int, shift: float) -> pd.DataFrame:
    """A reference near the 1000-row limit: continuous, four-valued float, three categories."""
    r = rng(seed)
    return pd.DataFrame({
        "x": r.normal(shift, 1, n).round(3),
        "level": r.choice([0.5, 1.5, 2.5, 3.5], n),
        "channel": r.choice(["email", "chat", "phone"], n, p=[0.5, 0.3, 0.2]),
    })


def with_gaps(seed: int, n: int, shift: float) -> pd.DataFrame:
    """NaN and infinities among floats, NaN among text, a constant column."""
    r = rng(seed)
    x = r.normal(shift, 1, n).round(2)
    x[r.random(n) < 0.1] = np.nan
    x[r.random(n) < 0.03] = np.inf
    x[r.random(n) < 0.03] = -np.inf
    text = r.choice(["a", "b", "c"], n).astype(object)
    text[r.random(n) < 0.15] = np.nan
    return pd.DataFrame({"x": x, "text": text, "constant": np.full(n, 7.0)})


def cases() -> dict:
    r = rng(11)
    c = {}
    c["small_mixed"] = {
        "description": "200 vs 150 rows: K-S, chi-square on few-valued ints and text, Z-test on bool and target",
        "reference": mixed(1, 200, 0.0), "current": mixed(2, 150, 0.5)}
    for n, seed in ((999, 3), (1000, 4), (1001, 5)):
        c[f"reference_{n}"] = {
            "description": f"{n}-row reference: the default tests switch above 1000 rows",
            "reference": sized(seed, n, 0.0), "current": sized(seed + 10, 400, 0.12)}
    c["exact_ks_unequal"] = {
        "description": "K-S exact with unequal sizes (800 vs 2500)",
        "reference": pd.DataFrame({"x": r.normal(0, 1, 800).round(1)}),
        "current": pd.DataFrame({"x": r.normal(0.07, 1, 2500).round(1)})}
    c["asymptotic_ks"] = {
        "description": "K-S asymptotic: current above 10,000 rows, ties from integers",
        "reference": pd.DataFrame({"x": r.integers(0, 100, 500)}),
        "current": pd.DataFrame({"x": r.integers(0, 103, 12000)})}
    c["nan_and_infinity"] = {
        "description": "NaN and infinities dropped before testing; a constant column (Z-test p = 1)",
        "reference": with_gaps(6, 300, 0.0), "current": with_gaps(7, 250, 0.3)}
    c["constant_changed"] = {
        "description": "a constant column whose constant changes; a binary int column",
        "reference": pd.DataFrame({"c": np.full(50, 1.0), "flag": r.integers(0, 2, 50)}),
        "current": pd.DataFrame({"c": np.full(40, 2.0), "flag": r.integers(0, 2, 40)})}
    c["all_nan_column"] = {
        "description": "a column empty in the reference: Evidently refuses it, the engine leaves it out",
        "reference": pd.DataFrame({"x": r.normal(0, 1, 80).round(2), "empty": np.full(80, np.nan)}),
        "current": pd.DataFrame({"x": r.normal(0, 1, 60).round(2), "empty": r.normal(0, 1, 60).round(2)})}
    c["unseen_category"] = {
        "description": "a category only the current data has, one only the reference has",
        "reference": pd.DataFrame({"city": r.choice(["Paris", "Lyon", "Nice"], 400)}),
        "current": pd.DataFrame({"city": r.choice(["Paris", "Lyon", "Lille"], 300)})}
    c["single_current_row"] = {
        "description": "one current row",
        "reference": mixed(8, 120, 0.0), "current": mixed(9, 1, 0.0)}
    sparse = mixed(10, 3, 0.0).astype({"amount": float})
    sparse["amount"] = np.nan
    c["sparse_current"] = {
        "description": "three current rows, one column empty there",
        "reference": mixed(12, 90, 0.0), "current": sparse}
    c["large_reference"] = {
        "description": "1800 vs 1200 rows: Wasserstein and Jensen-Shannon, a bool column",
        "reference": mixed(13, 1800, 0.0), "current": mixed(14, 1200, 0.2)}
    c["options"] = {
        "description": "tests and thresholds chosen per type and column, drift share 0.3",
        "reference": mixed(15, 1100, 0.0), "current": mixed(16, 600, 0.3),
        "options": {"num_stattest": "psi", "cat_stattest": "chisquare",
                    "per_column_stattest": {"age": "kl_div", "amount": "ks", "target": "jensenshannon"},
                    "stattest_threshold": 0.2, "per_column_stattest_threshold": {"age": 0.05},
                    "drift_share": 0.3}}
    c["binned_numeric"] = {
        "description": "Jensen-Shannon, PSI and KL on a numeric column with more than 20 values (Sturges bins)",
        "reference": pd.DataFrame({"a": r.normal(0, 1, 600).round(2), "b": r.integers(0, 60, 600),
                                   "c": r.exponential(1, 600).round(2)}),
        "current": pd.DataFrame({"a": r.normal(0.2, 1, 500).round(2), "b": r.integers(0, 64, 500),
                                 "c": r.exponential(1.2, 500).round(2)}),
        "options": {"per_column_stattest": {"a": "jensenshannon", "b": "psi", "c": "kl_div"}}}
    reg = mixed(17, 400, 0.0)
    reg_cur = mixed(18, 300, 0.4)
    for frame, s in ((reg, 0.0), (reg_cur, 0.4)):
        frame["y"] = (frame["amount"] * 3 + s).round(1)
        frame["p"] = (frame["amount"] * 2.9).round(1)
        frame["uid"] = np.arange(len(frame))
    c["column_mapping"] = {
        "description": "a mapping: regression target and prediction, id left out, typed lists",
        "reference": reg, "current": reg_cur,
        "mapping": {"target": "y", "prediction": "p", "id": "uid", "task": "regression",
                    "numerical_features": ["amount", "visits"], "categorical_features": ["age", "plan", "active"]}}
    prob = mixed(19, 300, 0.0)
    prob_cur = mixed(20, 250, 0.2)
    for frame in (prob, prob_cur):
        frame["prediction"] = r.random(len(frame)).round(3)
        frame["id"] = np.arange(len(frame))
    c["default_names"] = {
        "description": "columns named target, prediction (probabilities) and id under the default mapping",
        "reference": prob, "current": prob_cur}
    return c


CASES = cases()
