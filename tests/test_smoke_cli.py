from __future__ import annotations

from summarize.cli import main


def test_briefing_of_seeds_cites_sources(seeds, capsys):
    assert main([str(seeds), "-q"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "## Sources" in out
    assert "[1]" in out
