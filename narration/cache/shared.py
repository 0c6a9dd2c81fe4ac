"""A clip cache shared by many builds and machines, by URL (s3://bucket/prefix, file:///path, gs://, az://).

Through obstore (the Python binding of the Rust `object_store` crate): one small wheel with no Python
dependencies that speaks S3, GCS, Azure and local folders alike, and whose create-only put (`mode="create"`:
S3's If-None-Match, an atomic no-clobber link on a local folder) is what a content-addressed cache shared by
concurrent writers needs. fsspec/s3fs would bring aiobotocore and has no portable create-only write.

Entries are the local cache's own files (clips/ab/<key>.wav with their sha256 chunk): a reader checks them
exactly as it checks a local one, so a damaged entry stays a miss; it is never overwritten (create-only),
the build just keeps its own good copy. Credentials and endpoints come from the usual environment
variables (AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, AWS_ALLOW_HTTP, ...).
"""
from __future__ import annotations

from narration.errors import InputError


class SharedStore:
    """Create-only byte entries under one URL."""

    def __init__(self, url: str) -> None:
        from obstore.store import from_url

        self.url = url
        try:
            self._store = from_url(url, mkdir=True) if url.startswith("file://") else from_url(url)
        except Exception as err:  # obstore's errors name the bad part of the URL or config
            raise InputError(url, f"cannot open the shared cache: {err}") from None

    def get(self, path: str) -> bytes | None:
        """The entry's bytes, or None when there is none."""
        import obstore

        try:
            return bytes(obstore.get(self._store, path).bytes())
        except FileNotFoundError:
            return None
        except Exception as err:  # unreachable, refused: one line naming the cache, not a silent cold build
            raise InputError(self.url, f"shared cache: {err}") from None

    def put(self, path: str, data: bytes) -> None:
        """Store the entry unless it exists (another worker or build made the same content first)."""
        import obstore
        from obstore.exceptions import AlreadyExistsError, PreconditionError

        try:
            obstore.put(self._store, path, data, mode="create")
        except (AlreadyExistsError, PreconditionError):
            pass
        except Exception as err:
            raise InputError(self.url, f"shared cache: {err}") from None


def shared_store(url: str) -> SharedStore | None:
    """The shared store a build was given (--cache URL), if any."""
    return SharedStore(url) if url else None
