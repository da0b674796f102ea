#!/usr/bin/env python3
"""A client of the plugin's stdio transport for benchmarks (README: "The stdio transport").

Frames are gRPC's message framing (flag byte 0, big-endian u32 length, bytes); each frame holds
one `cqdests3.stdio.v1.Envelope`, encoded here by hand (it has five scalar fields); the messages
inside are CloudQuery's own protobuf classes (package cloudquery-plugin-pb).

Benchmarks must not measure the client, so a Write stream is built once into a file of frames
(`WriteStreamFile`) and later copied into the plugin's stdin with sendfile(2) (`PluginProcess.
send_file`): no Arrow encoding or protobuf work happens while the plugin is being measured.

    with PluginProcess(binary, env, stderr_path, deadline) as plugin:
        plugin.init({"bucket": ..., "format": "json", ...})        # raises InitRefused
        plugin.send_file("stream.frames")                           # MigrateTable + inserts + end
        plugin.finish_write()                                       # raises RPCError
        plugin.close_plugin()
    plugin.usage  # ExitUsage(code, cpu_s, peak_rss_mib, ...) from wait4(2) of the plugin
"""
import json
import os
import signal
import struct
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass

import pyarrow as pa
from cloudquery.plugin_v3 import plugin_pb2

PLUGIN = "/cloudquery.plugin.v3.Plugin/"
WRITE = PLUGIN + "Write"
FRAME_HEADER = struct.Struct(">BI")
MAX_REPLY = 64 << 20  # replies are small; anything bigger means the stream is out of step


# --- wire format -------------------------------------------------------------------------------

def _varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def envelope(method, message=b"", end_of_stream=False):
    """Envelope{method=1 string, message=2 bytes, end_of_stream=3 bool}, protobuf wire format."""
    m = method.encode()
    parts = [b"\x0a", _varint(len(m)), m]
    if message:
        parts += [b"\x12", _varint(len(message)), message]
    if end_of_stream:
        parts.append(b"\x18\x01")
    return b"".join(parts)


def frame(payload):
    return FRAME_HEADER.pack(0, len(payload)) + payload


def _read_varint(data, i):
    shift = result = 0
    while True:
        if i >= len(data) or shift > 63:
            raise ProtocolError("truncated or oversized varint in a reply envelope")
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, i


def parse_envelope(data):
    """The reply envelope as a dict: method, message, end_of_stream, status_code, status_message."""
    fields, i = {}, 0
    while i < len(data):
        key, i = _read_varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _read_varint(data, i)
        elif wire == 2:
            length, i = _read_varint(data, i)
            if i + length > len(data):
                raise ProtocolError("a field of the reply envelope runs past its frame")
            value, i = data[i:i + length], i + length
        else:
            raise ProtocolError(f"unexpected protobuf wire type {wire} in a reply envelope")
        fields[number] = value
    code = fields.get(4, 0)
    if code >= 1 << 31:  # int32 sent as a 64-bit varint when negative
        code -= 1 << 64
    return {"method": fields.get(1, b"").decode(errors="replace"), "message": fields.get(2, b""),
            "end_of_stream": bool(fields.get(3, 0)), "status_code": code, "status_message": fields.get(5, b"").decode(errors="replace")}


def ipc_bytes(schema, batch=None):
    """An Arrow IPC stream (schema, at most one batch, EOS): what MigrateTable/Insert carry."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as writer:
        if batch is not None:
            writer.write_batch(batch)
    return sink.getvalue()


# --- errors --------------------------------------------------------------------------------------

class ProtocolError(RuntimeError):
    """The plugin's output is not a valid frame/envelope sequence, or it closed stdout early."""


class RPCError(RuntimeError):
    """A call answered with a non-zero gRPC status."""

    def __init__(self, method, code, message):
        super().__init__(f"{method.rsplit('/', 1)[-1]} failed with status {code}: {message}")
        self.method, self.code, self.status_message = method, code, message


class InitRefused(RPCError):
    """Init answered with an error: the spec (e.g. its format) is not accepted by this binary."""


class DeadlineExceeded(RuntimeError):
    """The plugin was killed because the run's deadline passed."""


# --- a Write stream, pre-built ----------------------------------------------------------------

