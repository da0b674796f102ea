"""faultproxy.py against echo_upstream.py (which reports the exact bytes it received): pass-through
is byte-exact with keep-alive and Expect: 100-continue, every fault mode does what it says, the
selection counts right, the control API re-arms, and concurrent clients get consistent results."""
import base64
import hashlib
import http.client
import json
import os
import socket
import threading
import time

import pytest

from conftest import BENCH, HERE

FAULTPROXY = os.path.join(HERE, "faultproxy.py")
ECHO = os.path.join(HERE, "echo_upstream.py")
SINK = os.path.join(BENCH, "sink_server.py")


@pytest.fixture(scope="module")
def echo(module_spawn):
    return module_spawn(ECHO, "--max-seconds", 300)


@pytest.fixture(scope="module")
def proxy(module_spawn, echo):
    return module_spawn(FAULTPROXY, "--upstream", echo.port, "--max-seconds", 300)


@pytest.fixture(autouse=True)
def disarmed(request):
    yield
    if "proxy" in request.fixturenames:
        control(request.getfixturevalue("proxy").port, "DELETE")


def control(port, method="GET", query=""):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, "/__fault" + (f"?{query}" if query else ""))
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    return response.status, body


def arm(port, query):
    status, body = control(port, "PUT", query)
    assert status == 200, body
    return body


