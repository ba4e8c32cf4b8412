"""Drives a running server with tritonclient's HTTP client, as a Triton/KServe user would.

Usage: v2_tritonclient.py <host:port> <binary: 1|0>. Prints one JSON object: what the client
read (health, metadata, churn and ticket-triage outputs, the errors it raised), for the Deno
test to check against the server's own /v1 answers.
"""

import json
import sys

import numpy as np
import tritonclient.http as httpclient
from tritonclient.utils import InferenceServerException

url, binary = sys.argv[1], sys.argv[2] == "1"
client = httpclient.InferenceServerClient(url=url)

CUSTOMERS = {
    "tenure": (np.array([[12], [40], [2]], dtype=np.int32), "INT32"),
    "monthly_charges": (np.array([[65.5], [30.0], [99.9]], dtype=np.float32), "FP32"),
    "total_charges": (np.array([[786.0], [1200.0], [199.8]], dtype=np.float32), "FP32"),
    "contract_type": (
        np.array([["Month-to-month"], ["Two year"], ["Month-to-month"]], dtype=np.object_),
        "BYTES",
    ),
    "payment_method": (
        np.array([["Electronic check"], ["Credit card"], ["Electronic check"]], dtype=np.object_),
        "BYTES",
    ),
}


def inputs_of(columns):
    inputs = []
    for name, (values, datatype) in columns.items():
        tensor = httpclient.InferInput(name, list(values.shape), datatype)
        tensor.set_data_from_numpy(values, binary_data=binary)
        inputs.append(tensor)
    return inputs


def outputs_of(names):
    # The binary run takes the client's default (no outputs named: all in binary); the JSON
    # run names each output and asks for it as JSON.
    if binary:
        return None
    return [httpclient.InferRequestedOutput(name, binary_data=False) for name in names]


def error_of(call):
    try:
        call()
    except InferenceServerException as error:
        return {"status": error.status(), "message": error.message()}
    return None


churn = client.infer(
    "churn",
    inputs_of(CUSTOMERS),
    outputs=outputs_of(["churn_label", "churn_probabilities", "prediction_id"]),
    request_id="triton-churn",
)
tickets = client.infer(
    "ticket-triage",
    inputs_of({
        "subject": (np.array(["VPN down", "Imprimante bloquée"], dtype=np.object_), "BYTES"),
        "body": (
            np.array(
                ["I cannot reach the VPN since this morning.", "L'imprimante du 2e étage ne répond plus."],
                dtype=np.object_,
            ),
            "BYTES",
        ),
    }),
    outputs=outputs_of(["topic_label", "urgency_label", "topic_probabilities"]),
)
bad = dict(CUSTOMERS, tenure=(np.array([[-5], [1], [2]], dtype=np.int32), "INT32"))

print(json.dumps({
    "live": client.is_server_live(),
    "ready": client.is_server_ready(),
    "model_ready": client.is_model_ready("churn"),
    "server": client.get_server_metadata(),
    "churn_metadata": client.get_model_metadata("churn"),
    "ticket_metadata": client.get_model_metadata("ticket-triage"),
    "churn": {
        "id": churn.get_response()["id"],
        "version": churn.get_response()["model_version"],
        "binary": [
            "binary_data_size" in (o.get("parameters") or {}) for o in churn.get_response()["outputs"]
        ],
        "labels": [v.decode() if isinstance(v, bytes) else v for v in churn.as_numpy("churn_label").tolist()],
        "probabilities": churn.as_numpy("churn_probabilities").tolist(),
        "prediction_ids": len(churn.as_numpy("prediction_id")),
    },
    "tickets": {
        "topics": [v.decode() if isinstance(v, bytes) else v for v in tickets.as_numpy("topic_label").tolist()],
        "urgencies": [v.decode() if isinstance(v, bytes) else v for v in tickets.as_numpy("urgency_label").tolist()],
        "topic_probabilities_shape": list(tickets.as_numpy("topic_probabilities").shape),
    },
    "bad_request": error_of(lambda: client.infer("churn", inputs_of(bad))),
    "unknown_model": error_of(lambda: client.get_model_metadata("nope")),
    "unknown_model_infer": error_of(lambda: client.infer("nope", inputs_of(CUSTOMERS))),
}))
