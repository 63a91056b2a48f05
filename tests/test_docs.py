"""README against the real CLI (as sqlite-utils tests its docs), and the layering contract."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli import VERBS, build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _brief_options() -> set[str]:
    parser = build_parser()
    brief = parser._subparsers._group_actions[0].choices["brief"]  # type: ignore[union-attr]
    return {
        option
        for action in brief._actions
        for option in action.option_strings
        if option not in ("-h", "--help")
    }


def _table_options() -> set[str]:
    section = README.split("Options of `summarize [brief]`", 1)[1].split("Exit status", 1)[0]
    found = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            cell = row.split("|")[1]
            found |= set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", cell))
    return found


def test_readme_option_table_matches_help() -> None:
    assert _table_options() == _brief_options()


def test_readme_names_every_verb() -> None:
    for verb in VERBS:
        assert f"summarize {verb}" in README


def test_help_texts_describe_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    from summarize.cli import main

    assert main(["brief", "--help"]) == 0
    text = capsys.readouterr().out
    for option in _brief_options():
        assert option in text


@pytest.mark.skipif(
    shutil.which("lint-imports") is None
    and not Path(sys.executable).with_name("lint-imports").exists(),
    reason="import-linter is not installed",
)
def test_import_layering_contracts_hold() -> None:
    tool = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([tool], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_the_python_api_example_runs_as_written() -> None:
    """The README's Python API block, run as a new user would paste it (the new-user audit
    found `load()`'s return undocumented)."""
    section = README.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None
    done = subprocess.run(
        [sys.executable, "-c", code.group(1)], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert "[1]" in done.stdout or "[2]" in done.stdout  # the briefing printed with citations
