#!/usr/bin/env python3
"""Fault-injecting HTTP/1.1 reverse proxy for S3 reliability tests (127.0.0.1 only, stdlib only).

    faultproxy.py --listen 7481 --upstream 7480 [--mode slowdown] [--first N | --count C]
                  [--every K] [--skip S] [--methods PUT,POST] [--path-regex RE] [--early]
                  [--max-seconds 3600] [--log]

Requests and responses are relayed as raw bytes: heads are never re-serialised, so Host and every
signed header reach the server unchanged and SigV4 still verifies behind the proxy (path-style and
virtual-hosted). Bodies (Content-Length or chunked) stream through in 1 MiB reads; `Expect:
100-continue` is passed to the server, whose `100 Continue` is relayed back. Each client
connection gets its own kept-alive upstream connection.

Fault modes (on the requests the selection picks; see fault_plan.py):
  slowdown            503 with an S3 <Error><Code>SlowDown</Code> body
  internal            500 with an S3 InternalError body
  reset               read the whole request, then a TCP RST (SO_LINGER 0)
  truncate            forward, then send only half of the response and close
  stall:SECONDS       wait, then forward as usual
  complete-error-200  CompleteMultipartUpload (POST ?uploadId=) answered 200 with an <Error> body,
                      as S3 can; the request is not forwarded, so the upload stays open
The error modes read the request body first (sending `100 Continue` themselves) and keep the
connection; with --early they answer an Expect request before its body and close, as S3 does.

With --mode and no --first/--count/--every every matching request is hit. Run-time control
(no bucket name can start with "__"):
  curl -X PUT 'http://127.0.0.1:7481/__fault?mode=reset&count=2'     # re-arm: next 2 matches
  curl -X PUT 'http://127.0.0.1:7481/__fault?mode=internal&every=3&count=5&methods=PUT&path=partNumber='
  curl -X DELETE http://127.0.0.1:7481/__fault                       # disarm
  curl http://127.0.0.1:7481/__fault                                 # plan and counters (JSON)
The counters include requests_in_flight / max_requests_in_flight (requests being relayed or answered
at once, at most) and connections_open / max_connections_open.
Prints `READY 127.0.0.1:PORT -> 127.0.0.1:UPSTREAM` once listening; exits after --max-seconds,
on SIGTERM or SIGINT.
"""
import argparse
import json
import os
import signal
import socket
import socketserver
import struct
import sys
import threading
import time

from fault_plan import FaultPlan, FaultState, stall_seconds
from http_wire import CONTINUE, Reader, WireError, simple_response

S3_ERRORS = {
    "slowdown": (503, "Slow Down", "SlowDown", "Please reduce your request rate."),
    "internal": (500, "Internal Server Error", "InternalError",
                 "We encountered an internal error. Please try again."),
    "complete-error-200": (200, "OK", "InternalError", "We encountered an internal error. Please try again."),
}
SECRET_QUERY_KEYS = ("signature", "credential", "security-token", "securitytoken")


class UpstreamSendFailed(Exception):
    """Writing the request to the server failed (it closed or reset mid-body)."""


class ClientSendFailed(Exception):
    """Writing the response to the client failed (it went away)."""


def error_body(code, message, request_id, whitespace_prefix=False):
    xml = (f"<Error><Code>{code}</Code><Message>{message}</Message>"
           f"<RequestId>{request_id}</RequestId><HostId>faultproxy</HostId></Error>")
    # S3 keeps a long CompleteMultipartUpload alive by sending the XML declaration and then
    # whitespace before the final document; clients must skip it before finding <Error>.
    filler = "\n" + " " * 64 + "\n" if whitespace_prefix else ""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{filler}{xml}'.encode()


def redacted_target(target):
    """The request target for logs: presigned-URL secrets in the query are replaced."""
    if "?" not in target:
        return target
    path, query = target.split("?", 1)
    parts = []
    for item in query.split("&"):
        key = item.split("=", 1)[0]
        parts.append(f"{key}=REDACTED" if any(s in key.lower() for s in SECRET_QUERY_KEYS) else item)
    return path + "?" + "&".join(parts)


