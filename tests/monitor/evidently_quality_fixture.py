"""Writes tests/monitor/quality_fixtures/evidently_quality.json: seeded labelled rows and what
Evidently 0.7 reports on them, for evidently_parity_test.ts to compare ours with.

Run from the repository root with the project's virtualenv (tests/requirements.txt pins it):
    .venv/bin/python tests/monitor/evidently_quality_fixture.py
Each case holds the window's rows ("current"), the rows the version's test metrics come from
("reference"), Evidently's legacy ClassificationPreset `Report.as_dict()` and the new
ClassificationPreset snapshot's `.dict()`.
"""

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import evidently
from evidently import BinaryClassification, DataDefinition, Dataset, MulticlassClassification
from evidently import Report as SnapshotReport
from evidently.legacy.metric_preset import ClassificationPreset as LegacyPreset
from evidently.legacy.pipeline.column_mapping import ColumnMapping
from evidently.legacy.report import Report as LegacyReport
from evidently.presets import ClassificationPreset

warnings.filterwarnings("ignore")
OUT = Path(__file__).parent / "quality_fixtures" / "evidently_quality.json"
rng = np.random.default_rng(20240607)


def churn_rows(n, threshold):
    truth = rng.integers(0, 2, n)
    # Three decimals: many tied scores, which ROC AUC must count as half a win.
    p = np.round(np.clip(truth * 0.35 + rng.random(n) * 0.65, 0, 1), 3)
    return {
        "truth": [str(t) for t in truth],
        "predicted": ["1" if x >= threshold else "0" for x in p],
        "scores": [{"0": 1 - x, "1": x} for x in p.tolist()],
    }


def topic_rows(n, classes, with_scores=True, absent=()):
    present = [c for c in classes if c not in absent]
    truth = rng.integers(0, len(present), n)
    raw = rng.random((n, len(classes)))
    raw[np.arange(n), [classes.index(present[t]) for t in truth]] += 0.6
    for label in absent:
        raw[:, classes.index(label)] = 0.0
    probs = raw / raw.sum(axis=1, keepdims=True)
    rows = {
        "truth": [present[t] for t in truth],
        "predicted": [classes[i] for i in probs.argmax(axis=1)],
        "scores": [dict(zip(classes, row)) for row in probs.tolist()],
    }
    if not with_scores:
        rows["scores"] = [{} for _ in range(n)]
    return rows


def legacy_frame(rows, binary, classes, with_scores):
    if binary:
        return pd.DataFrame({
            "target": [int(t) for t in rows["truth"]],
            "prediction": [s["1"] for s in rows["scores"]],
        })
    frame = pd.DataFrame({"target": rows["truth"], "prediction": rows["predicted"]})
    if with_scores:
        for label in classes:
            frame[label] = [s[label] for s in rows["scores"]]
    return frame


def case(name, classes, current, reference, threshold=None, with_scores=True):
    binary = len(classes) == 2
    cur = legacy_frame(current, binary, classes, with_scores)
    ref = legacy_frame(reference, binary, classes, with_scores)
    if binary:
        mapping = ColumnMapping(target="target", prediction="prediction", pos_label=1)
        definition = BinaryClassification(target="target", prediction_probas="prediction", pos_label=1)
    elif with_scores:
        mapping = ColumnMapping(target="target", prediction=list(classes))
        definition = MulticlassClassification(
            target="target", prediction_labels="prediction", prediction_probas=list(classes)
        )
    else:
        mapping = ColumnMapping(target="target", prediction="prediction")
        definition = MulticlassClassification(target="target", prediction_labels="prediction")
    legacy = LegacyReport(metrics=[LegacyPreset(probas_threshold=threshold)])
    legacy.run(reference_data=ref, current_data=cur, column_mapping=mapping)
    data = DataDefinition(classification=[definition])
    snapshot = SnapshotReport([ClassificationPreset(probas_threshold=threshold)]).run(
        Dataset.from_pandas(cur, data_definition=data), Dataset.from_pandas(ref, data_definition=data)
    )
    return {
        "name": name,
        "classes": classes,
        "threshold": threshold,
        "current": current,
        "reference": reference,
        "legacy": json.loads(json.dumps(legacy.as_dict(), default=str)),
        "snapshot": json.loads(json.dumps(snapshot.dict(), default=str)),
    }


topics = ["network", "access", "printing", "hardware"]
urgencies = ["low", "medium", "high", "critical"]
cases = [
    case("binary churn with tied scores", ["0", "1"], churn_rows(240, 0.42), churn_rows(160, 0.42), 0.42),
    case("multi-class topic with scores", topics, topic_rows(300, topics), topic_rows(200, topics)),
    case(
        "multi-class urgency, labels only, a class absent from the window",
        urgencies,
        topic_rows(120, urgencies, with_scores=False, absent=("critical",)),
        topic_rows(120, urgencies, with_scores=False),
        with_scores=False,
    ),
]
OUT.write_text(json.dumps({"evidently": evidently.__version__, "cases": cases}, indent=2, sort_keys=True) + "\n")
print(f"wrote {OUT}")
