"""Raw HTTP/1.1 message framing over sockets, for tools that must relay bytes exactly.

A proxy in front of an S3 server may not re-serialise what it forwards: SigV4 signs the Host
header and other headers verbatim, and a test that checks "the server saw what the client sent"
needs the very same bytes. So this module only *frames* messages (where a head ends, how long a
body is) and hands the raw bytes on; parsed headers are for decisions, never for re-sending.
"""
import select

HEAD_LIMIT = 64 * 1024      # S3 request heads are a few KiB; anything longer is a broken client
RELAY_CHUNK = 1 << 20       # large reads: the relay must not be what a throughput test measures


class WireError(Exception):
    """The peer broke HTTP/1.1 framing or closed the connection mid-message."""


class Message:
    """One parsed request or response head. `raw` is exactly what arrived on the wire."""

    def __init__(self, raw, start_line, headers):
        self.raw = raw
        self.start_line = start_line
        self.headers = headers  # list of (lower-case name, value) in wire order

    def header(self, name, default=None):
        name = name.lower()
        for key, value in self.headers:
            if key == name:
                return value
        return default

    def has_token(self, name, token):
        """True if a comma-separated header (Connection, Transfer-Encoding, Expect) holds token."""
        value = self.header(name, "")
        return token in [part.strip().lower() for part in value.split(",")]

    @property
    def chunked(self):
        return self.has_token("transfer-encoding", "chunked")

    @property
    def content_length(self):
        value = self.header("content-length")
        if value is None:
            return None
        try:
            n = int(value.strip())
        except ValueError:
            raise WireError(f"bad Content-Length {value!r}")
        if n < 0:
            raise WireError(f"negative Content-Length {n}")
        return n


class Request(Message):
    def __init__(self, raw, start_line, headers):
        super().__init__(raw, start_line, headers)
        parts = start_line.split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise WireError(f"bad request line {start_line[:200]!r}")
        self.method, self.target, self.version = parts

    @property
    def path(self):
        return self.target.split("?", 1)[0]

    @property
    def query(self):
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    @property
    def expects_continue(self):
        return self.has_token("expect", "100-continue")

    @property
    def has_body(self):
        return self.chunked or (self.content_length or 0) > 0

    @property
    def wants_close(self):
        if self.has_token("connection", "close"):
            return True
        return self.version == "HTTP/1.0" and not self.has_token("connection", "keep-alive")


class Response(Message):
    def __init__(self, raw, start_line, headers):
        super().__init__(raw, start_line, headers)
        parts = start_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise WireError(f"bad status line {start_line[:200]!r}")
        self.version = parts[0]
        self.status = int(parts[1])

    @property
    def interim(self):
        return 100 <= self.status < 200 and self.status != 101

    def body_kind(self, request_method):
        """('none'|'length'|'chunked'|'close', length) per RFC 9112 §6.3."""
        if request_method == "HEAD" or self.interim or self.status in (204, 304):
            return "none", 0
        if self.chunked:
            return "chunked", 0
        n = self.content_length
        if n is not None:
            return "length", n
        return "close", 0

    @property
    def wants_close(self):
        if self.has_token("connection", "close"):
            return True
        return self.version == "HTTP/1.0" and not self.has_token("connection", "keep-alive")


def _parse_head(raw):
    text = raw.decode("latin-1")
    lines = text.split("\r\n")
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        if ":" not in line:
            raise WireError(f"bad header line {line[:200]!r}")
        name, value = line.split(":", 1)
        headers.append((name.strip().lower(), value.strip()))
    return lines[0], headers


def _poll_readable(sock, timeout):
    # poll, not select: select fails on descriptors above 1023, which a busy proxy reaches.
    try:
        p = select.poll()
        p.register(sock, select.POLLIN | select.POLLERR | select.POLLHUP)
        return bool(p.poll(max(0, int(timeout * 1000))))
    except (OSError, ValueError):
        return True  # a closed or broken socket: let the next recv report it