class Upstream:
    def __init__(self, host, port, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = Reader(self.sock)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class ProxyHandler(socketserver.BaseRequestHandler):
    """One client connection: a loop of requests, each passed through or broken on purpose."""

    def setup(self):
        self.srv = self.server
        self.client = self.request
        self.client.settimeout(self.srv.idle_timeout)
        self.client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = Reader(self.client)
        self.upstream = None
        # Set when we answered before reading a body the client may still be sending: closing
        # with unread bytes would RST the connection and could destroy our answer in flight.
        self.linger = False

    def handle(self):
        state = self.srv.state
        state.add("connections_total")
        state.add("connections_open")
        try:
            while not self.srv.stopping.is_set():
                try:
                    request = self.reader.read_request()
                except (WireError, OSError):
                    state.add("client_errors")
                    return
                if request is None:
                    return
                if request.path == "/__fault":
                    keep = self.control(request)
                else:
                    mode, early = state.decide(request.method, request.target)
                    # From the request's head to the end of its answer (or failure): the client's
                    # requests in flight, as far as the proxy can see them.
                    state.add("requests_in_flight")
                    try:
                        keep = self.serve(request, mode, early)
                    finally:
                        state.add("requests_in_flight", -1)
                if not keep or request.wants_close:
                    return
        finally:
            if self.linger:
                self.lingering_close()
            self.drop_upstream()
            state.add("connections_open", -1)

    def lingering_close(self, seconds=2.0):
        """Half-close, then read and drop what the client still sends, until it closes too."""
        try:
            self.client.shutdown(socket.SHUT_WR)
            self.client.settimeout(0.2)
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                try:
                    if not self.client.recv(1 << 16):
                        return
                except socket.timeout:
                    continue
        except OSError:
            pass

    # --- fault modes -------------------------------------------------------------------------

    def serve(self, request, mode, early):
        if mode in S3_ERRORS:
            return self.answer_error(request, mode, early)
        if mode == "reset":
            if not self.drain_request_body(request):
                return False
            self.log(request, "RST", mode)
            self.client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.client.close()
            return False
        if mode and mode.startswith("stall:"):
            self.srv.stopping.wait(stall_seconds(mode))
        return self.forward(request, truncate=(mode == "truncate"), mode=mode)

    def drain_request_body(self, request):
        """Reads and drops the request body, asking for it first if the client waits for 100."""
        if not request.has_body:
            return True
        try:
            if request.expects_continue:
                self.client.sendall(CONTINUE)
            self.reader.pump_request_body(request, None)
            return True
        except (WireError, OSError):
            self.srv.state.add("client_errors")
            return False

    def answer_error(self, request, mode, early):
        status, reason, code, message = S3_ERRORS[mode]
        request_id = f"faultproxy-{os.getpid()}-{threading.get_ident() % 100000}"
        body = error_body(code, message, request_id, whitespace_prefix=(mode == "complete-error-200"))
        extra = [("x-amz-request-id", request_id), ("Server", "faultproxy")]
        before_body = early and request.has_body and request.expects_continue
        if not before_body and not self.drain_request_body(request):
            return False
        try:
            self.client.sendall(simple_response(status, reason, body, extra=extra, close=before_body))
        except OSError:
            return False
        self.log(request, status, mode)
        self.linger = before_body
        return not before_body

    # --- pass-through --------------------------------------------------------------------------

    def connect_upstream(self):
        if self.upstream is not None and self.upstream.reader.stale():
            self.drop_upstream()
        if self.upstream is None:
            self.upstream = Upstream(self.srv.upstream_host, self.srv.upstream_port, self.srv.upstream_timeout)
        return self.upstream

    def drop_upstream(self):
        if self.upstream is not None:
            self.upstream.close()
            self.upstream = None

    def bad_gateway(self, request, error):
        """The server failed (refused, reset, timed out, broke framing) before a response reached
        the client: say so with a 502 and close, since the connection state is unknown."""
        self.srv.state.add("upstream_errors")
        self.drop_upstream()
        body = error_body("BadGateway", f"faultproxy: upstream failed: {type(error).__name__}: {error}",
                          "faultproxy-502")
        try:
            self.client.sendall(simple_response(502, "Bad Gateway", body, close=True))
        except OSError:
            pass
        self.log(request, 502, f"upstream error {type(error).__name__}")
        return False

    def forward(self, request, truncate, mode):
        try:
            upstream = self.connect_upstream()
            upstream.sock.sendall(request.raw)
        except OSError as e:
            return self.bad_gateway(request, e)

        def to_upstream(chunk):
            try:
                upstream.sock.sendall(chunk)
            except OSError as e:
                raise UpstreamSendFailed(str(e))

        early_response = None
        body_bytes = 0
        try:
            if request.has_body:
                if request.expects_continue and upstream.reader.readable_now(self.srv.continue_wait):
                    first = upstream.reader.read_response()
                    if first.interim:
                        self.client.sendall(first.raw)  # the server's own 100 Continue
                    else:
                        early_response = first  # rejected before the body (e.g. 403)
                if early_response is None:
                    body_bytes = self.reader.pump_request_body(request, to_upstream)
        except UpstreamSendFailed:
            pass  # the server may still have answered (e.g. 400 then close): read it below
        except (WireError, OSError):
            self.srv.state.add("client_errors")
            self.drop_upstream()
            return False

        try:
            response = early_response or upstream.reader.read_response()
            while response.interim:
                self.client.sendall(response.raw)
                response = upstream.reader.read_response()
        except (WireError, OSError) as e:
            return self.bad_gateway(request, e)

        kind, _ = response.body_kind(request.method)
        keep = not (response.wants_close or kind == "close" or early_response is not None)
        self.linger = early_response is not None
        try:
            if truncate:
                sent = self.relay_truncated(request, response)
                keep = False
            else:
                sent = self.relay(request, response)
        except ClientSendFailed:
            self.srv.state.add("client_errors")
            self.drop_upstream()
            return False
        except (WireError, OSError) as e:
            # The head may already be with the client; all that is left is to close.
            self.srv.state.add("upstream_errors")
            self.drop_upstream()
            self.log(request, response.status, f"upstream broke mid-body: {e}")
            return False
        self.srv.state.upstream_answered(response.status, body_bytes, sent)
        if not keep or response.wants_close or kind == "close":
            self.drop_upstream()
        self.log(request, response.status, mode)
        return keep

    def relay(self, request, response):
        def to_client(chunk):
            try:
                self.client.sendall(chunk)
            except OSError as e:
                raise ClientSendFailed(str(e))

        to_client(response.raw)
        return self.upstream.reader.pump_response_body(response, request.method, to_client)

    def relay_truncated(self, request, response):
        """The whole response is read from the server, then only half reaches the client: half the
        body, or half the head when there is no body (a bodiless 200 would otherwise be whole)."""
        body = bytearray()
        self.upstream.reader.pump_response_body(response, request.method, body.extend)
        if body:
            out = response.raw + bytes(body[:len(body) // 2])
        else:
            out = response.raw[:len(response.raw) // 2]
        try:
            self.client.sendall(out)
            self.client.shutdown(socket.SHUT_RDWR)
        except OSError as e:
            raise ClientSendFailed(str(e))
        return len(body)

    # --- control ------------------------------------------------------------------------------

    def control(self, request):
        if not self.drain_request_body(request):
            return False
        state = self.srv.state
        status, reason = 200, "OK"
        try:
            if request.method == "PUT":
                state.rearm(FaultPlan.from_query(request.query))
            elif request.method == "DELETE":
                state.rearm(FaultPlan())
            elif request.method not in ("GET", "HEAD"):
                raise ValueError(f"{request.method} /__fault: use GET, PUT or DELETE")
            payload = state.snapshot()
        except ValueError as e:
            status, reason, payload = 400, "Bad Request", {"error": str(e)}
        body = json.dumps(payload, sort_keys=True).encode()
        try:
            self.client.sendall(simple_response(status, reason, b"" if request.method == "HEAD" else body,
                                                content_type="application/json"))
        except OSError:
            return False
        return True

    def log(self, request, status, note):
        if self.srv.log_requests:
            extra = f" [{note}]" if note else ""
            print(f"faultproxy: {request.method} {redacted_target(request.target)} -> {status}{extra}",
                  file=sys.stderr, flush=True)


class ProxyServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 256


def loopback_port(value, what):
    """PORT or 127.0.0.1:PORT / localhost:PORT; anything off this machine's loopback is refused."""
    host, _, port = value.rpartition(":")
    host = host or "127.0.0.1"
    if host not in ("127.0.0.1", "localhost") and not host.startswith("127."):
        raise SystemExit(f"{what} {value!r}: only loopback (127.0.0.1) is allowed")
    try:
        return host, int(port)
    except ValueError:
        raise SystemExit(f"{what} {value!r}: expected PORT or 127.0.0.1:PORT")


def plan_from_args(a):
    if a.first is not None and a.count is not None:
        raise SystemExit("use either --first N or --count C, not both")
    count = a.first if a.first is not None else a.count
    try:
        return FaultPlan(mode=a.mode, count=count, every=a.every, skip=a.skip,
                         methods=(a.methods or "").split(","), path_regex=a.path_regex, early=a.early)
    except ValueError as e:
        raise SystemExit(f"bad fault selection: {e}")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--listen", default="0", help="port to listen on, 127.0.0.1 only (0 = pick a free one)")
    p.add_argument("--upstream", required=True, help="the S3 server: PORT or 127.0.0.1:PORT")
    p.add_argument("--mode", default="none", help="fault mode (default none = pass everything through)")
    p.add_argument("--first", type=int, help="inject on the first N matching requests (= --count N)")
    p.add_argument("--count", type=int, help="inject at most C times (default: no limit)")
    p.add_argument("--every", type=int, default=1, help="inject on every K-th matching request")
    p.add_argument("--skip", type=int, default=0, help="let the first S matching requests through")
    p.add_argument("--methods", default="", help="only these methods match, e.g. PUT,POST")
    p.add_argument("--path-regex", help="only targets (path+query) matching this regex match")
    p.add_argument("--early", action="store_true",
                   help="answer error modes before the body of an Expect: 100-continue request, then close")
    p.add_argument("--max-seconds", type=float, default=3600, help="exit after this long (bounded run)")
    p.add_argument("--idle-timeout", type=float, default=120, help="close a client idle this long")
    p.add_argument("--upstream-timeout", type=float, default=300, help="socket timeout towards the server")
    p.add_argument("--continue-wait", type=float, default=1.0,
                   help="how long to wait for the server's 100 Continue before sending the body anyway")
    p.add_argument("--log", action="store_true", help="one line per request on stderr (no secrets)")
    a = p.parse_args(argv)
    if not 0 < a.max_seconds <= 7 * 86400:
        raise SystemExit("--max-seconds must be > 0 and at most a week")
    _, listen_port = loopback_port(a.listen, "--listen")
    up_host, up_port = loopback_port(a.upstream, "--upstream")

    server = ProxyServer(("127.0.0.1", listen_port), ProxyHandler)
    server.state = FaultState(plan_from_args(a))
    server.stopping = threading.Event()
    server.upstream_host, server.upstream_port = up_host, up_port
    server.idle_timeout, server.upstream_timeout = a.idle_timeout, a.upstream_timeout
    server.continue_wait, server.log_requests = a.continue_wait, a.log

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    serving.start()
    print(f"READY 127.0.0.1:{server.server_address[1]} -> {up_host}:{up_port}", flush=True)
    reason = "signal" if stop.wait(a.max_seconds) else f"--max-seconds {a.max_seconds:g} reached"
    server.stopping.set()
    server.shutdown()
    server.server_close()
    print(f"faultproxy: stopped ({reason}); {json.dumps(server.state.snapshot()['stats'])}",
          file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
