"""Recognizers declared as data (catalog.py) with their validators and word lists."""
