"""Authentication end to end: a real `cloudquery sync` whose plugin finds its AWS credentials in each of
the places the AWS chain looks (reference aws-auth.md §1.3): environment keys, a named profile picked by
the spec's `local_profile`, a `credential_process`, a container credentials endpoint, temporary
credentials (session token) from an RGW with STS turned on, and an `aws login` session refreshed through
a loopback Sign-In endpoint.

Every test also checks that no secret key or session token reaches the CLI's output or its debug log.
"""
import base64
import hashlib
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


class LoopbackJSONEndpoint:
    """A loopback HTTP endpoint answering JSON, started here and stopped by `stop()`: subclasses say what
    to answer with `answer(handler, body)` → (status, document, extra headers)."""

    def __init__(self):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def serve(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status, document, headers = outer.answer(self, body)
                data = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = serve

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, handler, body):
        raise NotImplementedError

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class ContainerEndpoint(LoopbackJSONEndpoint):
    """A loopback ECS/EKS-style credentials endpoint: GET with the right Authorization → the JSON document."""

    def __init__(self, token, access_key, secret_key):
        self.requests = []
        self.token, self.access_key, self.secret_key = token, access_key, secret_key
        super().__init__()

    def answer(self, handler, body):
        self.requests.append((handler.path, handler.headers.get("Authorization")))
        if handler.headers.get("Authorization") != self.token:
            return 401, {"code": "AccessDenied", "message": "bad token"}, {}
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
        return 200, {"AccessKeyId": self.access_key, "SecretAccessKey": self.secret_key, "Expiration": expires,
                     "RoleArn": "arn:aws:iam::1:role/e2e"}, {}


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


# ---- `aws login` (login_session) credentials, refreshed through a loopback Sign-In -----------------

LOGIN_SESSION = "arn:aws:iam::123456789012:user/e2e-console"
LOGIN_CLIENT_ID = "arn:aws:signin:::devtools/same-device"


def _b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _der_signature(raw):
    """DER ECDSA-Sig-Value of a JWS (raw r || s) signature, the form `openssl dgst -verify` reads."""
    def integer(b):
        b = b.lstrip(b"\0") or b"\0"
        if b[0] & 0x80:
            b = b"\0" + b
        return b"\x02" + bytes([len(b)]) + b
    body = integer(raw[:32]) + integer(raw[32:])
    return b"\x30" + bytes([len(body)]) + body


