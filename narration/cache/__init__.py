"""Content-addressed caches and what every cached thing depends on."""
