#!/usr/bin/env python3
"""Speed-up of --jobs 2 over --jobs 1 (issue 4: target >= 1.8x on a 2-core machine).

    bench/jobs.py --driver build/byexample [--shared ../shared] [--runs 7] [--out FILE]

Runs the driver on the corpus of 20 documents x 20 shell examples made by
../shared/tools/gen-corpus.sh, alternating --jobs 1 and --jobs 2, and prints the median wall
times and their ratio. Exits 1 when the ratio is below the target.

It also measures the machine's own ceiling for this load: two independent driver processes
with --jobs 1, each on half of the documents, started together. No scheduling inside one
process can beat that; a speed-up well below it points at the driver, one close to it at the
machine (pty and process start-up in the kernel, the hypervisor's vCPUs).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from run import corpus, run_driver

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
        times = {1: [], 2: [], "two": []}
        run_driver(driver, ["-l", "shell", "--jobs", "2"] + files, tmp)  # warm the caches
        for _ in range(opts.runs):
            for jobs in (1, 2):
                times[jobs].append(run_driver(driver, ["-l", "shell", "--jobs", str(jobs)] + files,
                                             tmp))
            times["two"].append(run_two_processes(driver, files, tmp))
    one, two = statistics.median(times[1]), statistics.median(times[2])
    separate = statistics.median(times["two"])
    ratio = one / two
    line = ("20 documents x 20 shell examples: --jobs 1 %.0f ms, --jobs 2 %.0f ms, speed-up "
            "%.2fx (target >= %.1fx, %d cores); two separate --jobs 1 processes at once: "
            "%.0f ms, %.2fx" % (one * 1e3, two * 1e3, ratio, TARGET, os.cpu_count(),
                                separate * 1e3, one / separate))
    print(line, flush=True)
    if opts.out:
        os.makedirs(os.path.dirname(os.path.abspath(opts.out)), exist_ok=True)
        with open(opts.out, "w") as f:
            f.write(line + "\n")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
