"""A query over everything the user wrote, ranked; earlier versions kept ready between searches.

Current answers, the tracker and the user's crisis lines are read afresh for every search:
they are few (a hundred answers, a few thousand tracker notes) and change as the user writes.
Earlier versions are most of the workbook (50,000 after two years of daily writing) and do not
change once written, so each answer's earlier versions are folded once, when first searched,
and kept until that answer gets a new version (or a backup is imported over it).

Ranking: the sum of the match levels (whole words first, then word starts, then inside
words), then the most recent first. Earlier versions are ranked in their own list.

`SearchIndex` is safe to use from a worker thread: a search holds the index's lock, and reads
the store through its own (serialized) calls. `stop` is asked between answers and words, so
a search made stale by the next keystroke ends early.
"""

from __future__ import annotations

import datetime as dt
import heapq
import threading
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from workbook.content.models import Catalog, Resources
from workbook.search import places as kinds
from workbook.search.corpus import Corpus, score_all
from workbook.search.documents import (
    Document,
    Labels,
    answer_id,
    answer_text,
    crisis_lines,
    current_answers,
    moment_of,
    stamp_of,
    tracker_entries,
)
from workbook.search.query import Query, parse_query
from workbook.search.results import Result, SearchResults, match_spans
from workbook.store.database import WorkbookStore

DEFAULT_LIMIT = 50
Stop = Callable[[], bool]


class _Versions:
    """The earlier versions of one answer, folded for matching."""

    def __init__(self, ids: tuple[str, str], revisions: list[Any]) -> None:
        self.ids = ids
        earlier = [r for r in revisions[:-1] if isinstance(r, dict)]
        texts = [answer_text(revision.get("value")) for revision in earlier]
        kept = [i for i, text in enumerate(texts) if text.strip()]
        self.texts = [texts[i] for i in kept]
        self.stamps = [stamp_of(earlier[i]) for i in kept]
        self.corpus = Corpus(self.texts)


def _signature(revisions: list[Any]) -> tuple[int, str, str]:
    """What changes when an answer's versions do: a new version, a replaced last one (saves
    in one visit), an import."""
    return (len(revisions), stamp_of(revisions[0]), stamp_of(revisions[-1]))


