"""Drives a running server with KServe's own REST client (`kserve.InferenceRESTClient`, V2).

Usage: v2_kserve_client.py <base url> <binary: 1|0>. Prints one JSON object: what the client
read (health, the churn outputs of a batch, the error it raised), for the Deno test to check.
"""

import asyncio
import json
import sys

import httpx
import numpy as np
from kserve import InferenceRESTClient, InferInput, InferRequest, RESTConfig

base_url, binary = sys.argv[1], sys.argv[2] == "1"

COLUMNS = {
    "tenure": (np.array([12, 40, 2], dtype=np.int32), "INT32"),
    "monthly_charges": (np.array([65.5, 30.0, 99.9], dtype=np.float32), "FP32"),
    "total_charges": (np.array([786.0, 1200.0, 199.8], dtype=np.float32), "FP32"),
    "contract_type": (np.array(["Month-to-month", "Two year", "Month-to-month"], dtype=np.object_), "BYTES"),
    "payment_method": (np.array(["Electronic check", "Credit card", "Electronic check"], dtype=np.object_), "BYTES"),
}


def request_of(columns):
    inputs = []
    for name, (values, datatype) in columns.items():
        tensor = InferInput(name, list(values.shape), datatype)
        tensor.set_data_from_numpy(values, binary_data=binary)
        inputs.append(tensor)
    return InferRequest(
        model_name="churn",
        infer_inputs=inputs,
        request_id="kserve-churn",
        parameters={"binary_data_output": binary},
    )


async def main():
    client = InferenceRESTClient(RESTConfig(protocol="v2", timeout=30))
    try:
        result = await client.infer(base_url, request_of(COLUMNS), model_name="churn")
        outputs = {output.name: output for output in result.outputs}
        labels = outputs["churn_label"].as_numpy().tolist()
        bad = dict(COLUMNS, tenure=(np.array([-5, 1, 2], dtype=np.int32), "INT32"))
        try:
            await client.infer(base_url, request_of(bad), model_name="churn")
            error = None
        except httpx.HTTPStatusError as failure:
            error = {"status": failure.response.status_code, "message": str(failure)}
        print(json.dumps({
            "live": await client.is_server_live(base_url),
            "ready": await client.is_server_ready(base_url),
            "model_ready": await client.is_model_ready(base_url, "churn"),
            "id": result.id,
            "model": result.model_name,
            "labels": [v.decode() if isinstance(v, bytes) else v for v in labels],
            "probabilities": outputs["churn_probabilities"].as_numpy().tolist(),
            "bad_request": error,
        }))
    finally:
        await client.close()


asyncio.run(main())
