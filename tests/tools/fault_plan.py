"""Which requests the fault proxy breaks, and counters of what it did. Thread-safe.

A plan is (mode, selection). Selection, applied in this order to each request:
  methods      only these HTTP methods count (empty = all)
  path_regex   re.search on the request target (path + query), e.g. 'partNumber=3' or 'uploadId='
  mode filter  `complete-error-200` only counts CompleteMultipartUpload (POST ?uploadId=…)
  skip S       the first S requests that matched so far pass untouched
  every K      then every K-th matching request is hit (K=1: all of them)
  count C      at most C injections (None = no limit); after that the plan is spent
Re-arming (a new plan) restarts the matched/injected numbers of the plan; the totals in
`stats` keep counting for the life of the process.
"""
import re
import threading
import urllib.parse

MODES = ("slowdown", "internal", "reset", "truncate", "complete-error-200")
STALL = "stall:"


def parse_mode(mode):
    """Validates a mode string; returns it normalised, or None for 'none'/'' (pass-through)."""
    mode = (mode or "").strip()
    if mode in ("", "none"):
        return None
    if mode in MODES:
        return mode
    if mode.startswith(STALL):
        try:
            seconds = float(mode[len(STALL):])
        except ValueError:
            seconds = -1
        if 0 <= seconds <= 3600:
            return f"{STALL}{seconds:g}"
    raise ValueError(f"unknown fault mode {mode!r}: use one of {', '.join(MODES)}, stall:SECONDS or none")


def stall_seconds(mode):
    return float(mode[len(STALL):]) if mode and mode.startswith(STALL) else 0.0


def is_complete_multipart(method, target):
    """CompleteMultipartUpload is `POST /key?uploadId=ID`; `POST /key?uploads` creates one."""
    if method != "POST" or "?" not in target:
        return False
    query = urllib.parse.parse_qs(target.split("?", 1)[1], keep_blank_values=True)
    return "uploadId" in query and "uploads" not in query


class FaultPlan:
    def __init__(self, mode=None, count=None, every=1, skip=0, methods=(), path_regex=None, early=False):
        self.mode = parse_mode(mode)
        if count is not None and count < 0:
            raise ValueError("count must be >= 0 (omit it for no limit)")
        if every < 1:
            raise ValueError("every must be >= 1")
        if skip < 0:
            raise ValueError("skip must be >= 0")
        self.count = count
        self.every = every
        self.skip = skip
        self.methods = frozenset(m.strip().upper() for m in methods if m.strip())
        self.path_regex = path_regex or None
        self._regex = re.compile(path_regex) if path_regex else None
        # early: answer an `Expect: 100-continue` request's fault before its body (as S3 does),
        # then close; otherwise the proxy reads the body first and keeps the connection.
        self.early = early
        self.matched = 0
        self.injected = 0

    @classmethod
    def from_query(cls, query):
        """A plan from `/__fault?mode=…&count=…&every=…&skip=…&methods=…&path=…&early=1`."""
        q = {k: v[-1] for k, v in urllib.parse.parse_qs(query, keep_blank_values=True).items()}
        try:
            count = q.get("count", "")
            return cls(mode=q.get("mode"),
                       count=None if count in ("", "all", "-1") else int(count),
                       every=int(q.get("every") or 1), skip=int(q.get("skip") or 0),
                       methods=(q.get("methods") or "").split(","), path_regex=q.get("path") or None,
                       early=q.get("early", "") in ("1", "true", "yes"))
        except re.error as e:
            raise ValueError(f"bad path regex: {e}")

    def select(self, method, target):
        """Returns the mode to inject for this request, or None. Caller holds the lock."""
        if self.mode is None:
            return None
        if self.methods and method not in self.methods:
            return None
        if self._regex is not None and not self._regex.search(target):
            return None
        if self.mode == "complete-error-200" and not is_complete_multipart(method, target):
            return None
        if self.count is not None and self.injected >= self.count:
            return None
        self.matched += 1
        n = self.matched - self.skip
        if n <= 0 or n % self.every:
            return None
        self.injected += 1
        return self.mode

    def describe(self):
        return {"mode": self.mode or "none", "count": self.count, "every": self.every, "skip": self.skip,
                "methods": sorted(self.methods), "path": self.path_regex, "early": self.early,
                "matched": self.matched, "injected": self.injected,
                "spent": self.count is not None and self.injected >= self.count}


class FaultState:
    """The current plan plus process-lifetime counters, behind one lock."""

    def __init__(self, plan):
        self.lock = threading.Lock()
        self.plan = plan
        self.stats = {"requests": 0, "forwarded": 0, "injected": 0, "injected_by_mode": {},
                      "upstream_status": {}, "upstream_errors": 0, "client_errors": 0,
                      "connections_total": 0, "connections_open": 0, "max_connections_open": 0,
                      "requests_in_flight": 0, "max_requests_in_flight": 0,
                      "request_body_bytes": 0, "response_body_bytes": 0}

    def decide(self, method, target):
        with self.lock:
            self.stats["requests"] += 1
            mode = self.plan.select(method, target)
            if mode:
                self.stats["injected"] += 1
                by_mode = self.stats["injected_by_mode"]
                by_mode[mode] = by_mode.get(mode, 0) + 1
            return mode, self.plan.early

    def rearm(self, plan):
        with self.lock:
            self.plan = plan

    def add(self, key, n=1):
        with self.lock:
            self.stats[key] += n
            peak = "max_" + key
            if peak in self.stats:
                self.stats[peak] = max(self.stats[peak], self.stats[key])

    def upstream_answered(self, status, request_bytes, response_bytes):
        with self.lock:
            self.stats["forwarded"] += 1
            codes = self.stats["upstream_status"]
            codes[str(status)] = codes.get(str(status), 0) + 1
            self.stats["request_body_bytes"] += request_bytes
            self.stats["response_body_bytes"] += response_bytes

    def snapshot(self):
        with self.lock:
            return {"plan": self.plan.describe(),
                    "stats": {k: (dict(v) if isinstance(v, dict) else v) for k, v in self.stats.items()}}
