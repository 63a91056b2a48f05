"""Screens pushed over the main view: article, search, export, confirm and help."""
