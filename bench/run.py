"""Time alembic-rs against real Alembic, whole processes, interleaved in the same run.

    uv run python bench/run.py                          # all workloads, N = 100, 500, 2000
    uv run python bench/run.py --sizes 500 --repeat 9 --workloads heads
    uv run python bench/run.py --oracle-only            # harness check without ours

For every workload and project size: a warm-up run of each implementation (page cache,
bytecode), then K rounds, each running real Alembic (the oracle venv of tests/oracle.py) and
alembic-rs (the `alembic` script of this venv) one after the other, so that machine load
affects both alike. Prints the medians and ours/theirs speed-up, and writes the raw timings to
bench/results/<timestamp>.json. Nothing is asserted about absolute times.

Workloads are rows of WORKLOADS below: a name, the CLI arguments, and an `env` hook giving
per-project environment (an online-upgrade workload will return DATABASE_URL there).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import generate  # noqa: E402 - bench/generate.py, next to this file
import oracle  # noqa: E402 - tests/oracle.py: the oracle venv and the process environment

RESULTS = HERE / "results"


@dataclass(frozen=True)
class Workload:
    name: str
    args: tuple[str, ...]
    # per-run environment additions, computed from the project directory
    env: Callable[[Path], dict[str, str]] = field(default=lambda project: {})
    # compare stdout of both implementations (off for outputs with timestamps etc.)
    compare_output: bool = True


WORKLOADS: tuple[Workload, ...] = (
    Workload("heads", ("heads",)),
    Workload("history", ("history",)),
    # Several merge revisions: which merged head gets the UPDATE and which the DELETEs follows
    # Python set order in Alembic (tests compare it "in effect"), so outputs are not compared.
    Workload("upgrade --sql", ("upgrade", "heads", "--sql"), compare_output=False),
    # later: online upgrade, ...
)


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    failed: str | None = None
    stdout: str | None = None


def run_once(bin_dir: Path, args: Sequence[str], cwd: Path, env: dict[str, str]):
    full_env = oracle.process_env(bin_dir, env)
    # as on a user's machine, both may cache bytecode (written during the warm-up): real
    # Alembic would otherwise recompile every version file on every run
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(bin_dir / "alembic"), *args],
        check=False,
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    elapsed = time.perf_counter() - t0
    return elapsed, proc


def measure(
    impls: dict[str, Path],
    workload: Workload,
    project: Path,
    warmup: int,
    repeat: int,
) -> dict[str, Sample]:
    env = workload.env(project)
    samples = {name: Sample() for name in impls}

    def one(name: str, record: bool) -> None:
        sample = samples[name]
        if sample.failed:
            return
        elapsed, proc = run_once(impls[name], workload.args, project, env)
        if proc.returncode != 0:
            tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:]
            sample.failed = f"exit {proc.returncode}: {' '.join(tail)[:120]}"
            return
        sample.stdout = proc.stdout.decode(errors="replace")
        if record:
            sample.seconds.append(elapsed)

    for _ in range(warmup):
        for name in impls:
            one(name, record=False)
    for _ in range(repeat):
        # interleaved: both implementations see the same machine state in each round
        for name in impls:
            one(name, record=True)
    return samples


def fmt_ms(sample: Sample) -> str:
    if sample.failed:
        return "error"
    return f"{statistics.median(sample.seconds) * 1000:.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(generate.SIZES))
    ap.add_argument("--repeat", type=int, default=5, help="timed rounds (K)")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--workloads", nargs="+", help="names from WORKLOADS (default: all)")
    ap.add_argument("--oracle-only", action="store_true", help="time real Alembic only")
    args = ap.parse_args(argv)

    workloads = [w for w in WORKLOADS if not args.workloads or w.name in args.workloads]
    if not workloads:
        ap.error(f"no such workload; known: {', '.join(w.name for w in WORKLOADS)}")
    impls = {"alembic": oracle.oracle_bin()}
    if not args.oracle_only:
        ours = oracle.ours_bin()
        if not (ours / "alembic").exists():
            ap.error(f"{ours}/alembic not found: build ours with `uv sync` (or --oracle-only)")
        impls["alembic-rs"] = ours

    projects = {n: generate.ensure(n) for n in args.sizes}
    rows = []
    header = (
        f"{'workload':<16}{'N':>6}{'alembic ms':>12}{'alembic-rs ms':>15}{'speed-up':>10}  same"
    )
    print(f"K={args.repeat} rounds after {args.warmup} warm-up; medians of whole processes")
    print(header)
    print("-" * len(header))
    for workload in workloads:
        for n, project in projects.items():
            samples = measure(impls, workload, project, args.warmup, args.repeat)
            theirs = samples["alembic"]
            ours_s = samples.get("alembic-rs")
            ratio = same = ""
            if ours_s and not ours_s.failed and not theirs.failed:
                ratio = (
                    f"{statistics.median(theirs.seconds) / statistics.median(ours_s.seconds):.1f}x"
                )
                if workload.compare_output:
                    same = "yes" if ours_s.stdout == theirs.stdout else "NO"
            print(
                f"{workload.name:<16}{n:>6}{fmt_ms(theirs):>12}"
                f"{fmt_ms(ours_s) if ours_s else '-':>15}{ratio:>10}  {same}"
            )
            for name, sample in samples.items():
                if sample.failed:
                    print(f"    {name}: {sample.failed}")
            rows.append(
                {
                    "workload": workload.name,
                    "args": list(workload.args),
                    "n": n,
                    "seconds": {k: v.seconds for k, v in samples.items()},
                    "failed": {k: v.failed for k, v in samples.items() if v.failed},
                    "same_output": same or None,
                }
            )
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / time.strftime("bench-%Y%m%d-%H%M%S.json")
    out.write_text(
        json.dumps(
            {
                "python": platform.python_version(),
                "machine": platform.machine(),
                "repeat": args.repeat,
                "warmup": args.warmup,
                "rows": rows,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"raw timings: {out.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
