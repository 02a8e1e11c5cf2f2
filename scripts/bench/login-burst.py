#!/usr/bin/env python3
"""Attune release-binary benchmark: login latency, memory under a login burst, cold start, size.

Standard library only (Python 3.11+). Talks to 127.0.0.1 only. Every loop and wait is
bounded, and every server this script starts is stopped before it exits (also on error).

It reports figures next to the team's targets; it never fails because a target is missed
(exit status 0 unless the benchmark itself could not run).

Usage:
    python3 scripts/bench/login-burst.py [--binary target/release/attune] [--json out.json]
    scripts/bench/run.sh    # builds the release binary first, then runs this
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import platform
import queue
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_BINARY = REPO / "target" / "release" / "attune"

HOST = "127.0.0.1"
PASSWORD = "a benchmark password 1"
MAIN_USER = "bench-user"
EXTRA_USERS = 4  # bench-user-2 .. bench-user-5: burst logins are spread over 5 accounts
SEQ_WARMUP = 1
SEQ_LOGINS = 10
BURST = 100
COLD_RUNS = 5
AFTER_BURST_WAIT_S = 16.0  # past the server's 10 s spare-buffer lifetime and its 5 s trim tick
IDLE_WAIT_S = 16.0

LOGIN_ATTEMPTS_PER_MINUTE = "100000"  # per-address limiter out of the way
START_TIMEOUT_S = 30.0
REQUEST_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0

# Targets (decimal megabytes, 1 MB = 1,000,000 bytes: the stricter reading of "MB").
TARGET_RSS_BURST_MB = 150
TARGET_RSS_IDLE_MB = 30
TARGET_COLD_START_MS = 100

LISTEN_RE = re.compile(r"listening on http://127\.0\.0\.1:(\d+)")


# --------------------------------------------------------------------------------------------
# Server process
# --------------------------------------------------------------------------------------------


def server_env() -> dict[str, str]:
    """The inherited environment minus every ATTUNE_* variable, plus the benchmark's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTUNE_")}
    env["ATTUNE_LOGIN_ATTEMPTS_PER_MINUTE"] = LOGIN_ATTEMPTS_PER_MINUTE
    # Default KDF profile and default ATTUNE_ARGON2_CONCURRENCY (2) are kept by not setting them.
    return env


