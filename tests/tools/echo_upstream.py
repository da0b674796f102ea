#!/usr/bin/env python3
"""A tiny HTTP/1.1 server that reports exactly what reached it: the upstream of the proxy tests.

    echo_upstream.py [--listen 0] [--max-seconds 60] [--no-continue]

Every request is answered 200 with JSON: the raw request head (base64, byte for byte), body
length and SHA-256, the connection number and the request number. Special targets:
  GET /bytes/N     N bytes of a fixed pattern (Content-Length), for truncation tests
  GET /chunked/N   the same N bytes with Transfer-Encoding: chunked
  GET /__echo      counters: connections, requests
`Expect: 100-continue` is answered with `100 Continue` unless --no-continue (a server that
ignores Expect, so the client's own timeout must kick in). Prints READY 127.0.0.1:PORT.
"""
import argparse
import base64
import hashlib
import json
import signal
import socket
import socketserver
import threading

from http_wire import CONTINUE, Reader, WireError, simple_response

PATTERN = bytes(range(256))


def pattern_bytes(n):
    return (PATTERN * (n // 256 + 1))[:n]


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        srv = self.server
        with srv.lock:
            srv.connections += 1
            conn_id = srv.connections
        sock = self.request
        sock.settimeout(30)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = Reader(sock)
        while True:
            try:
                request = reader.read_request()
                if request is None:
                    return
                if request.expects_continue and request.has_body and not srv.no_continue:
                    sock.sendall(CONTINUE)
                digest = hashlib.sha256()
                length = reader.pump_request_body(request, digest.update)
            except (WireError, OSError):
                return
            with srv.lock:
                srv.requests += 1
                seq = srv.requests
            try:
                sock.sendall(self.answer(request, conn_id, seq, length, digest.hexdigest()))
            except OSError:
                return
            if request.wants_close:
                return

    def answer(self, request, conn_id, seq, length, sha):
        path = request.path
        if path.startswith("/bytes/") or path.startswith("/chunked/"):
            n = int(path.rsplit("/", 1)[1])
            data = pattern_bytes(n)
            if path.startswith("/bytes/"):
                body = b"" if request.method == "HEAD" else data
                head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                        f"Content-Length: {n}\r\n\r\n").encode()
                return head + body
            chunks = b"".join(f"{len(data[i:i + 1000]):x}\r\n".encode() + data[i:i + 1000] + b"\r\n"
                              for i in range(0, n, 1000))
            return (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n")
        if path == "/__echo":
            with self.server.lock:
                body = json.dumps({"connections": self.server.connections, "requests": self.server.requests})
            return simple_response(200, "OK", body.encode(), content_type="application/json")
        body = json.dumps({"conn": conn_id, "seq": seq, "method": request.method, "target": request.target,
                           "head_b64": base64.b64encode(request.raw).decode(),
                           "body_len": length, "body_sha256": sha}).encode()
        if request.method == "HEAD":
            return simple_response(200, "OK", b"", content_type="application/json")
        return simple_response(200, "OK", body, content_type="application/json")


class EchoServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--listen", type=int, default=0, help="port on 127.0.0.1 (0 = pick a free one)")
    p.add_argument("--max-seconds", type=float, default=60)
    p.add_argument("--no-continue", action="store_true", help="never send 100 Continue")
    a = p.parse_args()
    server = EchoServer(("127.0.0.1", a.listen), EchoHandler)
    server.lock = threading.Lock()
    server.connections = server.requests = 0
    server.no_continue = a.no_continue
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    print(f"READY 127.0.0.1:{server.server_address[1]}", flush=True)
    stop.wait(a.max_seconds)
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
