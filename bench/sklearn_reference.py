"""scikit-learn reference of `deno task bench:train`.

Usage: sklearn_reference.py DATA_DIR

DATA_DIR holds tickets.jsonl, customers.jsonl and, per model, the split the TypeScript
training uses (ticket-triage.split.json, churn.split.json: {"train", "validation", "test"}
index lists). Fits on the train part only, scores on the test part, prints JSON on stdout.
With handwritten_tickets.jsonl there too (the hand-written evaluation set), the ticket model
is also scored on it: macro F1 per head and the recall of critical and high urgency.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, recall_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["tenure", "monthly_charges", "total_charges", "complaints", "usage_minutes", "age", "income"]
CATEGORICAL = ["contract_type", "payment_method"]


def load(data_dir: Path, file: str, model: str) -> tuple[list[dict], list[dict]]:
    """The train and test rows of `file` under the split the TypeScript training used."""
    with open(data_dir / file, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    split = json.loads((data_dir / f"{model}.split.json").read_text())
    return [rows[i] for i in split["train"]], [rows[i] for i in split["test"]]


def ticket_triage(data_dir: Path) -> dict:
    """TF-IDF word 1-2grams + one logistic regression per head; macro F1 on test."""
    train, test = load(data_dir, "tickets.jsonl", "ticket-triage")
    text = lambda rows: [f"{r['subject']} {r['body']} channel{r['channel']}" for r in rows]
    started = time.perf_counter()
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, strip_accents="unicode", max_features=20000
    )
    x_train = vectorizer.fit_transform(text(train))
    heads = {
        head: LogisticRegression(max_iter=1000).fit(x_train, [r[head] for r in train])
        for head in ("topic", "urgency")
    }
    seconds = time.perf_counter() - started
    x_test = vectorizer.transform(text(test))
    macro_f1 = {
        head: float(f1_score([r[head] for r in test], model.predict(x_test), average="macro"))
        for head, model in heads.items()
    }
    result = {"seconds": seconds, "features": len(vectorizer.vocabulary_), "macro_f1": macro_f1}
    holdout_file = data_dir / "handwritten_tickets.jsonl"
    if holdout_file.exists():
        with open(holdout_file, encoding="utf-8") as lines:
            holdout = [json.loads(line) for line in lines if line.strip()]
        x_holdout = vectorizer.transform(text(holdout))
        predicted = {head: model.predict(x_holdout) for head, model in heads.items()}
        truth = {head: [r[head] for r in holdout] for head in heads}
        result["holdout"] = {
            "rows": len(holdout),
            "macro_f1": {
                head: float(f1_score(truth[head], predicted[head], average="macro")) for head in heads
            },
            "recall": {
                level: float(recall_score(truth["urgency"], predicted["urgency"], labels=[level], average="macro"))
                for level in ("critical", "high")
            },
        }
    return result


def churn(data_dir: Path) -> dict:
    """Median imputation + standard scaling, one-hot categories, logistic regression; ROC AUC."""
    train, test = load(data_dir, "customers.jsonl", "churn")
    matrix = lambda rows: np.array(
        [[np.nan if r.get(c) is None else r[c] for c in NUMERIC] + [r[c] for c in CATEGORICAL] for r in rows],
        dtype=object,
    )
    numeric, categorical = list(range(len(NUMERIC))), list(range(len(NUMERIC), len(NUMERIC) + len(CATEGORICAL)))
    started = time.perf_counter()
    model = make_pipeline(
        ColumnTransformer([
            ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
            ("categorical", OneHotEncoder(handle_unknown="ignore"), categorical),
        ]),
        LogisticRegression(max_iter=1000),
    ).fit(matrix(train), [r["churned"] for r in train])
    seconds = time.perf_counter() - started
    probability = model.predict_proba(matrix(test))[:, 1]
    return {"seconds": seconds, "roc_auc": float(roc_auc_score([r["churned"] for r in test], probability))}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: sklearn_reference.py DATA_DIR")
    data_dir = Path(sys.argv[1])
    result = {
        "python": sys.version.split()[0],
        "sklearn": sklearn.__version__,
        "ticket-triage": ticket_triage(data_dir),
        "churn": churn(data_dir),
    }
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
