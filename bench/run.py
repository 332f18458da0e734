#!/usr/bin/env python3
"""Benchmarks of the driver against the pty floor (issue targets in README.md).

    bench/run.py --driver build/byexample [--shared ../shared] [--out bench/results/latest.txt]

Builds ../shared/tools/pty-floor.c, generates corpora with ../shared/tools/gen-corpus.sh,
runs the driver on them and prints one line per measure. Every number is the median of
several runs; wall times come from time.perf_counter, RSS from getrusage of the child.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_driver(driver, args, cwd):
    """Runs the driver once; returns its wall time in seconds.

    The floor runs /usr/bin/python3 and /bin/bash: the driver must find the same programs, not
    wrappers earlier on PATH (a pyenv shim is a bash script that costs more than Python's start).
    """
    env = dict(os.environ, PATH="/usr/bin:/bin:" + os.environ.get("PATH", ""))
    start = time.perf_counter()
    proc = subprocess.run([driver] + args, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit("driver failed (%d) on %s:\n%s" % (proc.returncode, args,
                                                  proc.stdout.decode()[-2000:]))
    return elapsed


def max_rss_kib(driver, args, cwd):
    """Peak RSS of the driver process alone, measured by GNU time (Debian package `time`):
    the rusage of a child forked from Python would include Python's own pages."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", "/dev/stderr", driver] + args,
                          cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return int(proc.stderr.decode().strip().splitlines()[-1])


def median_time(driver, args, cwd, runs):
    return statistics.median(run_driver(driver, args, cwd) for _ in range(runs))


def build_floor(shared, where):
    """Compiles ../shared/tools/pty-floor.c into `where`; returns the binary's path."""
    binary = os.path.join(where, "pty-floor")
    subprocess.run(["gcc", "-O2", "-o", binary, os.path.join(shared, "tools", "pty-floor.c"),
                    "-lutil"], check=True)
    return binary


def floor(binary, interp, n, runs):
    """The pty floor's figures, each the median of `runs` runs, as the driver's times are."""
    samples = []
    for _ in range(runs):
        out = subprocess.run([binary, interp, str(n)], stdout=subprocess.PIPE, check=True)
        samples.append(dict(kv.split("=") for kv in out.stdout.decode().split()))
    return {key: statistics.median(float(sample[key]) for sample in samples)
            for key in ("per_rt_us", "startup_ms")}


def corpus(shared, where, name, nfiles, nex, kind, layout):
    path = os.path.join(where, name)
    subprocess.run([os.path.join(shared, "tools", "gen-corpus.sh"), path, str(nfiles), str(nex),
                    kind, layout], check=True, stdout=subprocess.DEVNULL)
    return sorted(os.path.join(path, f) for f in os.listdir(path))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                         "shared"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out")
    opts = parser.parse_args()
    driver = os.path.abspath(opts.driver)
    shared = os.path.abspath(opts.shared)
    lines = []

    def report(line):
        print(line, flush=True)
        lines.append(line)

    with tempfile.TemporaryDirectory() as tmp:
        floor_bin = build_floor(shared, tmp)
        empty = os.path.join(tmp, "empty.md")
        open(empty, "w").close()
        t = median_time(driver, ["-l", "shell,python", empty], tmp, opts.runs * 4)
        report("empty document, whole process: %.2f ms (target <= 5 ms)" % (t * 1e3))

        for interp, lang, flag in (("bash", "shell", "shell"), ("python", "python", "python3")):
            fl = floor(floor_bin, interp, 400, opts.runs)
            rt_floor = fl["per_rt_us"]
            start_floor = fl["startup_ms"]
            one = corpus(shared, tmp, "one-" + lang, 1, 1, lang, "oneblock")
            many = corpus(shared, tmp, "many-" + lang, 1, 401, lang, "oneblock")
            t1 = median_time(driver, ["-l", flag] + one, tmp, opts.runs)
            t401 = median_time(driver, ["-l", flag] + many, tmp, opts.runs)
            per_ex = (t401 - t1) / 400 * 1e6
            report("%s per example: %.0f us; floor round trip %.0f us; ratio %.2f (target <= 1.2)"
                   % (lang, per_ex, rt_floor, per_ex / rt_floor))
            files20 = corpus(shared, tmp, "files-" + lang, 21, 1, lang, "block")
            t21 = median_time(driver, ["-l", flag] + files20, tmp, opts.runs)
            per_file = (t21 - t1) / 20 * 1e3
            report("%s per extra file: %.1f ms; interpreter start (floor) %.1f ms; overhead %.1f ms"
                   " (target <= 3 ms)" % (lang, per_file, start_floor, per_file - start_floor))

        big = corpus(shared, tmp, "rss", 1, 3200, "shell", "oneblock")
        rss = max_rss_kib(driver, ["-l", "shell"] + big, tmp)
        report("driver max RSS at 3200 examples: %.1f MB (target <= 6 MB)" % (rss / 1024))

    if opts.out:
        os.makedirs(os.path.dirname(os.path.abspath(opts.out)), exist_ok=True)
        with open(opts.out, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
