"""narration: turn written health information into listenable audio."""
__version__ = "0.1.0"