def request(port, method, path, body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


def read_head(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed after {data!r}"
        data += chunk
    return data


def read_response(sock):
    response = http.client.HTTPResponse(sock)
    response.begin()
    return response.status, response.read()


def test_pass_through_is_byte_exact_and_reuses_the_upstream_connection(proxy):
    heads = [
        (b"PUT /test-bucket/dir%20one/%C3%A4%2Bb.txt?partNumber=1&uploadId=abc HTTP/1.1\r\n"
         b"Host: test-bucket.localhost:7480\r\nX-Amz-Date: 20240101T000000Z\r\n"
         b"authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/s3/aws4_request, "
         b"SignedHeaders=host;x-amz-date, Signature=00ff\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\n"
         b"Content-Length: 11\r\n\r\n", b"hello world"),
        (b"GET /test-bucket/?list-type=2&prefix=a%2Fb HTTP/1.1\r\nhost: 127.0.0.1:7480\r\n"
         b"X-Custom:   spaced   value  \r\n\r\n", b""),
    ]
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
        seen = []
        for head, body in heads:
            sock.sendall(head + body)
            status, data = read_response(sock)
            assert status == 200
            seen.append(json.loads(data))
    for (head, body), echo_view in zip(heads, seen):
        assert base64.b64decode(echo_view["head_b64"]) == head, "the head must reach the server unchanged"
        assert echo_view["body_len"] == len(body)
        assert echo_view["body_sha256"] == hashlib.sha256(body).hexdigest()
    assert seen[0]["conn"] == seen[1]["conn"], "a kept-alive client keeps one upstream connection"
    assert seen[1]["seq"] == seen[0]["seq"] + 1


def test_expect_100_continue_is_relayed_and_large_bodies_stream(proxy):
    body = os.urandom(3 * 1024 * 1024 + 17)
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
        sock.sendall(f"PUT /b/big HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                     f"Content-Length: {len(body)}\r\n\r\n".encode())
        started = time.monotonic()
        interim = read_head(sock)
        assert interim.startswith(b"HTTP/1.1 100 Continue\r\n\r\n"), interim
        assert time.monotonic() - started < 0.9, "the server's 100 Continue, not a timeout, must release the body"
        sock.sendall(body)
        status, data = read_response(sock)
    assert status == 200
    echoed = json.loads(data)
    assert echoed["body_len"] == len(body)
    assert echoed["body_sha256"] == hashlib.sha256(body).hexdigest()


def test_chunked_and_sized_responses_pass_whole(proxy):
    for path in ("/bytes/250000", "/chunked/250000"):
        status, data = request(proxy.port, "GET", path)
        assert status == 200 and len(data) == 250000
        assert data == (bytes(range(256)) * 1000)[:250000]


@pytest.mark.parametrize("mode,status,code", [("slowdown", 503, "SlowDown"), ("internal", 500, "InternalError")])
def test_error_modes_answer_s3_error_xml_to_selected_methods_only(proxy, mode, status, code):
    arm(proxy.port, f"mode={mode}&count=2&methods=PUT")
    assert request(proxy.port, "GET", "/b/k")[0] == 200, "GET is not selected"
    for _ in range(2):
        got, data = request(proxy.port, "PUT", "/b/k", body=b"x" * 1000)
        assert got == status
        assert f"<Error><Code>{code}</Code>".encode() in data
    assert request(proxy.port, "PUT", "/b/k", body=b"x")[0] == 200, "count=2 is spent"
    _, state = control(proxy.port)
    assert state["plan"]["injected"] == 2 and state["plan"]["spent"]


def test_error_mode_reads_an_expect_body_first_and_keeps_the_connection(proxy):
    arm(proxy.port, "mode=slowdown&count=1")
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
        sock.sendall(b"PUT /b/k HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        assert read_head(sock).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(b"hello")
        assert read_response(sock)[0] == 503
        sock.sendall(b"GET /b/k HTTP/1.1\r\nHost: x\r\n\r\n")
        assert read_response(sock)[0] == 200, "the same connection serves the next request"


def test_early_error_answers_before_the_body_and_closes(proxy):
    arm(proxy.port, "mode=internal&count=1&early=1")
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
        sock.sendall(b"PUT /b/k HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        head = read_head(sock)
        assert head.startswith(b"HTTP/1.1 500 ") and b"Connection: close" in head


def test_reset_mode_resets_after_reading_the_request(proxy, echo):
    before = json.loads(request(echo.port, "GET", "/__echo")[1])["requests"]
    arm(proxy.port, "mode=reset&count=1")
    with pytest.raises(ConnectionResetError):
        request(proxy.port, "PUT", "/b/k", body=b"y" * 100000)
    assert request(proxy.port, "PUT", "/b/k", body=b"y")[0] == 200
    after = json.loads(request(echo.port, "GET", "/__echo")[1])["requests"]
    assert after == before + 2, "the reset request never reached the server (only the retry and /__echo did)"


def test_truncate_mode_forwards_then_cuts_the_response(proxy, echo):
    arm(proxy.port, "mode=truncate&count=1")
    conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
    conn.request("GET", "/bytes/100000")
    response = conn.getresponse()
    with pytest.raises(http.client.IncompleteRead) as got:
        response.read()
    assert len(got.value.partial) == 50000
    conn.close()
    _, state = control(proxy.port)
    assert state["stats"]["injected_by_mode"]["truncate"] >= 1
    assert request(proxy.port, "GET", "/bytes/10")[0] == 200


def test_truncate_of_a_bodiless_response_cuts_its_head(proxy):
    arm(proxy.port, "mode=truncate&count=1")
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
        sock.sendall(b"HEAD /bytes/10 HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    assert data.startswith(b"HTTP/1.1 200")
    assert b"\r\n\r\n" not in data, "half a head, never a complete response"


def test_stall_mode_delays_then_forwards(proxy):
    arm(proxy.port, "mode=stall:0.6&count=1")
    started = time.monotonic()
    status, data = request(proxy.port, "GET", "/bytes/10")
    assert status == 200 and len(data) == 10
    assert time.monotonic() - started >= 0.6
    started = time.monotonic()
    request(proxy.port, "GET", "/bytes/10")
    assert time.monotonic() - started < 0.5


def test_complete_error_200_hits_only_complete_multipart_upload(proxy):
    arm(proxy.port, "mode=complete-error-200")
    create = request(proxy.port, "POST", "/b/k?uploads")
    part = request(proxy.port, "PUT", "/b/k?partNumber=1&uploadId=u1", body=b"p")
    complete = request(proxy.port, "POST", "/b/k?uploadId=u1",
                       body=b"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>")
    assert create[0] == 200 and b'"target": "/b/k?uploads"' in create[1], "CreateMultipartUpload is forwarded"
    assert part[0] == 200 and b"partNumber=1" in part[1]
    assert complete[0] == 200, "S3 reports this failure inside HTTP 200"
    text = complete[1].decode()
    assert "<Error><Code>InternalError</Code>" in text
    assert text.index("<Error>") > text.index("?>") + 10, "whitespace keep-alive bytes come first"
    _, state = control(proxy.port)
    assert state["plan"]["matched"] == 1 and state["plan"]["injected"] == 1


def test_selection_skip_every_count_and_path_regex(proxy):
    arm(proxy.port, "mode=internal&skip=1&every=2&count=2&path=partNumber%3D")
    statuses = []
    for n in range(1, 9):
        assert request(proxy.port, "PUT", "/b/k", body=b"no part number")[0] == 200
        statuses.append(request(proxy.port, "PUT", f"/b/k?partNumber={n}&uploadId=u", body=b"p")[0])
    # matches 1..8: the first is skipped, then every 2nd (matches 3 and 5) until count=2 is spent
    assert statuses == [200, 200, 500, 200, 500, 200, 200, 200]


def test_control_api_reports_and_rejects_bad_plans(proxy):
    status, body = control(proxy.port, "PUT", "mode=explode")
    assert status == 400 and "unknown fault mode" in body["error"]
    status, body = control(proxy.port, "PUT", "mode=reset&every=0")
    assert status == 400 and "every" in body["error"]
    status, body = control(proxy.port, "PUT", "mode=stall:1.5&methods=put,post")
    assert status == 200
    assert body["plan"]["mode"] == "stall:1.5" and body["plan"]["methods"] == ["POST", "PUT"]
    assert body["plan"]["count"] is None, "no count means no limit"
    status, body = control(proxy.port, "DELETE")
    assert body["plan"]["mode"] == "none"
    assert set(body["stats"]) >= {"requests", "forwarded", "injected", "upstream_status", "connections_open"}


def test_concurrent_clients_get_exactly_every_kth_request_faulted(proxy):
    arm(proxy.port, "mode=slowdown&every=4")
    threads, per_thread = 8, 25
    results, errors = [], []
    lock = threading.Lock()

    def client(t):
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
        try:
            for i in range(per_thread):
                body = f"{t}-{i}".encode() * 100
                conn.request("PUT", f"/b/{t}/{i}", body=body)
                response = conn.getresponse()
                data = response.read()
                ok = response.status == 503 or json.loads(data)["body_sha256"] == hashlib.sha256(body).hexdigest()
                with lock:
                    results.append((response.status, ok))
        except Exception as e:  # reported below; a thread must not die silently
            with lock:
                errors.append(repr(e))
        finally:
            conn.close()

    workers = [threading.Thread(target=client, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    assert not errors
    assert len(results) == threads * per_thread
    assert all(ok for _, ok in results), "every forwarded body arrived intact"
    assert sum(1 for s, _ in results if s == 503) == threads * per_thread // 4
    _, state = control(proxy.port)
    assert state["plan"]["injected"] == threads * per_thread // 4


def test_cli_selection(spawn, echo):
    proxy = spawn(FAULTPROXY, "--upstream", echo.port, "--mode", "slowdown", "--first", 2, "--methods", "PUT",
                  "--max-seconds", 60)
    assert proxy.ready_line == f"READY 127.0.0.1:{proxy.port} -> 127.0.0.1:{echo.port}"
    assert [request(proxy.port, m, "/b/k", body=b"x")[0] for m in ("GET", "PUT", "PUT", "PUT")] == [200, 503, 503, 200]


def test_requests_and_connections_in_flight_are_counted_with_their_peaks(spawn, echo):
    proxy = spawn(FAULTPROXY, "--upstream", echo.port, "--mode", "stall:0.8", "--max-seconds", 60)
    statuses = []
    threads = [threading.Thread(target=lambda: statuses.append(request(proxy.port, "PUT", "/b/k", body=b"x")[0]))
               for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert statuses == [200] * 6
    stats = control(proxy.port)[1]["stats"]
    # All six were held by the stall at once; none is left now.
    assert stats["max_requests_in_flight"] == 6 and stats["requests_in_flight"] == 0, stats
    assert stats["max_connections_open"] >= 6, stats
    request(proxy.port, "GET", "/b/k")
    assert control(proxy.port)[1]["stats"]["max_requests_in_flight"] == 6


def test_slow_http_server_holds_answers_and_counts_requests_in_flight(spawn):
    server = spawn(os.path.join(HERE, "slow_http_server.py"), "--max-seconds", 60)
    results = []
    threads = [threading.Thread(target=lambda i=i: results.append(request(server.port, "PUT", f"/k{i}?hold=0.5&size=3",
                                                                          body=b"ab")))
               for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert sorted(results) == [(200, b"aaa")] * 5
    status, body = request(server.port, "GET", "/__stats")
    stats = json.loads(body)
    assert status == 200 and stats["max_in_flight"] == 5 and stats["in_flight"] == 0 and stats["requests"] == 5, stats


def test_max_seconds_bounds_the_run(spawn, echo):
    proxy = spawn(FAULTPROXY, "--upstream", echo.port, "--max-seconds", 1)
    assert proxy.proc.wait(timeout=10) == 0, "--max-seconds ends the proxy by itself"
    assert "stopped (--max-seconds 1 reached)" in proxy.stderr()


def test_only_loopback_upstreams_are_accepted(spawn):
    with pytest.raises(AssertionError, match="only loopback"):
        spawn(FAULTPROXY, "--upstream", "10.0.0.1:80", "--max-seconds", 5, ready_timeout=10)


def test_boto3_retries_through_the_proxy_into_the_sink(spawn):
    import boto3
    from botocore.config import Config

    sink = spawn(SINK, "--max-seconds", 60)
    proxy = spawn(FAULTPROXY, "--upstream", sink.port, "--mode", "slowdown", "--first", 2, "--methods", "PUT",
                  "--max-seconds", 60)
    s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{proxy.port}", region_name="us-east-1",
                      aws_access_key_id="AKIDTEST", aws_secret_access_key="secret",
                      config=Config(s3={"addressing_style": "path"}, retries={"mode": "standard", "max_attempts": 3}))
    response = s3.put_object(Bucket="b", Key="retried", Body=b"r" * 1000)
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    arm(proxy.port, "mode=reset&count=1")
    s3.put_object(Bucket="b", Key="after-reset", Body=b"z")
    assert s3.head_object(Bucket="b", Key="after-reset")["ContentLength"] == 1
    _, state = control(proxy.port)
    assert state["stats"]["injected_by_mode"] == {"slowdown": 2, "reset": 1}
