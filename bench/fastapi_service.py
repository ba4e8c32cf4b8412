"""The FastAPI + uvicorn + scikit-learn service `deno task bench:serve` compares against.

Written the way the seed projects serve their models: a scikit-learn pipeline (TfidfVectorizer
+ LogisticRegression, one per head through MultiOutputClassifier) trained at startup, a pydantic
model for the input, a synchronous `/predict` route returning label and confidence per head.

    TICKETS_FILE=data/tickets.jsonl python -m uvicorn fastapi_service:app --app-dir bench --workers 1
"""

import json
import os
from typing import Literal, Optional

from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multioutput import MultiOutputClassifier
from sklearn.pipeline import make_pipeline

HEADS = ("topic", "urgency")


class Ticket(BaseModel):
    """One support ticket, as the prediction API receives it."""

    subject: str
    body: str
    channel: Optional[Literal["email", "portal", "chat", "phone"]] = None


class HeadPrediction(BaseModel):
    """The predicted class of one head and its probability."""

    label: str
    confidence: float


class Prediction(BaseModel):
    """Both heads of one ticket."""

    topic: HeadPrediction
    urgency: HeadPrediction


def text_of(subject: str, body: str, channel: Optional[str]) -> str:
    """The text the vectorizer reads (as `bench/sklearn_reference.py` builds it)."""
    return f"{subject} {body} channel{channel}"


def train(path: str):
    """Fits the pipeline on every labelled ticket of `path` (JSON lines)."""
    with open(path, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    pipeline = make_pipeline(
        TfidfVectorizer(
            ngram_range=(1, 2), min_df=2, sublinear_tf=True, strip_accents="unicode", max_features=20000
        ),
        MultiOutputClassifier(LogisticRegression(max_iter=1000)),
    )
    texts = [text_of(r["subject"], r["body"], r["channel"]) for r in rows]
    return pipeline.fit(texts, [[r[head] for head in HEADS] for r in rows])


model = train(os.environ.get("TICKETS_FILE", "data/tickets.jsonl"))
classes = [estimator.classes_ for estimator in model[-1].estimators_]
app = FastAPI(title="ticket-triage (FastAPI + scikit-learn reference)")


@app.get("/health")
def health() -> dict:
    """Liveness: the model was trained before uvicorn started listening."""
    return {"status": "ok"}


@app.post("/predict", response_model=Prediction)
def predict(ticket: Ticket) -> Prediction:
    """Topic and urgency of one ticket, each with its confidence."""
    probabilities = model.predict_proba([text_of(ticket.subject, ticket.body, ticket.channel)])
    heads = {}
    for head, proba, labels in zip(HEADS, probabilities, classes):
        best = int(proba[0].argmax())
        heads[head] = HeadPrediction(label=str(labels[best]), confidence=float(proba[0][best]))
    return Prediction(**heads)
