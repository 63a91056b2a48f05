"""Terminal UI for `summarize`: toggle sources, read the cited briefing, check its evidence.

The UI holds no summarising logic: every briefing comes from `summarize.api.summarize`, so it
matches the CLI's output for the same sources and settings.
"""