class WriteStreamFile:
    """Builds a Write stream (MigrateTable, Inserts, end_of_stream) as a file of frames.

    Counts rows and the bytes of the Arrow IPC payloads ("input bytes") per insert."""

    def __init__(self, path):
        self.path = path
        self.file = open(path, "wb", buffering=8 << 20)
        self.rows = self.inserts = self.input_bytes = 0
        self.ended = False

    def migrate(self, schema):
        table = ipc_bytes(schema).to_pybytes()
        self._write(plugin_pb2.Write.Request(
            migrate_table=plugin_pb2.Write.MessageMigrateTable(table=table)).SerializeToString())

    def insert(self, batch):
        record = ipc_bytes(batch.schema, batch).to_pybytes()
        self._write(plugin_pb2.Write.Request(
            insert=plugin_pb2.Write.MessageInsert(record=record)).SerializeToString())
        self.rows += batch.num_rows
        self.inserts += 1
        self.input_bytes += len(record)

    def end(self):
        self.file.write(frame(envelope(WRITE, end_of_stream=True)))
        self.ended = True

    def _write(self, request):
        self.file.write(frame(envelope(WRITE, request)))

    def close(self):
        self.file.close()
        return self.path

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def write_stream_from_ipc(ipc_path, frames_path, rows=None, end=True):
    """Frames for one table read from an Arrow IPC stream file: one Insert per record batch
    (so the file's batch size is the insert size), at most `rows` rows. Returns the writer."""
    source = pa.memory_map(ipc_path, "r")
    reader = pa.ipc.open_stream(source)
    with WriteStreamFile(frames_path) as out:
        out.migrate(reader.schema)
        left = rows if rows is not None else float("inf")
        for batch in reader:
            if left <= 0:
                break
            if batch.num_rows > left:
                batch = batch.slice(0, int(left))
            out.insert(batch)
            left -= batch.num_rows
        if end:
            out.end()
    source.close()
    return out


# --- the plugin process --------------------------------------------------------------------------

@dataclass
class ExitUsage:
    """What wait4(2) says about the finished plugin process."""
    exit_code: int
    cpu_s: float
    user_s: float
    sys_s: float
    peak_rss_mib: float  # VmHWM read just before stdin closes; ru_maxrss if that was not possible
    peak_rss_source: str  # "VmHWM" or "ru_maxrss"
    ru_maxrss_mib: float  # not the plugin's alone: Linux folds the spawning process's RSS in at exec
    wall_s: float  # process lifetime as seen from here


