"""Search matching, without a store: folding, reading a query, positions, snippets."""

from __future__ import annotations

import pytest

from workbook.search.corpus import INSIDE, WHOLE_WORD, WORD_START, Corpus, score_all
from workbook.search.folding import fold, fold_with_origins
from workbook.search.query import Term, as_query_text, parse_query
from workbook.search.results import make_snippet, match_spans


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Café", "cafe"),
        ("CAFÉ crème", "cafe creme"),
        ("Straße", "strasse"),
        ("Søren Łukasz Æsa", "soren lukasz aesa"),
        ("he said “never” – it’s over", 'he said "never" - it\'s over'),
        ("Ἀθῆναι", "αθηναι"),
        ("ﬁne", "fine"),
    ],
)
def test_folding_drops_case_accents_and_lookalikes(text, folded):
    assert fold(text) == folded


def test_folding_keeps_the_vowel_signs_of_other_scripts():
    # Devanagari vowel signs are letters, not accents: "किताब" must not become "कतब".
    assert fold("किताब") == "किताब"


def test_folding_remembers_where_each_character_came_from():
    folded, origins = fold_with_origins("Straße, Café")
    assert folded == "strasse, cafe"
    assert origins is not None
    assert [origins[i] for i in range(len(folded))][4:7] == [4, 4, 5]  # ß gave "ss"
    assert fold_with_origins("plain") == ("plain", None)


def test_a_query_is_words_and_quoted_phrases():
    query = parse_query('Sister "the  Funeral" café')
    assert [term.words for term in query.terms] == [("sister",), ("the", "funeral"), ("cafe",)]
    assert query.terms[1].phrase


def test_a_quote_still_open_runs_to_the_end():
    assert [t.words for t in parse_query('"the fun').terms] == [("the", "fun")]


def test_curly_quotes_make_a_phrase_and_punctuation_around_words_is_left_out():
    query = parse_query("“my sister” (funeral), sister")
    assert [term.words for term in query.terms] == [("my", "sister"), ("funeral",), ("sister",)]


def test_an_empty_query_has_no_terms():
    assert parse_query("").empty
    assert parse_query('   "" , ').empty


def test_command_line_words_with_spaces_are_phrases():
    assert as_query_text(["the funeral", "sister"]) == '"the funeral" sister'
    assert as_query_text(['"already quoted"']) == '"already quoted"'


def test_a_phrase_matches_across_any_spaces_and_line_ends_but_in_order():
    pattern = Term(("the", "funeral")).pattern()
    assert pattern.search("at the\n  funeral")
    assert not pattern.search("funeral the")


def test_match_levels_rank_whole_words_over_word_starts_over_insides():
    corpus = Corpus(["my sister", "sisterhood", "persistent"])
    levels = corpus.levels(Term(("sister",)).pattern())
    assert levels == {0: WHOLE_WORD, 1: WORD_START}
    assert corpus.levels(Term(("sist",)).pattern()) == {0: WORD_START, 1: WORD_START, 2: INSIDE}


def test_every_word_must_be_found_in_the_same_text():
    corpus = Corpus(["sister at the funeral", "funeral", "my sister"])
    patterns = [Term(("funeral",)).pattern(), Term(("sister",)).pattern()]
    assert score_all(corpus, patterns) == {0: 2 * WHOLE_WORD}


def test_a_stray_separator_in_a_text_does_not_split_it():
    corpus = Corpus(["one\x00two", "three"])
    assert corpus.size == 2
    assert corpus.levels(Term(("three",)).pattern()) == {1: WHOLE_WORD}


def test_positions_point_at_the_words_as_written():
    text = "Das Café an der Straße"
    spans = match_spans(text, parse_query("cafe strasse").terms)
    assert [text[start:end] for start, end in spans] == ["Café", "Straße"]


def test_a_snippet_is_one_line_around_the_first_match():
    text = "First line.\n\n" + "words " * 40 + "and then the funeral came\twith\x1b[31m rain"
    spans = match_spans(text, parse_query("funeral").terms)
    snippet = make_snippet(text, spans, 40)
    assert "\n" not in snippet.text and "\x1b" not in snippet.text and "\t" not in snippet.text
    assert len(snippet.text) <= 40
    assert snippet.text.startswith("…") and snippet.text.endswith("rain")
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["funeral"]


def test_a_snippet_marks_a_line_break_and_cuts_a_long_text():
    text = "my sister\ncalled me " + "and we talked " * 20
    spans = match_spans(text, parse_query("sister called").terms)
    snippet = make_snippet(text, spans, 30)
    assert snippet.text.startswith("my sister · called me")
    assert snippet.text.endswith("…") and len(snippet.text) <= 30
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["sister", "called"]


def test_a_whole_word_after_the_term_inside_other_words_still_counts():
    corpus = Corpus(["persistent sisterhood, and my sister"])
    assert corpus.levels(Term(("sister",)).pattern()) == {0: WHOLE_WORD}
    assert corpus.levels(Term(("sister",)).pattern(), among={0}) == {0: WHOLE_WORD}
