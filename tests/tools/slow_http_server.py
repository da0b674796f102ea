#!/usr/bin/env python3
"""A slow HTTP/1.1 test server (127.0.0.1 only, stdlib asyncio) for the HTTP transport's tests.

    slow_http_server.py [--listen 0] [--max-seconds 300]

Every request gets its answer after `?hold=SECONDS` (default 0; `hold=forever` never answers), with
a body of `?size=N` bytes (default 0) and headers describing what it received: X-Body-Length,
X-Body-Sum (sum of the body's bytes), X-Expect (its Expect header). `Expect: 100-continue` is answered
with `100 Continue` before the body is read. Connections are kept alive.

GET /__stats answers JSON counters: requests, in_flight, max_in_flight (requests received and not
yet answered, at most at once), connections_total, connections_open.
Prints `READY 127.0.0.1:PORT` once listening; exits after --max-seconds, on SIGTERM or SIGINT.
"""
import argparse
import asyncio
import json
import signal
from urllib.parse import parse_qs, urlsplit

STATS = {"requests": 0, "in_flight": 0, "max_in_flight": 0, "connections_total": 0, "connections_open": 0}


def response(status, reason, body, headers=(), head_only=False):
    head = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}"]
    head += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + (b"" if head_only else body)


async def serve(reader, writer):
    STATS["connections_total"] += 1
    STATS["connections_open"] += 1
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            if target == "/__stats":
                writer.write(response(200, "OK", json.dumps(STATS).encode(), [("Content-Type", "application/json")]))
                await writer.drain()
                continue
            length = int(headers.get("content-length", "0"))
            expect = headers.get("expect", "")
            if length and expect.lower() == "100-continue":
                writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                await writer.drain()
            body = await reader.readexactly(length) if length else b""
            query = parse_qs(urlsplit(target).query)
            hold = query.get("hold", ["0"])[0]
            size = int(query.get("size", ["0"])[0])
            STATS["requests"] += 1
            STATS["in_flight"] += 1
            STATS["max_in_flight"] = max(STATS["max_in_flight"], STATS["in_flight"])
            try:
                if hold == "forever":
                    await asyncio.Event().wait()
                await asyncio.sleep(float(hold))
            finally:
                STATS["in_flight"] -= 1
            writer.write(response(200, "OK", b"a" * size, [
                ("X-Body-Length", str(len(body))), ("X-Body-Sum", str(sum(body))), ("X-Expect", expect or "-"),
                ("X-Method", method), ("X-Target", target),
            ], head_only=(method == "HEAD")))
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        return
    finally:
        STATS["connections_open"] -= 1
        writer.close()


async def main(port, max_seconds):
    server = await asyncio.start_server(serve, "127.0.0.1", port, backlog=1024)
    print(f"READY 127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await asyncio.wait_for(stop.wait(), max_seconds)
    except asyncio.TimeoutError:
        pass
    server.close()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--listen", type=int, default=0, help="port on 127.0.0.1 (0 = pick a free one)")
    p.add_argument("--max-seconds", type=float, default=300, help="exit after this long (bounded run)")
    a = p.parse_args()
    asyncio.run(main(a.listen, a.max_seconds))
