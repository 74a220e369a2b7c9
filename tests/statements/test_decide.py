"""Deciding what a polled item means: plain functions, no database, no network."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.statements import decide
from bot.statements import fingerprint as fp
from bot.statements.decide import Join, Known, New, Revision, Unchanged
from bot.summarize.model import Accusation, Summary


@dataclass(frozen=True)
class Item:
    guid: str
    content_hash: str = "h1"
    published: datetime = datetime(2026, 1, 1, tzinfo=UTC)


def known(content_hash: str = "h1", fingerprint: str | None = "f1", sid: int | None = 7) -> Known:
    return Known(
        entry_id=1, content_hash=content_hash, text_fingerprint=fingerprint, statement_id=sid
    )


def test_an_item_never_seen_is_new() -> None:
    assert decide.decide([Item("a")], {}, set()) == [New(Item("a"))]


def test_a_known_item_with_the_same_content_is_unchanged() -> None:
    assert decide.decide([Item("a")], {"a": known()}, set()) == [Unchanged(Item("a"))]


def test_a_known_item_whose_content_changed_is_a_revision() -> None:
    item = Item("a", content_hash="h2")
    assert decide.decide([item], {"a": known()}, set()) == [Revision(item, known())]


def test_an_item_pruned_by_retention_is_not_new_again() -> None:
    assert decide.decide([Item("a")], {}, {"a"}) == [Unchanged(Item("a"))]


def test_a_guid_repeated_in_one_feed_counts_once_first_copy_wins() -> None:
    first, second = Item("a", content_hash="x"), Item("a", content_hash="y")
    assert decide.decide([first, second], {}, set()) == [New(first)]


def test_at_most_max_items_are_considered() -> None:
    items = [Item(f"g{n}") for n in range(decide.MAX_ITEMS + 5)]
    assert len(decide.decide(items, {}, set())) == decide.MAX_ITEMS


def test_a_seeded_feed_alerts_every_new_item() -> None:
    items = [Item("a"), Item("b")]
    assert decide.alerting(items, seeded=True, backfill=0) == {"a", "b"}


def test_a_first_poll_alerts_only_the_newest_backfill_items() -> None:
    old = Item("old", published=datetime(2025, 1, 1, tzinfo=UTC))
    new = Item("new", published=datetime(2026, 6, 1, tzinfo=UTC))
    assert decide.alerting([old, new], seeded=False, backfill=1) == {"new"}
    assert decide.alerting([old, new], seeded=False, backfill=0) == set()


def test_only_url_tag_or_urn_guids_identify_an_item_across_sites() -> None:
    assert decide.guid_is_global("https://mofa.example/st/1")
    assert decide.guid_is_global("tag:mofa.example,2026:1")
    assert not decide.guid_is_global("1234")


def test_a_known_link_or_global_guid_joins_its_statement() -> None:
    by_link, by_guid = {"mofa.example/st/1": 3}, {"urn:x:statement:9": 4}
    assert decide.known_statement("mofa.example/st/1", "1", by_link, by_guid) == 3
    assert decide.known_statement(None, "urn:x:statement:9", by_link, by_guid) == 4
    assert decide.known_statement("other.example/x", "2", by_link, by_guid) is None


def test_a_change_touches_the_statement_only_when_its_text_changed() -> None:
    assert decide.touches_statement("f2", known(fingerprint="f1"))
    assert not decide.touches_statement("f1", known(fingerprint="f1"))
    assert not decide.touches_statement("f2", known(sid=None))


def test_a_new_accusation_is_material_even_with_the_same_words() -> None:
    before = Summary(is_statement=True)
    after = Summary(is_statement=True, accusations=[Accusation("X", "war_crimes", "t")])
    words = "ندين بشدة القصف الذي استهدف المدنيين في المدينة".split()
    assert decide.is_material(before, after, " ".join(words), words)


def test_a_fixed_typo_is_not_material() -> None:
    text = " ".join(f"word{n}" for n in range(60))
    tokens = fp.normalize_tokens(text)
    tokens[30] = "ward30"
    assert not decide.is_material(Summary(), Summary(), text, tokens)


def test_a_rewritten_text_is_material() -> None:
    old = " ".join(f"word{n}" for n in range(60))
    new = fp.normalize_tokens(" ".join(f"other{n}" for n in range(60)))
    assert decide.is_material(Summary(), Summary(), old, new)


def test_join_names_the_statement_it_joins() -> None:
    assert Join(Item("a"), 5).statement_id == 5


def _text(words: str) -> decide.Text:
    tokens = fp.normalize_tokens(words)
    return decide.Text(fp.fingerprint(tokens), fp.simhash(tokens), tokens)


def test_a_batch_item_repeating_an_earlier_one_is_its_twin() -> None:
    from tests.feeds import samples as S

    texts = [_text(S.BORDER), _text(S.WATER), _text(S.BORDER_RETYPED), _text(S.WATER)]
    # the retyped copy is near (SimHash + bigrams); the second WATER is exact
    assert decide.batch_twins(texts) == {2: 0, 3: 1}


def test_distinct_items_and_items_without_words_are_never_twins() -> None:
    from tests.feeds import samples as S

    empty = decide.Text(fp.fingerprint([]), None, [])
    texts = [_text(S.ENERGY), empty, _text(S.WEATHER), empty]
    assert decide.batch_twins(texts) == {}
