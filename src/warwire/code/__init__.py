"""Event coding: from article text to ACLED-typed event mentions with their evidence."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["code_article", "code_articles", "coder_version"]


def __getattr__(name: str) -> Any:
    """The coder is imported on first use, so that reading the taxonomy (filters in the web
    view and the command line) does not load the NLP stack."""
    if name in ("code_article", "code_articles"):
        from warwire.code import coder

        return getattr(coder, name)
    raise AttributeError(name)


@lru_cache(maxsize=1)
def coder_version() -> str:
    """A short fingerprint of the rules and data that coding depends on.

    Stored with each coded article, so that after an upgrade `warwire run` codes the stored
    articles again instead of keeping mentions made by older rules.
    """
    h = hashlib.sha1()
    root = resources.files("warwire")
    for pkg in ("code", "read", "places"):
        for f in sorted(root.joinpath(pkg).iterdir(), key=lambda p: p.name):
            if f.name.endswith(".py"):
                h.update(f.name.encode() + f.read_bytes())
    for name in ("actors.json", "gazetteer.json.gz", "slant.json", "type_model.json.gz"):
        f = root.joinpath("data", name)
        if f.is_file():
            h.update(name.encode() + f.read_bytes())
    return h.hexdigest()[:12]
