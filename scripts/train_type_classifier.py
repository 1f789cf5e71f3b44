"""Train the sub-event type model shipped in src/warwire/data/type_model.json.gz.

Reads the CASE 2021 task 2 snippets from ../shared at training time (they are never copied
into the repository), builds each snippet's features with the same code the pipeline uses
(lemmas, cue phrases, the rule coder's verdicts) and fits the linear model on all of them,
together with the invented sentences of scripts/type_examples.tsv (written from ACLED's
codebook, never from CASE: they teach the words of each type that a small CASE half lacks).
Deterministic: the same data give a byte-identical file.

Usage: .venv/bin/python scripts/train_type_classifier.py [--shared ../shared] [--out FILE]
       [--examples scripts/type_examples.tsv]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from warwire.code.case2021 import DEV, read_case
from warwire.code.classify import features_of, parse
from warwire.code.type_model import MODEL_FILE, read_examples, save_model, train

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
EXAMPLES = ROOT / "scripts" / "type_examples.tsv"


def invented_examples(path: Path = EXAMPLES) -> list[tuple[list[str], str]]:
    """The invented sentences' model features and labels (the same features as a snippet's)."""
    return [(features_of(*parse(text))[0], label) for label, text in read_examples(path)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "warwire" / "data" / MODEL_FILE)
    ap.add_argument("--examples", type=Path, default=EXAMPLES)
    a = ap.parse_args()
    path = a.shared / DEV
    snippets = read_case(path)
    t0 = time.perf_counter()
    examples = [(features_of(*parse(s.text))[0], s.label) for s in snippets]
    invented = invented_examples(a.examples)
    examples += invented
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    meta = {
        "trained_on": "CASE 2021 shared task 2, test set, odd ids (../shared/" + str(DEV) + ")",
        "data_sha256_16": digest,
        "invented_examples": len(invented),
        "invented_sha256_16": hashlib.sha256(a.examples.read_bytes()).hexdigest()[:16],
        "labels_from": "ACLED sub-event types; CASE's non-ACLED labels mapped to 'none'",
    }
    model = train(examples, meta=meta)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    save_model(model, a.out)
    print(
        f"{len(snippets)} snippets + {len(invented)} invented sentences, {len(model.vocab)}"
        f" features, {len(model.labels)} labels,"
        f" {time.perf_counter() - t0:.1f}s -> {a.out} ({a.out.stat().st_size / 1024:.0f} KiB)"
    )


if __name__ == "__main__":
    main()
