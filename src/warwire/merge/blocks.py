"""Which stored mentions a merge must link again: the blocks that new reports touch.

Linking only ever compares a mention with the events filed under an index key (place, cell,
name, province, toll; day) that it looks up. Two mentions are in one block when one looks
up a key and day under which the other is filed, and blocks are closed under that relation.
Linking is greedy but runs in one canonical order (`link.canonical_order`), so linking a
block alone gives exactly the events that linking every stored mention at once would give.
A merge therefore re-links from scratch the blocks holding a new (or orphaned) mention and
keeps every other event as stored: the events are a function of the stored mentions, not of
the order or the batches in which they arrived.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from warwire.records import Mention

Bucket = tuple[tuple, int]  # (index key, day ordinal)


class _Union:
    """Union-find over 0..n-1 with path halving."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def blocks_of(
    mentions: Sequence[Mention],
    filed: Callable[[Mention], Iterable[Bucket]],
    looked_up: Callable[[Mention], Iterable[Bucket]],
) -> list[int]:
    """A block number for each of MENTIONS (the smallest index in its block).

    FILED and LOOKED_UP give the (key, day) buckets a mention is filed under and looks up.
    The members of a bucket are joined only when some mention looks the bucket up: a bucket
    nobody reads links nobody."""
    members: dict[Bucket, list[int]] = {}
    for i, m in enumerate(mentions):
        for b in filed(m):
            members.setdefault(b, []).append(i)
    uf = _Union(len(mentions))
    joined: set[Bucket] = set()
    for i, m in enumerate(mentions):
        for b in looked_up(m):
            ids = members.get(b)
            if not ids:
                continue
            if b not in joined:
                joined.add(b)
                first = ids[0]
                for j in ids[1:]:
                    uf.join(first, j)
            uf.join(i, ids[0])
    return [uf.find(i) for i in range(len(mentions))]


def touched(
    mentions: Sequence[Mention],
    seeds: set[str],
    filed: Callable[[Mention], Iterable[Bucket]],
    looked_up: Callable[[Mention], Iterable[Bucket]],
) -> set[str]:
    """Ids of the mentions in the blocks that hold a mention of SEEDS."""
    if not seeds:
        return set()
    block = blocks_of(mentions, filed, looked_up)
    hit = {block[i] for i, m in enumerate(mentions) if m.id in seeds}
    return {m.id for i, m in enumerate(mentions) if block[i] in hit}
