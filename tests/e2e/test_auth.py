"""Authentication end to end: a real `cloudquery sync` whose plugin finds its AWS credentials in each of
the places the AWS chain looks (reference aws-auth.md §1.3): environment keys, a named profile picked by
the spec's `local_profile`, a `credential_process`, a container credentials endpoint, and temporary
credentials (session token) from an RGW with STS turned on.

Every test also checks that no secret key or session token reaches the CLI's output or its debug log.
"""
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
import pytest
from botocore.config import Config

from conftest import list_objects

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
RGW_SCRIPT = os.path.join(REPO, "scripts", "rgw.py")


def dest_spec(s3, prefix, **extra):
    spec = {"bucket": s3["bucket"], "region": s3["region"], "endpoint": s3["endpoint"], "use_path_style": True,
            "path": f"{prefix}/{{{{TABLE}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}", "format": "json"}
    spec.update(extra)
    return spec


def no_env_keys(home):
    """Environment overrides that hide run_sync's keys (empty means unset, as in Go) and the real HOME."""
    return {"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "",
            "AWS_DEFAULT_PROFILE": "", "HOME": str(home), "AWS_EC2_METADATA_DISABLED": "true"}


def assert_synced(s3_client, bucket, prefix, rows=10):
    objects = list_objects(s3_client, bucket, prefix)
    data = [body for key, (_, body) in objects.items() if "/TEST_TABLE/" not in key]
    assert data, f"nothing written under {prefix}"
    assert sum(len(body.decode().splitlines()) for body in data) == rows


def assert_no_secrets(text, *secrets):
    for secret in secrets:
        assert secret not in text, "a secret reached the CLI output or log"


def test_environment_keys(run_sync, s3, s3_client, prefix):
    code, out, log = run_sync(dest_spec(s3, prefix))
    assert code == 0, out
    assert_synced(s3_client, s3["bucket"], prefix)
    assert_no_secrets(out + log, s3["secret_key"])


def test_named_profile_via_local_profile(run_sync, s3, s3_client, prefix, tmp_path):
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(
        f"[default]\naws_access_key_id = AKIDWRONGDEFAULT\naws_secret_access_key = wrong-default-secret\n\n"
        f"[e2e-profile]\naws_access_key_id = {s3['access_key']}\naws_secret_access_key = {s3['secret_key']}\n")
    # Bogus environment keys: a profile chosen in the spec makes the chain ignore them (Go's
    # WithSharedConfigProfile), so only the profile can make this sync pass.
    env = dict(no_env_keys(home), AWS_ACCESS_KEY_ID="AKIDBOGUSENVIRONMENT", AWS_SECRET_ACCESS_KEY="bogus-env-secret")
    code, out, log = run_sync(dest_spec(s3, prefix, local_profile="e2e-profile"), env=env)
    assert code == 0, out
    assert_synced(s3_client, s3["bucket"], prefix)
    assert_no_secrets(out + log, s3["secret_key"], "bogus-env-secret")

    # The same through `credentials.local_profile`.
    prefix2 = prefix + "-credentials-block"
    code, out, _ = run_sync(dest_spec(s3, prefix2, credentials={"local_profile": "e2e-profile"}), env=env)
    assert code == 0, out
    assert_synced(s3_client, s3["bucket"], prefix2)


def test_missing_local_profile_fails_with_the_go_message(run_sync, s3, prefix, tmp_path):
    env = no_env_keys(tmp_path)
    code, out, log = run_sync(dest_spec(s3, prefix, local_profile="no-such-profile"), env=env)
    assert code != 0
    assert "unable to load AWS SDK config: failed to get shared config profile, no-such-profile" in out + log