class Server:
    """One `attune serve` process on 127.0.0.1:0 with a fresh data dir."""

    def __init__(self, binary: Path, workdir: Path):
        self.binary = binary
        self.workdir = workdir
        self.data_dir = workdir / "data"
        self.stderr_path = workdir / "server-stderr.log"
        self.proc: subprocess.Popen[str] | None = None
        self.port: int | None = None
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.spawned_at: float = 0.0
        self.listening_at: float = 0.0

    def start(self) -> None:
        self._stderr = open(self.stderr_path, "w")
        self.spawned_at = time.perf_counter()
        # cwd = the temp dir, so a stray ./attune.toml in the caller's directory is not read.
        self.proc = subprocess.Popen(
            [str(self.binary), "serve", "--data-dir", str(self.data_dir), "--listen", f"{HOST}:0"],
            cwd=self.workdir,
            env=server_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            bufsize=1,
        )
        threading.Thread(target=self._pump_stdout, daemon=True).start()
        deadline = self.spawned_at + START_TIMEOUT_S
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"server did not print its listening line in {START_TIMEOUT_S} s")
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                raise RuntimeError(
                    f"server exited before listening (status {self.proc.wait()}); "
                    f"stderr: {self.stderr_path.read_text()[-2000:]}"
                )
            m = LISTEN_RE.search(line)
            if m:
                self.listening_at = time.perf_counter()
                self.port = int(m.group(1))
                return

    def _pump_stdout(self) -> None:
        assert self.proc and self.proc.stdout
        for line in self.proc.stdout:  # ends at EOF, i.e. when the process exits
            self.lines.put(line)
        self.lines.put(None)

    @property
    def pid(self) -> int:
        assert self.proc
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> int | None:
        """SIGINT (the server's Ctrl-C path), then SIGKILL if it does not exit in time."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=STOP_TIMEOUT_S)
        self._stderr.close()
        return self.proc.returncode


# --------------------------------------------------------------------------------------------
# HTTP helpers (one connection per request, like separate clients)
# --------------------------------------------------------------------------------------------


def request(port: int, method: str, path: str, body: dict | None = None,
            conn: http.client.HTTPConnection | None = None) -> tuple[int, dict, dict]:
    own = conn is None
    if conn is None:
        conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    try:
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        res = conn.getresponse()
        raw = res.read()
        try:
            parsed = json.loads(raw) if raw else {}
        except ValueError:
            parsed = {"_raw": raw[:200].decode(errors="replace")}
        return res.status, {k.lower(): v for k, v in res.getheaders()}, parsed
    finally:
        if own:
            conn.close()


def signup(port: int, username: str) -> None:
    status, _, body = request(port, "POST", "/api/v1/auth/signup",
                              {"username": username, "password": PASSWORD})
    if status != 201:
        raise RuntimeError(f"signup {username}: HTTP {status} {body}")


def login(port: int, username: str) -> float:
    """One login; returns milliseconds. Raises unless 200 with a token."""
    t0 = time.perf_counter()
    status, _, body = request(port, "POST", "/api/v1/auth/login",
                              {"username": username, "password": PASSWORD})
    ms = (time.perf_counter() - t0) * 1000
    if status != 200 or not body.get("token"):
        raise RuntimeError(f"login {username}: HTTP {status} {body}")
    return ms


# --------------------------------------------------------------------------------------------
# Memory
# --------------------------------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS / VmHWM (and friends) from /proc/<pid>/status, in KiB."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "Threads"):
                out[key] = int(rest.split()[0])
    return out


def kib_mib(kib: int) -> float:
    return kib / 1024


def kib_mb(kib: int) -> float:
    return kib * 1024 / 1e6


class RssSampler:
    """Samples VmRSS every few ms in the background (to see the shape of the burst)."""

    def __init__(self, pid: int, every_s: float = 0.02):
        self.pid, self.every_s = pid, every_s
        self.max_kib = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.max_kib = max(self.max_kib, proc_status(self.pid)["VmRSS"])
                self.samples += 1
            except (OSError, KeyError, ValueError):
                return
            self._stop.wait(self.every_s)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


# --------------------------------------------------------------------------------------------
# Phases
# --------------------------------------------------------------------------------------------


def burst(port: int, users: list[str]) -> dict:
    """BURST logins released together by a barrier; connections are opened beforehand."""
    barrier = threading.Barrier(BURST + 1)
    results: list[tuple[int, float, str | None]] = []

    def one(i: int) -> tuple[int, float, str | None]:
        conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
        try:
            conn.connect()
            barrier.wait(timeout=30)
            t0 = time.perf_counter()
            try:
                status, headers, _ = request(port, "POST", "/api/v1/auth/login",
                                             {"username": users[i % len(users)],
                                              "password": PASSWORD}, conn=conn)
            except (OSError, http.client.HTTPException) as e:
                return -1, (time.perf_counter() - t0) * 1000, type(e).__name__
            return status, (time.perf_counter() - t0) * 1000, headers.get("retry-after")
        finally:
            conn.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=BURST) as pool:
        futures = [pool.submit(one, i) for i in range(BURST)]
        barrier.wait(timeout=30)
        t0 = time.perf_counter()
        for f in concurrent.futures.as_completed(futures, timeout=REQUEST_TIMEOUT_S + 30):
            results.append(f.result())
        wall_ms = (time.perf_counter() - t0) * 1000

    codes: dict[str, int] = {}
    for status, _, _ in results:
        codes[str(status)] = codes.get(str(status), 0) + 1
    ok_ms = sorted(ms for s, ms, _ in results if s == 200)
    busy_ms = sorted(ms for s, ms, _ in results if s == 429)
    retry_after = sorted({ra for s, _, ra in results if s == 429 and ra})
    return {
        "codes": codes,
        "wall_ms": wall_ms,
        "ok_latency_ms": {"min": ok_ms[0], "median": statistics.median(ok_ms), "max": ok_ms[-1]}
        if ok_ms else None,
        "429_latency_ms": {"min": busy_ms[0], "median": statistics.median(busy_ms),
                           "max": busy_ms[-1]} if busy_ms else None,
        "retry_after_values": retry_after,
        "other": sorted({ra for s, _, ra in results if s not in (200, 429) and ra}),
    }


def cold_start(binary: Path, runs: int) -> list[dict]:
    """Spawn → first 200 from GET /healthz, each run with a fresh data dir."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="attune-cold-") as tmp:
            srv = Server(binary, Path(tmp))
            try:
                srv.start()
                assert srv.port
                healthz_ms = None
                for _ in range(2000):  # bounded: ~2000 tries, each ms-scale
                    try:
                        status, _, _ = request(srv.port, "GET", "/healthz")
                    except OSError:
                        status = 0
                    if status == 200:
                        healthz_ms = (time.perf_counter() - srv.spawned_at) * 1000
                        break
                    time.sleep(0.001)
                if healthz_ms is None:
                    raise RuntimeError("GET /healthz never answered 200")
                out.append({
                    "listening_line_ms": (srv.listening_at - srv.spawned_at) * 1000,
                    "healthz_ms": healthz_ms,
                })
            finally:
                srv.stop()
    return out


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    mem_kib = 0
    try:
        with open("/proc/meminfo") as f:
            mem_kib = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration, ValueError):
        pass

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                                  timeout=10).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return ""

    try:
        load = " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        load = ""
    rev = git("rev-parse", "--short", "HEAD")
    dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "mem_total_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "git": rev + ("-dirty" if dirty else ""),
        "loadavg_at_start": load,
    }


