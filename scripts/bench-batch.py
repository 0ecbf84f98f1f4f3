#!/usr/bin/env python3
"""Times `clausier eval --batch --no-explanation` on prospect-it/sla_penalty against Python's
json.loads + json.dumps over the same lines, and checks every answer.

    swift build -c release
    python3 scripts/bench-batch.py                 # 1,000,000 lines, 3 runs each
    python3 scripts/bench-batch.py --lines 100000 --runs 5 --bin .build/release/clausier

The lines cycle over the sixteen incidents of Benchmarks/Benchmarks/Evaluation (every tier, its
boundaries, fees whose penalty needs rounding, mixed UTC offsets, a DST change, one server or
neither down), each shifted to a different day, hour and fee so that no two lines are alike.
Every answer is checked against article 11 written here in Python with exact decimals.

The figures are whole-process wall times (start-up and rule compilation included), the median of
--runs runs; the Python loop reads the file from standard input and writes to /dev/null, as the
clausier run does.
"""

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (recorded_at, closed_at, main_server_down, backup_server_down, monthly fee in cents), as in
# Benchmarks/Benchmarks/Evaluation/Evaluation.swift.
CASES = [
    ("2025-03-07T10:00:00+01:00", "2025-03-07T10:00:00+01:00", True, True, 200_00),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T10:30:00+01:00", True, True, 200_00),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T10:59:59+01:00", True, True, 49_90),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T11:00:00+01:00", True, True, 200_00),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T11:45:00+01:00", True, True, 99_99),
    ("2025-03-07T09:30:00Z", "2025-03-07T12:10:00+01:00", True, True, 15_50),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T12:00:00+01:00", True, True, 200_00),
    ("2025-03-07T23:30:00+01:00", "2025-03-08T01:45:00+01:00", True, True, 7),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T12:59:59+01:00", True, True, 1234_57),
    ("2025-03-07T09:00:00Z", "2025-03-07T12:00:00Z", True, True, 333_33),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T13:59:00+01:00", True, True, 1),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T14:00:00+01:00", True, True, 200_00),
    ("2025-03-29T22:00:00+01:00", "2025-03-31T00:00:00+02:00", True, True, 89_00),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T15:00:00+01:00", True, False, 200_00),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T12:00:00+01:00", False, True, 200_00),
    ("2025-03-07T10:00:00+01:00", "2025-03-07T11:30:00+01:00", False, False, 200_00),
]


def parse(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def shifted(text, days, hours):
    """The same instant written with the same offset, moved by whole days and hours."""
    moved = parse(text) + dt.timedelta(days=days, hours=hours)
    written = moved.isoformat()
    return written.replace("+00:00", "Z") if text.endswith("Z") else written


def fee_text(cents):
    return f"{cents // 100}.{cents % 100:02d} EUR"


def expected_value(recorded, closed, main, backup, cents):
    """Article 11 by hand: the tiered rate of the fee when both servers are down, to the cent."""
    hours = (parse(closed) - parse(recorded)).total_seconds() / 3600
    rate = 0 if not (main and backup) else (0 if hours < 1 else 25 if hours < 2 else 50 if hours < 3 else 75 if hours < 4 else 100)
    penalty = (Decimal(cents) / 100 * rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return {"rate": f"{rate}%", "penalty": f"{penalty} EUR"}


def generate(count, path):
    """Writes `count` lines and returns the expected (as_of, value) of a period of them."""
    rng = random.Random(11)
    period = []
    # A period of distinct lines, repeated: the answers are checked over the period, and writing a
    # million lines then costs a copy rather than a million date computations.
    for index in range(min(count, 4096)):
        recorded, closed, main, backup, cents = CASES[index % len(CASES)]
        # The DST case (index 12) keeps its dates: moving it would move it off the change.
        days = 0 if index % len(CASES) == 12 else rng.randrange(-60, 0)
        hours = 0 if index % len(CASES) in (7, 12) else rng.randrange(-8, 9)
        recorded, closed = shifted(recorded, days, hours), shifted(closed, days, hours)
        cents = cents if index < len(CASES) else max(1, cents + rng.randrange(-5000, 5000))
        as_of = (parse(closed).date() + dt.timedelta(days=3)).isoformat()
        facts = {
            "incident": {"recorded_at": recorded, "closed_at": closed, "main_server_down": main, "backup_server_down": backup},
            "subscription": {"monthly_fee": fee_text(cents)},
        }
        line = json.dumps({"as_of": as_of, "facts": facts}, separators=(", ", ": "))
        period.append((line, as_of, expected_value(recorded, closed, main, backup, cents)))
    block = "".join(line + "\n" for line, _, _ in period)
    with open(path, "w") as out:
        full, rest = divmod(count, len(period))
        for _ in range(full):
            out.write(block)
        out.write("".join(line + "\n" for line, _, _ in period[:rest]))
    return period


def timed(command, stdin_path, stdout_path, runs):
    times = []
    status = None
    for _ in range(runs):
        with open(stdin_path, "rb") as stdin, open(stdout_path, "wb") as stdout:
            start = time.perf_counter()
            status = subprocess.run(command, stdin=stdin, stdout=stdout).returncode
            times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), status


def check(output_path, period, count):
    with open(output_path) as answers:
        for index, answer in enumerate(answers):
            line, as_of, value = period[index % len(period)]
            got = json.loads(answer)
            want = {"contract": "prospect-it", "decision": "sla_penalty", "as_of": as_of, "value": value,
                    "explanation": [], "citations": ["art. 11"]}
            if got != want:
                sys.exit(f"FAIL line {index + 1}: {line}\n  got  {answer.strip()}\n  want {json.dumps(want)}")
    if index + 1 != count:
        sys.exit(f"FAIL {index + 1} answers for {count} lines")


PYTHON_LOOP = "import sys, json\nw = sys.stdout.write\nfor line in sys.stdin:\n    w(json.dumps(json.loads(line)) + '\\n')\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bin", default=str(ROOT / ".build/release/clausier"))
    parser.add_argument("--keep", help="a directory to keep the batch and the answers in")
    args = parser.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"no clausier binary at {args.bin}: run swift build -c release")

    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    batch, answers = work / "batch.jsonl", work / "answers.jsonl"
    period = generate(args.lines, batch)

    clausier = [args.bin, "eval", "--rules", str(ROOT / "Rules"), "--contract", "prospect-it",
                "--decision", "sla_penalty", "--batch", "-", "--no-explanation"]
    c_median, c_min, status = timed(clausier, batch, answers, args.runs)
    if status != 0:
        sys.exit(f"FAIL clausier exited {status}")
    check(answers, period, args.lines)
    p_median, p_min, status = timed([sys.executable, "-c", PYTHON_LOOP], batch, os.devnull, args.runs)
    if status != 0:
        sys.exit(f"FAIL the Python loop exited {status}")

    print(f"{args.lines:,} lines of prospect-it/sla_penalty, median of {args.runs} runs (min in brackets)")
    print(f"  clausier eval --batch --no-explanation  {c_median:7.3f} s ({c_min:.3f})  "
          f"{args.lines / c_median:>12,.0f} decisions/s  {c_median / args.lines * 1e9:6.0f} ns/line")
    print(f"  python json.loads + json.dumps          {p_median:7.3f} s ({p_min:.3f})  "
          f"{args.lines / p_median:>12,.0f} lines/s      {p_median / args.lines * 1e9:6.0f} ns/line")
    print(f"  clausier / python: {c_median / p_median:.2f}; every answer checked")


if __name__ == "__main__":
    main()