class SigninEndpoint(LoopbackJSONEndpoint):
    """A loopback AWS Sign-In `CreateOAuth2Token` (restJson1, POST /v1/token) that checks the refresh grant
    and the DPoP proof of every request (RFC 9449: typ/alg, the cached key's public point in `jwk`, an ES256
    signature verified by the `openssl` program with that key, htm, htu, iat within a minute, jti never
    seen), then answers with `credentials`, or with an AccessDeniedException `refusal` code."""

    def __init__(self, directory, key_pem, refresh_token, credentials, refusal=None):
        self.requests, self.problems, self.jtis = [], [], set()
        self.directory, self.refresh_token, self.credentials, self.refusal = directory, refresh_token, credentials, refusal
        self.key_path = os.path.join(directory, "dpop-key.pem")
        with open(self.key_path, "w") as f:
            f.write(key_pem)
        der = subprocess.run(["openssl", "ec", "-in", self.key_path, "-pubout", "-outform", "DER"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout
        self.point = der[-64:]  # SubjectPublicKeyInfo ends with 04 || X || Y
        super().__init__()

    def answer(self, handler, body):
        self.requests.append((handler.path, dict(handler.headers), body))
        problem = self.check(handler, body)
        if problem:
            self.problems.append(problem)
            return 400, {"error": "INVALID_REQUEST", "message": problem}, {"x-amzn-ErrorType": "ValidationException"}
        if self.refusal:
            return (400, {"error": self.refusal, "message": "refresh token expired"},
                    {"x-amzn-ErrorType": "AccessDeniedException"})
        return 200, {"accessToken": self.credentials, "tokenType": "aws_sigv4", "expiresIn": 900,
                     "refreshToken": "e2e-new-refresh-token", "idToken": "e2e-new-id-token"}, {}

    def check(self, handler, body):
        if handler.path != "/v1/token" or handler.headers.get("Content-Type") != "application/json":
            return "not a CreateOAuth2Token request"
        grant = json.loads(body)
        if grant != {"clientId": LOGIN_CLIENT_ID, "grantType": "refresh_token", "refreshToken": self.refresh_token}:
            return "wrong grant"
        try:
            header_b64, claims_b64, signature_b64 = handler.headers["DPoP"].split(".")
            header, claims = json.loads(_b64url_decode(header_b64)), json.loads(_b64url_decode(claims_b64))
            signature = _b64url_decode(signature_b64)
        except Exception:  # noqa: BLE001 - any malformed proof is a problem to report
            return "DPoP is not a JWS"
        jwk = header.get("jwk", {})
        if (header.get("typ"), header.get("alg"), jwk.get("kty"), jwk.get("crv")) != ("dpop+jwt", "ES256", "EC", "P-256"):
            return "DPoP header"
        if _b64url_decode(jwk.get("x", "")) + _b64url_decode(jwk.get("y", "")) != self.point:
            return "DPoP jwk is not the cached key"
        if len(signature) != 64:
            return "DPoP signature is not raw r||s"
        stem = os.path.join(self.directory, uuid.uuid4().hex)  # requests may overlap: files of their own
        message, sig = stem + ".message", stem + ".signature.der"
        with open(message, "wb") as f:
            f.write(f"{header_b64}.{claims_b64}".encode())
        with open(sig, "wb") as f:
            f.write(_der_signature(signature))
        verify = subprocess.run(["openssl", "dgst", "-sha256", "-prverify", self.key_path, "-signature", sig, message],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if verify.returncode != 0:
            return "DPoP signature does not verify"
        if claims.get("htm") != "POST" or claims.get("htu") != f"http://{handler.headers['Host']}/v1/token":
            return "DPoP htm/htu"
        if abs(claims.get("iat", 0) - time.time()) > 60:
            return "DPoP iat"
        if not claims.get("jti") or claims["jti"] in self.jtis:
            return "DPoP jti missing or replayed"
        self.jtis.add(claims["jti"])
        return None


class LoginHome:
    """A HOME after `aws login --profile console`: the profile with login_session, the token cache the AWS
    CLI writes under ~/.aws/login/cache/<sha256(login_session)>.json, and the session's P-256 key."""

    def __init__(self, root, region):
        self.home = root / "home"
        (self.home / ".aws").mkdir(parents=True)
        (self.home / ".aws" / "config").write_text(
            f"[profile console]\nlogin_session = {LOGIN_SESSION}\nregion = {region}\n")
        self.key_pem = subprocess.run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout"],
                                      stdout=subprocess.PIPE, check=True, text=True).stdout
        self.cache = (self.home / ".aws" / "login" / "cache" /
                      (hashlib.sha256(LOGIN_SESSION.encode()).hexdigest() + ".json"))
        self.cache.parent.mkdir(parents=True)

    def write_cache(self, access_key, secret_key, expires_in):
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + expires_in))
        self.cache.write_text(json.dumps({
            "accessToken": {"accessKeyId": access_key, "secretAccessKey": secret_key,
                            "sessionToken": "e2e-cached-session-token", "accountId": "123456789012",
                            "expiresAt": expires},
            "tokenType": "aws_sigv4", "refreshToken": "e2e-cached-refresh-token", "idToken": "e2e-cached-id-token",
            "clientId": LOGIN_CLIENT_ID, "dpopKey": self.key_pem}))
        os.chmod(self.cache, 0o600)

    @property
    def key_body(self):
        return self.key_pem.splitlines()[1]


@pytest.fixture
def login_home(tmp_path, s3):
    return LoginHome(tmp_path, s3["region"])


def _signin(tmp_path, login_home, credentials, refusal=None):
    directory = tmp_path / "signin"
    directory.mkdir()
    return SigninEndpoint(str(directory), login_home.key_pem, "e2e-cached-refresh-token", credentials, refusal)


