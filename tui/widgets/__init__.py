"""The panels of the main screen: sources, briefing, evidence and the status line."""
