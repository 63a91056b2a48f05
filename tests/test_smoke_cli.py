from __future__ import annotations

from summarize.cli import main


def test_briefing_of_seeds_cites_sources(seeds, capsys):
    assert main([str(seeds), "-q"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "## Sources" in out
    assert "[1]" in out


def test_output_does_not_depend_on_the_hash_seed(seeds, tmp_path):
    """Sets iterate in a hash-seeded order: every choice made from one needs a full tie-break
    (a disagreement label once alternated between "lawsuit" and "lawsuits")."""
    import json
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "summarize", str(seeds), "-q", "--timeline", "-f", "json"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        briefing = json.loads(run.stdout)
        briefing.pop("timings_s", None)
        outputs.append(briefing)
    assert outputs[0] == outputs[1]
