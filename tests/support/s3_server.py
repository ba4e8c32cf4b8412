"""An S3 server on loopback (moto) that checks request signatures as S3 does.

Creates an IAM user with an access key, a role it may assume (both allowed s3:*), and an
empty bucket, then prints one JSON line: {"endpoint", "region", "bucket", "credentials",
"temporaryCredentials"}, the latter the role's, from STS with a session token (each {"accessKeyId", "secretAccessKey"[,
"sessionToken"]}). Requests signed with any other key are refused (403 SignatureDoesNotMatch / InvalidAccessKeyId). Serves until its
standard input closes, so it never outlives the test that started it.
"""

import json
import os
import sys

# Every action after these (the setup below) must be signed with a key moto issued.
SETUP_ACTIONS = 6
os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = str(SETUP_ACTIONS)

import boto3  # noqa: E402 (moto reads the variable above when imported)
from moto.server import ThreadedMotoServer  # noqa: E402

BUCKET = "models"
REGION = "us-east-1"


def allow(actions: list[str]) -> str:
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}],
    })


def main() -> None:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    anonymous = {"endpoint_url": endpoint, "region_name": REGION,
                 "aws_access_key_id": "setup", "aws_secret_access_key": "setup"}
    iam = boto3.client("iam", **anonymous)
    iam.create_user(UserName="dvc")
    iam.put_user_policy(UserName="dvc", PolicyName="s3",
                        PolicyDocument=allow(["s3:*", "sts:AssumeRole"]))
    key = iam.create_access_key(UserName="dvc")["AccessKey"]
    role = iam.create_role(RoleName="reader", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                       "Principal": {"AWS": "arn:aws:iam::123456789012:user/dvc"}}],
    }))["Role"]
    iam.put_role_policy(RoleName="reader", PolicyName="s3", PolicyDocument=allow(["s3:*"]))
    boto3.client("s3", **anonymous).create_bucket(Bucket=BUCKET)
    sts = boto3.client("sts", endpoint_url=endpoint, region_name=REGION,
                       aws_access_key_id=key["AccessKeyId"],
                       aws_secret_access_key=key["SecretAccessKey"])
    temporary = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="test")["Credentials"]
    print(json.dumps({
        "endpoint": endpoint,
        "region": REGION,
        "bucket": BUCKET,
        "credentials": {
            "accessKeyId": key["AccessKeyId"],
            "secretAccessKey": key["SecretAccessKey"],
        },
        "temporaryCredentials": {
            "accessKeyId": temporary["AccessKeyId"],
            "secretAccessKey": temporary["SecretAccessKey"],
            "sessionToken": temporary["SessionToken"],
        },
    }), flush=True)
    sys.stdin.read()
    server.stop()


if __name__ == "__main__":
    main()