def test_credential_process_profile(run_sync, s3, s3_client, prefix, tmp_path):
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    marker = tmp_path / "process-ran"
    helper = tmp_path / "helper.py"
    helper.write_text(
        "import json, sys\n"
        "open(sys.argv[1], 'a').write('ran\\n')\n"
        "print('helper diagnostics ' + sys.argv[3], file=sys.stderr)\n"
        "print(json.dumps({'Version': 1, 'AccessKeyId': sys.argv[2], 'SecretAccessKey': sys.argv[3],\n"
        "                  'Expiration': '2099-01-01T00:00:00Z'}))\n")
    (home / ".aws" / "config").write_text(
        f"[profile helper]\ncredential_process = {sys.executable} {helper} {marker} "
        f"{s3['access_key']} {s3['secret_key']}\n")
    env = dict(no_env_keys(home), AWS_PROFILE="helper")
    code, out, log = run_sync(dest_spec(s3, prefix), env=env)
    assert code == 0, out
    assert marker.exists(), "the credential_process never ran"
    assert_synced(s3_client, s3["bucket"], prefix)
    # The helper printed the secret on stderr and stdout: neither reaches the CLI.
    assert_no_secrets(out + log, s3["secret_key"])


class ContainerEndpoint:
    """A loopback ECS/EKS-style credentials endpoint: GET with the right Authorization → the JSON document."""

    def __init__(self, token, access_key, secret_key):
        self.requests = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append((self.path, self.headers.get("Authorization")))
                if self.headers.get("Authorization") != token:
                    body, status = json.dumps({"code": "AccessDenied", "message": "bad token"}), 401
                else:
                    expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
                    body, status = json.dumps({"AccessKeyId": access_key, "SecretAccessKey": secret_key,
                                               "Expiration": expires, "RoleArn": "arn:aws:iam::1:role/e2e"}), 200
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def container_endpoint(s3):
    endpoint = ContainerEndpoint("Bearer e2e-container-token", s3["access_key"], s3["secret_key"])
    yield endpoint
    endpoint.stop()


def test_container_credentials(run_sync, s3, s3_client, prefix, tmp_path, container_endpoint):
    token_file = tmp_path / "container-token"
    token_file.write_text("Bearer e2e-container-token")
    env = dict(no_env_keys(tmp_path),
               AWS_CONTAINER_CREDENTIALS_FULL_URI=container_endpoint.url + "/v1/credentials",
               AWS_CONTAINER_AUTHORIZATION_TOKEN="wrong-variable-token",  # the file wins
               AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=str(token_file))
    code, out, log = run_sync(dest_spec(s3, prefix), env=env)
    assert code == 0, out
    assert container_endpoint.requests, "the container endpoint was never asked"
    assert all(req == ("/v1/credentials", "Bearer e2e-container-token") for req in container_endpoint.requests)
    assert_synced(s3_client, s3["bucket"], prefix)
    assert_no_secrets(out + log, s3["secret_key"])

    # A container endpoint that refuses the token: Init fails with the Go plugin's message.
    token_file.write_text("Bearer not-the-token")
    code, out, log = run_sync(dest_spec(s3, prefix + "-denied"), env=env)
    assert code != 0
    assert "error retrieving AWS credentials (see logs for details)" in out


# ---- temporary credentials from an RGW with STS turned on -------------------------------------------

def _read_env_file(path):
    values = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("export ") and "=" in line:
                key, value = line[len("export "):].split("=", 1)
                values[key] = value.strip("'")
    return values


@pytest.fixture(scope="session")
def sts_rgw():
    """A second Ceph RGW with `rgw s3 auth use sts = true`, started and stopped (by PID) for this session.

    Ports and directory: S3_TEST_STS_PORT (7481), S3_TEST_STS_MON_PORT (6790), S3_TEST_STS_DIR
    (<repo>/.testbed/rgw-sts), so it runs beside the main RGW of `make test`.
    """
    directory = os.environ.get("S3_TEST_STS_DIR") or os.path.join(REPO, ".testbed", "rgw-sts")
    port = os.environ.get("S3_TEST_STS_PORT", "7481")
    mon_port = os.environ.get("S3_TEST_STS_MON_PORT", "6790")
    command = [sys.executable, RGW_SCRIPT, "up", "--sts", "--dir", directory, "--port", port, "--mon-port", mon_port]
    for _ in range(2):  # a fresh Ceph monitor occasionally refuses the first `osd crush add`: one retry
        up = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
        if up.returncode == 0:
            break
    try:
        if up.returncode != 0:
            pytest.fail(f"could not start the STS RGW (scripts/rgw.py up --sts): {up.stdout[-2000:]}", pytrace=False)
        env = _read_env_file(os.path.join(directory, "env"))
        yield {"endpoint": env["S3_TEST_ENDPOINT"], "bucket": env["S3_TEST_BUCKET"],
               "access_key": env["S3_TEST_ACCESS_KEY"], "secret_key": env["S3_TEST_SECRET_KEY"],
               "region": env["S3_TEST_REGION"]}
    finally:
        subprocess.run([sys.executable, RGW_SCRIPT, "down", "--dir", directory], timeout=120)


