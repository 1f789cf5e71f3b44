"""Writing an export so that a reader never sees half a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_json_atomic(obj: Any, path: Path) -> None:
    """Write OBJ as JSON beside PATH, then move it into place (a crash leaves the old file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False)
    tmp.replace(path)
