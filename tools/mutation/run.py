"""`make mutation`: mutmut over the core modules, summed up one line per module.

Runs mutmut 3 (configured in pyproject.toml, `[tool.mutmut]`) on a fresh copy under
mutants/, then prints for each module it mutates

    <path>: <killed>/<total> killed, <equivalent> equivalent

and a total line. A mutant counts as killed when a test failed (or it ran into its time
limit). Surviving mutants that no behaviour can tell apart from the code are listed, with
the reason, in tests/mutation/equivalent.yaml, keyed by module, function, the source line
and the line mutmut made of it (mutmut's numbers change whenever a function changes). Every
other survivor is printed as a diff; the exit status is 1 when a module is below the target
(killed plus equivalent under 90 % of its mutants) or an entry of equivalent.yaml matches
no surviving mutant (stale).

    python tools/mutation/run.py            # a fresh run (about a minute on 2 cores)
    python tools/mutation/run.py --report   # only the summary of the last run
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
MUTANTS = REPO / "mutants"
EQUIVALENT = REPO / "tests" / "mutation" / "equivalent.yaml"
LOG = MUTANTS / "mutmut.log"
TARGET = 0.90
#: mutmut's exit codes that mean the tests noticed the mutant: 1 a test failed, 3 pytest
#: broke, 255 the test process failed outright (the mutant breaks importing explainer),
#: -9 the kernel killed it (an endless loop filled the memory), the rest the CPU time
#: limit (an endless loop); mutmut calls 255 a timeout too
KILLED = {1, 3, 24, -24, -9, 152, 255, 36}
#: mutmut's separator in the names of methods' mutants (`xǁStoryǁnext_event__mutmut_3`)
CLASS_SEP = "\u01c1"


@dataclass(frozen=True)
class Mutant:
    name: str  # mutmut's, e.g. explainer.markup.x_escape__mutmut_3
    module: str  # explainer/markup.py
    function: str  # escape, Story.next_event
    original: str  # the source lines the mutation changed (stripped, one per line)
    mutated: str  # what mutmut made of them
    exit_code: int | None

    @property
    def killed(self) -> bool:
        return self.exit_code in KILLED

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.module, self.function, self.original, self.mutated)


def modules() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


def run_mutmut(jobs: int) -> None:
    if MUTANTS.exists():  # a fresh copy: results of the current code and tests only
        shutil.rmtree(MUTANTS)
    MUTANTS.mkdir()
    (MUTANTS / "bench").mkdir()  # for bench/synthetic.py (also_copy copies a file only)
    mutmut = Path(sys.executable).with_name("mutmut")
    with LOG.open("w", encoding="utf-8") as log:
        result = subprocess.run(
            [str(mutmut), "run", "--max-children", str(jobs)],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    if result.returncode != 0:
        sys.exit(f"mutmut failed (exit status {result.returncode}); see {LOG}")


def _display_name(mangled: str) -> str:
    """`x_escape` -> `escape`; `xǁStoryǁnext_event` -> `Story.next_event`."""
    if mangled.startswith("x" + CLASS_SEP):
        return ".".join(mangled[2:].split(CLASS_SEP))
    return mangled.removeprefix("x_")


def _functions(mutated_file: Path) -> dict[str, list[str]]:
    """Every generated function (`…__mutmut_orig`, `…__mutmut_<n>`) -> its lines."""
    source = mutated_file.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and "__mutmut_" in node.name:
            own = [line.strip() for line in lines[node.lineno - 1 : node.end_lineno]]
            # the `def` line too (a mutated default value), under the function's own name
            own[0] = own[0].replace(node.name, _display_name(node.name.rpartition("__")[0]), 1)
            found[node.name] = own
    return found


def _change(original: list[str], mutated: list[str]) -> tuple[str, str]:
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=original, b=mutated, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += original[i1:i2]
            added += mutated[j1:j2]
    return "\n".join(removed), "\n".join(added)


def mutants_of(module: str) -> list[Mutant]:
    meta = MUTANTS / (module + ".meta")
    if not meta.is_file():
        sys.exit(f"{meta.relative_to(REPO)} is missing: did mutmut run?")
    exit_codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))[
        "exit_code_by_key"
    ]
    functions = _functions(MUTANTS / module)
    result = []
    for name, exit_code in exit_codes.items():
        generated = name.rpartition(".")[2]
        mangled = generated.rpartition("__mutmut_")[0]
        original, mutated = _change(functions[mangled + "__mutmut_orig"], functions[generated])
        result.append(Mutant(name, module, _display_name(mangled), original, mutated, exit_code))
    return result


def equivalent_entries() -> dict[tuple[str, str, str, str], str]:
    entries = yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or []
    table: dict[tuple[str, str, str, str], str] = {}
    for entry in entries:
        key = (entry["module"], entry["function"], entry["original"], entry["mutated"])
        if key in table:
            sys.exit(f"{EQUIVALENT.relative_to(REPO)}: listed twice: {key}")
        if not str(entry.get("reason", "")).strip():
            sys.exit(f"{EQUIVALENT.relative_to(REPO)}: no reason given for {key}")
        table[key] = entry["reason"]
    return table


def _show(mutant: Mutant) -> str:
    status = "no test calls it" if mutant.exit_code in (5, 33) else f"exit {mutant.exit_code}"
    lines = [f"  {mutant.module} {mutant.function} ({mutant.name.rpartition('.')[2]}, {status})"]
    lines += [f"    - {line}" for line in mutant.original.splitlines()]
    lines += [f"    + {line}" for line in mutant.mutated.splitlines()]
    return "\n".join(lines)


def report() -> bool:
    """Prints the summary; True when every module reaches the target."""
    equivalent = equivalent_entries()
    used: set[tuple[str, str, str, str]] = set()
    survivors: list[Mutant] = []
    summary: list[str] = []
    ok = True
    totals = [0, 0, 0]
    for module in modules():
        mutants = mutants_of(module)
        killed = sum(m.killed for m in mutants)
        same = 0
        for mutant in mutants:
            if mutant.killed:
                continue
            if mutant.key in equivalent:
                used.add(mutant.key)
                same += 1
            else:
                survivors.append(mutant)
        if killed + same < TARGET * len(mutants):
            ok = False
        totals = [totals[0] + killed, totals[1] + len(mutants), totals[2] + same]
        summary.append(f"{module}: {killed}/{len(mutants)} killed, {same} equivalent")
    if survivors:
        print(f"{len(survivors)} surviving mutants (not listed as equivalent):")
        print("\n".join(_show(m) for m in survivors))
        print()
    stale = [key for key in equivalent if key not in used]  # killed by now, or code changed
    if stale:
        ok = False
        print(f"{EQUIVALENT.relative_to(REPO)}: entries that match no surviving mutant:")
        for module, function, original, mutated in stale:
            print(f"  {module} {function}: {original!r} -> {mutated!r}")
        print()
    print("\n".join(summary))
    killed, total, same = totals
    share = (killed + same) / total if total else 1.0
    print(f"total: {killed}/{total} killed, {same} equivalent ({share:.1%} killed or equivalent)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="summarise the last run only")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args(argv)
    os.chdir(REPO)
    if not args.report:
        start = time.monotonic()
        run_mutmut(args.jobs)
        print(f"mutmut ran in {time.monotonic() - start:.0f} s ({args.jobs} jobs)\n")
    return 0 if report() else 1


if __name__ == "__main__":
    sys.exit(main())