class SearchIndex:
    def __init__(
        self,
        store: WorkbookStore,
        catalog: Catalog | None = None,
        own_lines: Resources | None = None,
        tz: dt.tzinfo | None = None,
    ) -> None:
        self.store = store
        self.labels = Labels(catalog)
        self.own_lines = own_lines
        self.tz = tz
        self._lock = threading.Lock()
        self._versions: dict[tuple[str, str], tuple[tuple[int, str, str], _Versions]] = {}

    def search(
        self,
        query: str | Query,
        *,
        versions: bool = True,
        limit: int | None = DEFAULT_LIMIT,
        stop: Stop | None = None,
        one_version_per_answer: bool = False,
    ) -> SearchResults | None:
        """Results for `query` (at most `limit` of each list; None: all of them), or None when
        `stop` said to stop before the end. With `one_version_per_answer`, each answer's
        earlier versions give one result, the best (then newest), which counts the others:
        the screen's way, so that one answer rewritten a hundred times does not fill it."""
        query = parse_query(query) if isinstance(query, str) else query
        if query.empty:
            return SearchResults(query, [], [], 0, 0 if versions else None)
        with self._lock:
            answer_docs = self.store.answer_docs()
            current, current_total = self._current(query, answer_docs, limit, stop)
            if stop is not None and stop():
                return None
            if not versions:
                return SearchResults(query, current, [], current_total, None)
            found = self._earlier(query, answer_docs, limit, stop, one_version_per_answer)
            if found is None:
                return None
            return SearchResults(query, current, found[0], current_total, found[1])

    # --- answers as they are now, the tracker, crisis lines -----------------------------

    def current_documents(self, answer_docs: list[dict[str, Any]]) -> list[Document]:
        documents = list(current_answers(answer_docs, self.labels))
        documents += tracker_entries(self.store, self.tz)
        documents += crisis_lines(self.own_lines)
        return documents

    def _current(
        self, query: Query, answer_docs: list[dict[str, Any]], limit: int | None, stop: Stop | None
    ) -> tuple[list[Result], int]:
        documents = self.current_documents(answer_docs)
        corpus = Corpus([document.text for document in documents])
        scores = score_all(corpus, [term.pattern() for term in query.terms], stop)
        best = _best(scores.items(), lambda index: documents[index].when, limit)
        results = [
            _result(
                query, documents[index].place, documents[index].text, score, documents[index].when
            )
            for index, score in best
        ]
        return results, len(scores)

    # --- earlier versions ---------------------------------------------------------------

    def _earlier(
        self,
        query: Query,
        answer_docs: list[dict[str, Any]],
        limit: int | None,
        stop: Stop | None,
        one_per_answer: bool,
    ) -> tuple[list[Result], int] | None:
        patterns = [term.pattern() for term in query.terms]
        hits: list[tuple[int, str, _Versions, int]] = []
        for versions in self._all_versions(answer_docs):
            if stop is not None and stop():
                return None
            for index, score in score_all(versions.corpus, patterns, stop).items():
                hits.append((score, versions.stamps[index], versions, index))
        total = len(hits)
        others: dict[tuple[str, str], int] = {}
        if one_per_answer:
            hits, others = _best_of_each_answer(hits)
        best = _top(hits, limit, key=lambda hit: (hit[0], hit[1]))
        results = []
        for score, stamp, versions, index in best:
            place = self.labels.place(kinds.VERSION, *versions.ids, moment_of(stamp))
            result = _result(query, place, versions.texts[index], score, stamp)
            if others.get(versions.ids):
                result = msgspec.structs.replace(result, other_versions=others[versions.ids])
            results.append(result)
        return results, total

    def _all_versions(self, answer_docs: list[dict[str, Any]]) -> list[_Versions]:
        """Each answer's earlier versions, folded once and kept while the answer is unchanged."""
        found = []
        seen = set()
        for doc in answer_docs:
            ids, revisions = answer_id(doc), doc.get("revisions")
            if ids is None or not isinstance(revisions, list) or len(revisions) < 2:
                continue
            seen.add(ids)
            signature = _signature(revisions)
            cached = self._versions.get(ids)
            if cached is None or cached[0] != signature:
                cached = (signature, _Versions(ids, revisions))
                self._versions[ids] = cached
            found.append(cached[1])
        for gone in self._versions.keys() - seen:
            del self._versions[gone]
        return found


def _best_of_each_answer(
    hits: list[tuple[int, str, _Versions, int]],
) -> tuple[list[tuple[int, str, _Versions, int]], dict[tuple[str, str], int]]:
    best: dict[tuple[str, str], tuple[int, str, _Versions, int]] = {}
    counts: dict[tuple[str, str], int] = {}
    for hit in hits:
        ids = hit[2].ids
        counts[ids] = counts.get(ids, 0) + 1
        if ids not in best or (hit[0], hit[1]) > (best[ids][0], best[ids][1]):
            best[ids] = hit
    return list(best.values()), {ids: count - 1 for ids, count in counts.items()}


def _best(scores: Any, when: Callable[[int], str], limit: int | None) -> list[tuple[int, int]]:
    """(index, score) pairs, best first: by score, then by recency."""
    return _top(list(scores), limit, key=lambda item: (item[1], when(item[0])))


def _top(items: Sequence[Any], limit: int | None, key: Callable[[Any], Any]) -> list[Any]:
    if limit is None or limit >= len(items):
        return sorted(items, key=key, reverse=True)
    return heapq.nlargest(limit, items, key=key)


def _result(query: Query, place: Any, text: str, score: int, when: str) -> Result:
    return Result(place, text, match_spans(text, query.terms), score, when)


def search(
    store: WorkbookStore,
    query: str,
    *,
    catalog: Catalog | None = None,
    own_lines: Resources | None = None,
    versions: bool = True,
    limit: int | None = DEFAULT_LIMIT,
) -> SearchResults:
    """One search, without keeping anything for the next (the command line's case)."""
    found = SearchIndex(store, catalog, own_lines).search(query, versions=versions, limit=limit)
    assert found is not None  # nothing asks it to stop
    return found
