#!/usr/bin/env python3
"""Start-up and per-example cost of every interpreter the driver runs (issue 6).

    bench/languages.py --driver build/byexample [--runs 5] [--only ruby,go] [--out FILE]

For each language two documents are run: one with a single trivial example and one with 101.
    start-up     = wall time of the 1-example document minus that of an empty document
                   (the driver's own start), i.e. spawning the interpreter, setting it up,
                   one example and shutting it down;
    per example  = (wall(101) - wall(1)) / 100.
Medians over --runs runs. A language whose interpreter is not installed is reported as such.
The lua definition is the YAML-only one of tests/e2e/cases/lang-yaml-lua (loaded with -m).
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

from run import run_driver

MANY = 101
HERE = os.path.dirname(os.path.abspath(__file__))
LUA_MODULE = os.path.join(HERE, "..", "tests", "e2e", "cases", "lang-yaml-lua", "mods")

# language: (program that must be installed, example lines, fence info string, extra args).
# Each example prints nothing, so every run passes; repeating it must be harmless.
LANGUAGES = {
    "python": ("python", [">>> x = 1"], "python", []),
    "shell": ("bash", ["$ x=1"], "shell", []),
    "ruby": ("irb", [">> x = 1"], "ruby", []),
    "javascript": ("node", ["> x = void 0"], "javascript", []),
    "gdb": ("gdb", ["(gdb) set $x = 1"], "gdb", []),
    "php": ("php", ["php> $x = 1;"], "php", []),
    "elixir": ("iex", ["iex> x = 1"], "elixir", []),
    "go": ("yaegi", ["> x := 1"], "go", []),
    "java": ("jshell", ["j> int x = 1;"], "java", []),
    "cpp": ("clang-repl-22", ["?: 1;"], "cpp", []),
    "lua": ("lua5.4", ["lua> x = 1"], "lua", ["-m", LUA_MODULE]),
}


def write_doc(path, info, lines, count):
    with open(path, "w") as f:
        for _ in range(count):
            f.write("```%s\n%s\n```\n\n" % (info, "\n".join(lines)))


def median(driver, args, cwd, runs):
    return statistics.median(run_driver(driver, args, cwd) for _ in range(runs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only")
    parser.add_argument("--out")
    opts = parser.parse_args()
    driver = os.path.abspath(opts.driver)
    wanted = opts.only.split(",") if opts.only else list(LANGUAGES)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.md")
        write_doc(empty, "", [], 0)
        base = median(driver, ["-l", "shell", empty], tmp, opts.runs)
        for language in wanted:
            program, lines, info, extra = LANGUAGES[language]
            if shutil.which(program) is None:
                rows.append("%-11s not installed (%s)" % (language, program))
                continue
            one, many = os.path.join(tmp, "one.md"), os.path.join(tmp, "many.md")
            write_doc(one, info, lines, 1)
            write_doc(many, info, lines, MANY)
            args = ["-l", language, "--pretty", "none", "--timeout", "30"] + extra
            run_driver(driver, args + [one], tmp)  # warm the caches
            t1 = median(driver, args + [one], tmp, opts.runs)
            tmany = median(driver, args + [many], tmp, opts.runs)
            rows.append("%-11s start-up %8.1f ms   per example %7.2f ms" %
                        (language, (t1 - base) * 1e3, (tmany - t1) / (MANY - 1) * 1e3))
            print(rows[-1], flush=True)
    text = "driver start (empty document): %.1f ms\n%s\n" % (base * 1e3, "\n".join(rows))
    if opts.out:
        with open(opts.out, "w") as f:
            f.write(text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