def test_aws_login_expired_cache_refreshes_through_signin(run_sync, s3, s3_client, prefix, tmp_path, login_home):
    # The cached keys are wrong: the sync can only pass with the refreshed ones.
    login_home.write_cache("AKIDEXPIREDLOGIN", "expired-login-secret", expires_in=-60)
    refreshed = {"accessKeyId": s3["access_key"], "secretAccessKey": s3["secret_key"],
                 "sessionToken": "e2e-refreshed-session-token"}
    signin = _signin(tmp_path, login_home, refreshed)
    try:
        env = dict(no_env_keys(login_home.home), AWS_PROFILE="console", AWS_ENDPOINT_URL_SIGNIN=signin.url)
        code, out, log = run_sync(dest_spec(s3, prefix), env=env)
    finally:
        signin.stop()
    assert code == 0, out
    assert signin.problems == []
    assert len(signin.requests) == 1, "one refresh for the whole sync"
    assert_synced(s3_client, s3["bucket"], prefix)
    cache = json.loads(login_home.cache.read_text())
    assert cache["accessToken"]["accessKeyId"] == s3["access_key"]
    assert cache["accessToken"]["sessionToken"] == "e2e-refreshed-session-token"
    assert cache["accessToken"]["accountId"] == "123456789012"
    assert cache["refreshToken"] == "e2e-new-refresh-token"
    assert cache["dpopKey"] == login_home.key_pem and cache["idToken"] == "e2e-cached-id-token"
    assert oct(os.stat(login_home.cache).st_mode & 0o777) == "0o600"
    assert_no_secrets(out + log, s3["secret_key"], "e2e-refreshed-session-token", "e2e-cached-refresh-token",
                      "e2e-new-refresh-token", "expired-login-secret", login_home.key_body)


def test_aws_login_valid_cache_does_not_call_signin(run_sync, s3, s3_client, prefix, tmp_path, login_home):
    login_home.write_cache(s3["access_key"], s3["secret_key"], expires_in=14 * 60)
    before = login_home.cache.read_text()
    signin = _signin(tmp_path, login_home, {})
    try:
        env = dict(no_env_keys(login_home.home), AWS_ENDPOINT_URL_SIGNIN=signin.url)
        code, out, log = run_sync(dest_spec(s3, prefix, local_profile="console"), env=env)
    finally:
        signin.stop()
    assert code == 0, out
    assert signin.requests == []
    assert login_home.cache.read_text() == before
    assert_synced(s3_client, s3["bucket"], prefix)
    assert_no_secrets(out + log, s3["secret_key"], "e2e-cached-refresh-token", login_home.key_body)


def test_aws_login_expired_refresh_token_says_to_log_in_again(run_sync, s3, prefix, tmp_path, login_home):
    login_home.write_cache("AKIDEXPIREDLOGIN", "expired-login-secret", expires_in=-60)
    signin = _signin(tmp_path, login_home, {}, refusal="TOKEN_EXPIRED")
    try:
        env = dict(no_env_keys(login_home.home), AWS_PROFILE="console", AWS_ENDPOINT_URL_SIGNIN=signin.url)
        code, out, log = run_sync(dest_spec(s3, prefix), env=env)
    finally:
        signin.stop()
    assert code != 0
    assert signin.problems == [] and len(signin.requests) == 1
    assert "error retrieving AWS credentials" in out
    assert "login session has expired" in out + log
    assert "Run `aws login --profile console` to sign in again" in out + log
    assert_no_secrets(out + log, "expired-login-secret", "e2e-cached-refresh-token", login_home.key_body)


def test_aws_login_missing_cache_names_the_file(run_sync, s3, prefix, login_home):
    env = dict(no_env_keys(login_home.home), AWS_PROFILE="console")
    code, out, log = run_sync(dest_spec(s3, prefix), env=env)
    assert code != 0
    assert f"the login token cache {login_home.cache} does not exist" in out + log
    assert "Run `aws login --profile console` to sign in again" in out + log
