#!/usr/bin/env python3
"""Command-line entry of narration: `python build_audio.py --help`."""
from narration.cli import run

if __name__ == "__main__":
    run()