class Reader:
    """A socket with a read buffer: heads are found in the buffer, bodies relayed in large reads."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()
        self._scratch = bytearray(RELAY_CHUNK)

    def _fill(self):
        data = self.sock.recv(RELAY_CHUNK)
        if not data:
            return False
        self.buf += data
        return True

    def readable_now(self, timeout):
        """True if bytes are buffered or arrive within timeout seconds (EOF counts as readable)."""
        return bool(self.buf) or _poll_readable(self.sock, timeout)

    def stale(self):
        """For an idle kept-alive connection: anything readable now (EOF, or bytes nobody asked
        for) means the peer closed it or broke framing, so it must not carry another request."""
        return bool(self.buf) or _poll_readable(self.sock, 0)

    def read_head(self):
        """The raw bytes up to and including the blank line; None on a clean EOF before any byte."""
        start = 0
        while True:
            i = self.buf.find(b"\r\n\r\n", start)
            if i >= 0:
                raw = bytes(self.buf[:i + 4])
                del self.buf[:i + 4]
                return raw
            if len(self.buf) > HEAD_LIMIT:
                raise WireError(f"message head longer than {HEAD_LIMIT} bytes")
            start = max(0, len(self.buf) - 3)
            if not self._fill():
                if not self.buf:
                    return None
                raise WireError("connection closed inside a message head")

    def read_request(self):
        raw = self.read_head()
        if raw is None:
            return None
        return Request(raw, *_parse_head(raw))

    def read_response(self):
        raw = self.read_head()
        if raw is None:
            raise WireError("connection closed before a response")
        return Response(raw, *_parse_head(raw))

    def read_line(self):
        while True:
            i = self.buf.find(b"\n")
            if i >= 0:
                line = bytes(self.buf[:i + 1])
                del self.buf[:i + 1]
                return line
            if len(self.buf) > HEAD_LIMIT:
                raise WireError("chunk-size line too long")
            if not self._fill():
                raise WireError("connection closed inside a chunked body")

    def pump(self, n, sink):
        """Moves exactly n body bytes to sink(memoryview) (None = discard). Returns n."""
        left = n
        if self.buf:
            take = min(left, len(self.buf))
            if sink is not None:
                sink(memoryview(self.buf)[:take])
            del self.buf[:take]
            left -= take
        view = memoryview(self._scratch)
        while left:
            got = self.sock.recv_into(view, min(left, RELAY_CHUNK))
            if not got:
                raise WireError(f"connection closed with {left} of {n} body bytes missing")
            if sink is not None:
                sink(view[:got])
            left -= got
        return n

    def pump_chunked(self, sink):
        """Moves a chunked body, framing included, to sink. Returns the decoded data length."""
        total = 0
        while True:
            line = self.read_line()
            if sink is not None:
                sink(memoryview(line))
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise WireError(f"bad chunk-size line {line[:80]!r}")
            if size == 0:
                while True:  # trailer section, ends with an empty line
                    trailer = self.read_line()
                    if sink is not None:
                        sink(memoryview(trailer))
                    if trailer in (b"\r\n", b"\n"):
                        return total
            self.pump(size, sink)
            crlf = self.read_line()
            if sink is not None:
                sink(memoryview(crlf))
            total += size

    def pump_to_eof(self, sink):
        total = 0
        if self.buf:
            total += len(self.buf)
            if sink is not None:
                sink(memoryview(self.buf))
            self.buf.clear()
        view = memoryview(self._scratch)
        while True:
            got = self.sock.recv_into(view)
            if not got:
                return total
            if sink is not None:
                sink(view[:got])
            total += got

    def pump_request_body(self, request, sink):
        if request.chunked:
            return self.pump_chunked(sink)
        return self.pump(request.content_length or 0, sink)

    def pump_response_body(self, response, request_method, sink):
        kind, length = response.body_kind(request_method)
        if kind == "length":
            return self.pump(length, sink)
        if kind == "chunked":
            return self.pump_chunked(sink)
        if kind == "close":
            return self.pump_to_eof(sink)
        return 0


def simple_response(status, reason, body=b"", content_type="application/xml", extra=(), close=False):
    """A complete response with Content-Length, as bytes."""
    lines = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in extra]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
