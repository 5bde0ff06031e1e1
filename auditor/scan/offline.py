"""Offline set-up for libraries that would otherwise reach the network.

tldextract (used by Presidio's e-mail and URL recognizers and by our e-mail validator) fetches
the public suffix list on first use and hangs without network (presidio#1205); with
`suffix_list_urls=()` it uses the snapshot bundled in the wheel (tldextract#365).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def offline_tldextract() -> Any:
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def patch_tldextract() -> None:
    """Make the module-level `tldextract.extract` (what Presidio calls) use the snapshot."""
    import tldextract

    extractor = offline_tldextract()
    tldextract.extract = extractor  # type: ignore[assignment]
    if hasattr(tldextract, "tldextract"):
        tldextract.tldextract.TLD_EXTRACTOR = extractor  # type: ignore[attr-defined]