def verdict(value: float, target: float) -> str:
    return "under target" if value < target else "OVER target"


def print_report(r: dict) -> None:
    m = r["machine"]
    print()
    print("=" * 96)
    print("Attune benchmark" + ("" if "/release/" in r["binary"] else
                                "   (WARNING: not a target/release binary)"))
    print(f"  binary      {r['binary']}")
    print(f"  commit      {m['git']}   machine: {m['cpus']} CPUs ({m['cpu_model']}), "
          f"{m['mem_total_gib']} GiB, Linux {m['kernel']}, Python {m['python']}")
    print(f"  load avg    {m['loadavg_at_start']} (1/5/15 min, when the run started; other work on "
          f"the machine skews the timings)")
    print(f"  config      kdf_profile=default (Argon2id m=64 MiB, t=3, p=1), "
          f"argon2_concurrency=server default (1; ATTUNE_ARGON2_CONCURRENCY unset), "
          f"ATTUNE_LOGIN_ATTEMPTS_PER_MINUTE={LOGIN_ATTEMPTS_PER_MINUTE}")
    print("=" * 96)
    rows: list[tuple[str, str, str, str]] = []

    s = r["sequential_login_ms"]
    rows.append((f"login, sequential (median of {len(s['samples'])})",
                 f"{s['median']:.0f} ms (min {s['min']:.0f}, max {s['max']:.0f})", "-", ""))

    def rss_row(label: str, kib: int, target_mb: float | None) -> None:
        val = f"{kib_mb(kib):.1f} MB ({kib_mib(kib):.1f} MiB)"
        if target_mb is None:
            rows.append((label, val, "-", ""))
        else:
            rows.append((label, val, f"< {target_mb} MB", verdict(kib_mb(kib), target_mb)))

    mem = r["memory_kib"]
    rss_row("RSS right after start", mem["after_start"]["VmRSS"], None)
    rss_row(f"RSS idle ({IDLE_WAIT_S:.0f} s after a sign-up)", mem["idle"]["VmRSS"], TARGET_RSS_IDLE_MB)
    rss_row("RSS right after 100-login burst", mem["after_burst"]["VmRSS"], TARGET_RSS_BURST_MB)
    rss_row(f"RSS {AFTER_BURST_WAIT_S:.0f} s after burst", mem["after_burst_wait"]["VmRSS"],
            TARGET_RSS_BURST_MB)
    rss_row("RSS max sampled during burst", mem["burst_sampled_max_VmRSS"], TARGET_RSS_BURST_MB)
    rss_row("peak VmHWM (whole run)", mem["after_burst_wait"]["VmHWM"], TARGET_RSS_BURST_MB)

    b = r["burst"]
    codes = ", ".join(f"{k}: {v}" for k, v in sorted(b["codes"].items()))
    rows.append((f"burst of {BURST} logins: status codes", codes, "-", ""))
    rows.append(("burst wall time", f"{b['wall_ms']:.0f} ms", "-", ""))
    if b["ok_latency_ms"]:
        o = b["ok_latency_ms"]
        rows.append(("burst 200 latency", f"median {o['median']:.0f} ms "
                     f"(min {o['min']:.0f}, max {o['max']:.0f})", "-", ""))
    if b["429_latency_ms"]:
        o = b["429_latency_ms"]
        rows.append(("burst 429 latency", f"median {o['median']:.0f} ms "
                     f"(min {o['min']:.0f}, max {o['max']:.0f}); Retry-After "
                     f"{','.join(b['retry_after_values']) or 'none'}", "-", ""))

    c = r["cold_start_ms"]
    rows.append((f"cold start -> GET /healthz 200 (median of {len(c['healthz'])})",
                 f"{c['median_healthz']:.1f} ms (min {min(c['healthz']):.1f}, "
                 f"max {max(c['healthz']):.1f})",
                 f"< {TARGET_COLD_START_MS} ms", verdict(c["median_healthz"], TARGET_COLD_START_MS)))
    rows.append(("  of which spawn -> 'listening on' line",
                 f"{c['median_listening_line']:.1f} ms (median)", "-", ""))

    size = r["binary_size_bytes"]
    rows.append(("release binary size", f"{size:,} bytes ({size / 2**20:.1f} MiB)", "-", ""))

    w = [max(len(row[i]) for row in rows + [("figure", "measured", "target", "")]) for i in range(4)]
    print(f"{'figure':<{w[0]}}  {'measured':<{w[1]}}  {'target':<{w[2]}}  comparison")
    print(f"{'-' * w[0]}  {'-' * w[1]}  {'-' * w[2]}  {'-' * 12}")
    for a, v, t, cmp in rows:
        print(f"{a:<{w[0]}}  {v:<{w[1]}}  {t:<{w[2]}}  {cmp}")
    print()
    print("Targets use decimal MB (1 MB = 10^6 bytes); VmRSS/VmHWM are read from "
          "/proc/<pid>/status (KiB).")
    print(f"Sequential login samples (ms): {', '.join(f'{x:.0f}' for x in s['samples'])}")
    print(f"Cold start samples (ms, spawn -> healthz 200): "
          f"{', '.join(f'{x:.1f}' for x in c['healthz'])}")
    print(f"RSS 1 s after the sign-up (spare Argon2 buffer still held): "
          f"{kib_mb(mem['after_signup']['VmRSS']):.1f} MB")
    print("Memory detail (KiB):")
    for k in ("after_start", "after_signup", "idle", "after_burst", "after_burst_wait"):
        print(f"  {k:<17} {json.dumps(mem[k])}")