@pytest.fixture(scope="session")
def session_credentials(sts_rgw):
    """GetSessionToken from the STS RGW; RGW wants a user policy allowing it first (testbed.md §6)."""
    common = dict(endpoint_url=sts_rgw["endpoint"], region_name=sts_rgw["region"],
                  aws_access_key_id=sts_rgw["access_key"], aws_secret_access_key=sts_rgw["secret_key"])
    policy = {"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": ["sts:GetSessionToken", "s3:*"], "Resource": "*"}]}
    boto3.client("iam", **common).put_user_policy(UserName="tester", PolicyName="e2e-sts",
                                                   PolicyDocument=json.dumps(policy))
    last = None
    for _ in range(20):  # the policy may take a moment to apply
        try:
            return boto3.client("sts", **common).get_session_token(DurationSeconds=3600)["Credentials"]
        except Exception as e:  # noqa: BLE001 - retried, then reported
            last = e
            time.sleep(0.5)
    pytest.fail(f"GetSessionToken on the STS RGW failed: {last}", pytrace=False)


def _sts_spec(sts_rgw, prefix):
    return {"bucket": sts_rgw["bucket"], "region": sts_rgw["region"], "endpoint": sts_rgw["endpoint"],
            "use_path_style": True, "path": f"{prefix}/{{{{TABLE}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}", "format": "json"}


def test_session_token_credentials_against_rgw_with_sts(run_sync, sts_rgw, session_credentials, prefix, tmp_path):
    creds = session_credentials
    assert creds["SessionToken"], "RGW returned no session token"
    env = dict(no_env_keys(tmp_path), AWS_ACCESS_KEY_ID=creds["AccessKeyId"],
               AWS_SECRET_ACCESS_KEY=creds["SecretAccessKey"], AWS_SESSION_TOKEN=creds["SessionToken"])
    code, out, log = run_sync(_sts_spec(sts_rgw, prefix), env=env)
    assert code == 0, out
    reader = boto3.client("s3", endpoint_url=sts_rgw["endpoint"], region_name=sts_rgw["region"],
                          aws_access_key_id=sts_rgw["access_key"], aws_secret_access_key=sts_rgw["secret_key"],
                          config=Config(s3={"addressing_style": "path"}))
    assert_synced(reader, sts_rgw["bucket"], prefix)
    assert_no_secrets(out + log, creds["SecretAccessKey"], creds["SessionToken"])


def test_wrong_session_token_fails_clearly(run_sync, sts_rgw, session_credentials, prefix, tmp_path):
    creds = session_credentials
    wrong = "e2e" + uuid.uuid4().hex * 4
    env = dict(no_env_keys(tmp_path), AWS_ACCESS_KEY_ID=creds["AccessKeyId"],
               AWS_SECRET_ACCESS_KEY=creds["SecretAccessKey"], AWS_SESSION_TOKEN=wrong)
    code, out, log = run_sync(_sts_spec(sts_rgw, prefix), env=env)
    assert code != 0
    # test_write's PutObject is refused: the Go plugin's message, then S3's error code (RGW answers a
    # token it cannot decode with InvalidArgument, a forged one with AccessDenied).
    assert "failed to write test file to S3" in out
    assert any(code in out for code in ("InvalidArgument", "AccessDenied", "InvalidToken")), out
    assert_no_secrets(out + log, creds["SecretAccessKey"], wrong)