class PluginProcess:
    """`<binary> stdio` as a child, with a watchdog that kills it (by PID) at `deadline`
    (a time.monotonic() value) so a hung plugin can never hang the benchmark."""

    def __init__(self, binary, env, stderr_path, deadline, log_level="info"):
        self.binary = binary
        self.stderr_file = open(stderr_path, "wb")
        self.started = time.monotonic()
        self.proc = subprocess.Popen([binary, "stdio", "--log-format", "json", "--log-level", log_level],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr_file,
                                     env=env, bufsize=0)
        self.usage = None
        self.timed_out = False
        self._done = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, args=(deadline,), daemon=True)
        self._watchdog.start()

    def _watch(self, deadline):
        if not self._done.wait(max(0.0, deadline - time.monotonic())):
            self.timed_out = True
            self._kill()

    def _kill(self):
        try:
            os.kill(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    # -- frames --

    def _check_alive(self, what):
        if self.timed_out:
            raise DeadlineExceeded(f"plugin killed at the deadline while {what}")

    def send(self, method, message=b"", end_of_stream=False):
        data = memoryview(frame(envelope(method, message, end_of_stream)))
        try:
            while data:  # an unbuffered pipe may take only part of a large frame
                data = data[os.write(self.proc.stdin.fileno(), data):]
        except BrokenPipeError:
            self._check_alive("sending")
            raise ProtocolError("the plugin closed stdin (it exited?); see its stderr log")

    def send_file(self, path, offset=0, count=None):
        """Copies frames from a file straight into the plugin's stdin (sendfile(2))."""
        out_fd = self.proc.stdin.fileno()
        size = os.path.getsize(path) if count is None else offset + count
        with open(path, "rb") as f:
            in_fd = f.fileno()
            pos = offset
            try:
                while pos < size:
                    sent = os.sendfile(out_fd, in_fd, pos, min(size - pos, 1 << 30))
                    if sent == 0:
                        raise ProtocolError(f"sendfile made no progress at byte {pos} of {path}")
                    pos += sent
            except BrokenPipeError:
                self._check_alive("sending the Write stream")
                raise ProtocolError("the plugin closed stdin during the Write stream; see its stderr log")
        return pos - offset

    def _read_exact(self, n):
        chunks, left = [], n
        fd = self.proc.stdout.fileno()
        while left:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                self._check_alive("waiting for a reply")
                raise ProtocolError("the plugin closed stdout before replying; see its stderr log")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def receive(self):
        flag, length = FRAME_HEADER.unpack(self._read_exact(FRAME_HEADER.size))
        if flag != 0 or length > MAX_REPLY:
            raise ProtocolError(f"bad reply frame header (flag {flag}, length {length})")
        return parse_envelope(self._read_exact(length))

    def call(self, method, message=b""):
        self.send(method, message)
        reply = self.receive()
        if reply["status_code"] != 0:
            raise RPCError(method, reply["status_code"], reply["status_message"])
        return reply

    # -- RPCs --

    def init(self, spec, invocation_id=None):
        request = plugin_pb2.Init.Request(spec=json.dumps(spec).encode(),
                                          invocation_id=invocation_id or str(uuid.uuid4()))
        self.send(PLUGIN + "Init", request.SerializeToString())
        reply = self.receive()
        if reply["status_code"] != 0:
            raise InitRefused(PLUGIN + "Init", reply["status_code"], reply["status_message"])
        return reply

    def finish_write(self):
        """Reads the one reply of the Write stream (sent after its end_of_stream frame)."""
        reply = self.receive()
        if reply["status_code"] != 0:
            raise RPCError(WRITE, reply["status_code"], reply["status_message"])
        return reply

    def close_plugin(self):
        return self.call(PLUGIN + "Close")

    # -- exit --

    def wait(self, timeout=60):
        """Closes stdin, reaps the plugin with wait4(2) (its own CPU and peak RSS), killing it
        if it has not exited after `timeout` seconds. Idempotent."""
        if self.usage is not None:
            return self.usage
        # Peak RSS is read from /proc while the plugin still runs (it exits when stdin closes):
        # wait4's ru_maxrss would also count the RSS of this Python process, because Linux
        # records the pre-exec address space's high-water mark of a spawned child.
        hwm = proc_status_mib(self.proc.pid, "VmHWM")
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        deadline = time.monotonic() + timeout
        while True:
            pid, status, ru = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                self._kill()
                pid, status, ru = os.wait4(self.proc.pid, 0)
                break
            time.sleep(0.01)
        self._done.set()
        code = os.waitstatus_to_exitcode(status)
        self.proc.returncode = code  # reaped here, so Popen must not wait for it again
        self.usage = ExitUsage(exit_code=code, cpu_s=ru.ru_utime + ru.ru_stime, user_s=ru.ru_utime,
                               sys_s=ru.ru_stime, peak_rss_mib=hwm if hwm is not None else ru.ru_maxrss / 1024,
                               peak_rss_source="VmHWM" if hwm is not None else "ru_maxrss",
                               ru_maxrss_mib=ru.ru_maxrss / 1024, wall_s=time.monotonic() - self.started)
        for stream in (self.proc.stdout,):
            try:
                stream.close()
            except OSError:
                pass
        self.stderr_file.close()
        return self.usage

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.wait(timeout=10 if exc[0] else 60)


def proc_status_mib(pid, field):
    """A kB field of /proc/PID/status (VmRSS, VmHWM) in MiB, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def rss_mib(pid):
    """Current VmRSS of a process in MiB, or None when it is gone."""
    return proc_status_mib(pid, "VmRSS")


def write_frames_once(binary, env, spec, frames, log_path, seconds, wait_timeout=60):
    """Starts `<binary> stdio`, Init with `spec`, sends the pre-built Write stream `frames`,
    reads the Write reply, Close; returns the ExitUsage (the plugin is always reaped)."""
    plugin = PluginProcess(binary, env, log_path, time.monotonic() + seconds)
    try:
        plugin.init(spec)
        plugin.send_file(frames)
        plugin.finish_write()
        plugin.close_plugin()
    finally:
        usage = plugin.wait(timeout=wait_timeout)
    return usage
