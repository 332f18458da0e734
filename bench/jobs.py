#!/usr/bin/env python3
"""Speed-up of --jobs 2 over --jobs 1 (issue 4: target >= 1.8x on a 2-core machine).

    bench/jobs.py --driver build/byexample [--shared ../shared] [--runs 7] [--out FILE]

Runs the driver on the corpus of 20 documents x 20 shell examples made by
../shared/tools/gen-corpus.sh, alternating --jobs 1 and --jobs 2, and prints the median wall
times and their ratio. Exits 1 when the ratio is below the target.

It also measures the machine's own ceiling for this load, twice:
- two independent driver processes with --jobs 1, each on half of the documents, started
  together. No scheduling inside one process can beat that;
- the pty floor of ../shared/tools/pty-floor.c (no driver code at all) on the same shape of
  work, 20 sessions of 20 round trips, in one stream and in two streams at once.
A speed-up well below those points at the driver, one close to them at the machine.

Every pty write is handed to a kernel worker of the unbound workqueue before the reader
wakes. Where that worker runs is the kernel's `workqueue.default_affinity_scope` (printed):
with `cache`, the default, the workers of both streams float over both CPUs of a 2-core VM;
with `cpu` they stay beside the writer.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from run import build_floor, corpus, run_driver

TARGET = 1.8


def run_two_processes(driver, files, cwd):
    """Wall time of two --jobs 1 drivers, one per half of `files`, run at the same time."""
    env = dict(os.environ, PATH="/usr/bin:/bin:" + os.environ.get("PATH", ""))
    half = len(files) // 2
    start = time.perf_counter()
    procs = [subprocess.Popen([driver, "-l", "shell", "--jobs", "1"] + part, cwd=cwd, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for part in (files[:half], files[half:])]
    if any(proc.wait() != 0 for proc in procs):
        sys.exit("driver failed on the corpus")
    return time.perf_counter() - start


def floor_streams(floor_bin, streams, sessions, round_trips):
    """Wall time of `streams` shell loops at once, each running `sessions` pty-floor sessions
    of `round_trips` shell round trips one after the other."""
    loop = "i=0; while [ $i -lt %d ]; do %s bash %d >/dev/null || exit 1; i=$((i+1)); done" % (
        sessions, floor_bin, round_trips)
    start = time.perf_counter()
    procs = [subprocess.Popen(["/bin/sh", "-c", loop]) for _ in range(streams)]
    if any(proc.wait() != 0 for proc in procs):
        sys.exit("pty-floor failed")
    return time.perf_counter() - start


def workqueue_scope():
    try:
        with open("/sys/module/workqueue/parameters/default_affinity_scope") as f:
            return f.read().strip()
    except OSError:
        return "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                         "shared"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out")
    opts = parser.parse_args()
    driver = os.path.abspath(opts.driver)
    shared = os.path.abspath(opts.shared)

    with tempfile.TemporaryDirectory() as tmp:
        files = corpus(shared, tmp, "corpus", 20, 20, "shell", "block")
        # Not under a build tool: the driver would run one document at a time.
        env_free = ["BYEXAMPLE_BUILD_TOOL", "BYEXAMPLE_JOBS", "MESON_TEST_ITERATION",
                    "CTEST_INTERACTIVE_DEBUG_MODE", "MAKEFLAGS"]
        for name in env_free:
            os.environ.pop(name, None)
        floor_bin = build_floor(shared, tmp)
        times = {1: [], 2: [], "two": [], "floor1": [], "floor2": []}
        run_driver(driver, ["-l", "shell", "--jobs", "2"] + files, tmp)  # warm the caches
        for _ in range(opts.runs):
            for jobs in (1, 2):
                times[jobs].append(run_driver(driver, ["-l", "shell", "--jobs", str(jobs)] + files,
                                             tmp))
            times["two"].append(run_two_processes(driver, files, tmp))
            times["floor1"].append(floor_streams(floor_bin, 1, 20, 20))
            times["floor2"].append(floor_streams(floor_bin, 2, 10, 20))
    one, two = statistics.median(times[1]), statistics.median(times[2])
    separate = statistics.median(times["two"])
    floor1, floor2 = statistics.median(times["floor1"]), statistics.median(times["floor2"])
    ratio = one / two
    lines = [
        "20 documents x 20 shell examples: --jobs 1 %.0f ms, --jobs 2 %.0f ms, speed-up %.2fx "
        "(target >= %.1fx, %d cores)" % (one * 1e3, two * 1e3, ratio, TARGET, os.cpu_count()),
        "machine ceiling: two separate --jobs 1 processes at once: %.0f ms, %.2fx" % (
            separate * 1e3, one / separate),
        "machine ceiling: pty-floor, 20 sessions x 20 round trips: one stream %.0f ms, two "
        "streams %.0f ms, %.2fx" % (floor1 * 1e3, floor2 * 1e3, floor1 / floor2),
        "kernel workqueue.default_affinity_scope: %s" % workqueue_scope(),
    ]
    print("\n".join(lines), flush=True)
    if opts.out:
        os.makedirs(os.path.dirname(os.path.abspath(opts.out)), exist_ok=True)
        with open(opts.out, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