# --------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--binary", type=Path, default=DEFAULT_BINARY)
    ap.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = ap.parse_args()
    binary = args.binary.resolve()
    if not binary.is_file():
        print(f"no binary at {binary}; build it with: cargo build --release -p attune",
              file=sys.stderr)
        return 2

    report: dict = {"binary": str(binary), "binary_size_bytes": binary.stat().st_size,
                    "machine": machine()}
    users = [MAIN_USER] + [f"{MAIN_USER}-{i}" for i in range(2, EXTRA_USERS + 2)]

    print(f"binary {binary} ({report['binary_size_bytes']:,} bytes)", flush=True)
    print("config: default KDF profile, argon2_concurrency=server default (1; "
          "ATTUNE_ARGON2_CONCURRENCY not set), "
          f"ATTUNE_LOGIN_ATTEMPTS_PER_MINUTE={LOGIN_ATTEMPTS_PER_MINUTE}", flush=True)

    with tempfile.TemporaryDirectory(prefix="attune-bench-") as tmp:
        srv = Server(binary, Path(tmp))
        try:
            srv.start()
            port = srv.port
            assert port
            print(f"[1/5] server pid {srv.pid} listening on {HOST}:{port}", flush=True)
            mem: dict = {}
            time.sleep(0.5)
            mem["after_start"] = proc_status(srv.pid)

            print(f"[2/5] sign-up {MAIN_USER}, measure idle RSS, then {EXTRA_USERS} more users",
                  flush=True)
            signup(port, MAIN_USER)
            time.sleep(1.0)
            mem["after_signup"] = proc_status(srv.pid)
            time.sleep(IDLE_WAIT_S)
            mem["idle"] = proc_status(srv.pid)
            for u in users[1:]:
                signup(port, u)

            print(f"[3/5] {SEQ_WARMUP} warm-up + {SEQ_LOGINS} sequential logins", flush=True)
            for _ in range(SEQ_WARMUP):
                login(port, MAIN_USER)
            samples = [login(port, MAIN_USER) for _ in range(SEQ_LOGINS)]
            report["sequential_login_ms"] = {
                "samples": samples, "median": statistics.median(samples),
                "min": min(samples), "max": max(samples),
            }
            mem["before_burst"] = proc_status(srv.pid)

            print(f"[4/5] burst of {BURST} concurrent logins over {len(users)} accounts",
                  flush=True)
            with RssSampler(srv.pid) as sampler:
                report["burst"] = burst(port, users)
            mem["after_burst"] = proc_status(srv.pid)
            time.sleep(AFTER_BURST_WAIT_S)
            mem["after_burst_wait"] = proc_status(srv.pid)
            mem["burst_sampled_max_VmRSS"] = sampler.max_kib
            mem["burst_samples"] = sampler.samples
            report["memory_kib"] = mem
            if not srv.alive():
                raise RuntimeError("server exited during the burst")
        finally:
            code = srv.stop()
        report["server_exit_status"] = code

    print(f"[5/5] cold start x{COLD_RUNS} (fresh data dir each)", flush=True)
    runs = cold_start(binary, COLD_RUNS)
    report["cold_start_ms"] = {
        "healthz": [x["healthz_ms"] for x in runs],
        "listening_line": [x["listening_line_ms"] for x in runs],
        "median_healthz": statistics.median(x["healthz_ms"] for x in runs),
        "median_listening_line": statistics.median(x["listening_line_ms"] for x in runs),
    }

    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"JSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
