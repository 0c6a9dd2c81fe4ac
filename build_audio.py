#!/usr/bin/env python3
"""Command-line entry of narration: `python build_audio.py --help`."""
import sys

from narration.cli import main

if __name__ == "__main__":
    sys.exit(main())
