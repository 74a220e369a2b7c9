"""Chats and subscriptions: the core behind /subscribe, /subscriptions, /unsubscribe, /lang."""

from __future__ import annotations

import pytest

from bot import chats
from bot.chats import SubscriptionError, SubscriptionSpec, parse_subscription
from bot.store.models import Chat


def test_arabic_users_get_arabic_others_english_and_unknown_arabic() -> None:
    assert chats.language_from_telegram("ar") == "ar"
    assert chats.language_from_telegram("ar-SA") == "ar"
    assert chats.language_from_telegram("en-GB") == "en"
    assert chats.language_from_telegram("fr") == "en"
    assert chats.language_from_telegram(None) == "ar"


def test_subscribe_all_needs_no_value() -> None:
    assert parse_subscription(["all"]) == SubscriptionSpec("all", "", "", "instant")


def test_country_accepts_a_code_or_an_arabic_or_english_name() -> None:
    assert parse_subscription(["country", "sy"]).value == "SY"
    assert parse_subscription(["country", "سوريا"]).value == "SY"
    assert parse_subscription(["country", "Jordan"]).value == "JO"


def test_an_unknown_country_is_refused_with_its_name() -> None:
    with pytest.raises(SubscriptionError) as err:
        parse_subscription(["country", "Atlantis"])
    assert err.value.key == "sub_bad_country"
    assert err.value.args_ == {"value": "Atlantis"}


def test_keyword_values_are_folded_for_matching_but_kept_as_written() -> None:
    spec = parse_subscription(["keyword", "الأُمم", "المتحدة"])
    assert spec.value == "الأُمم المتحدة"
    assert spec.normalized_value == "الامم المتحده"


def test_a_trailing_mode_word_chooses_the_digest() -> None:
    spec = parse_subscription(["accused", "إسرائيل", "digest"])
    assert (spec.kind, spec.value, spec.mode) == ("accused", "إسرائيل", "digest")


def test_arabic_kind_names_are_understood() -> None:
    assert parse_subscription(["كلمة", "التحالف"]).kind == "keyword"


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ([], "sub_missing_kind"),
        (["weather"], "sub_unknown_kind"),
        (["keyword"], "sub_missing_value"),
        (["keyword", "ب" * 101], "sub_value_too_long"),
    ],
)
def test_bad_subscriptions_name_the_problem(args: list[str], key: str) -> None:
    with pytest.raises(SubscriptionError) as err:
        parse_subscription(args)
    assert err.value.key == key


async def test_a_chat_is_created_once_with_the_users_language(db) -> None:
    async with db.sessions() as s:
        chat, created = await chats.get_or_create_chat(s, 42, language_code="en-US")
        assert created and chat.language == "en"
        chat, created = await chats.get_or_create_chat(s, 42, language_code="ar", title="renamed")
        assert not created and chat.language == "en" and chat.title == "renamed"


async def test_a_deactivated_chat_that_writes_again_is_active_again(db) -> None:
    async with db.sessions() as s:
        s.add(Chat(id=7, active=False, deactivated_reason="blocked"))
        await s.commit()
        chat, _ = await chats.get_or_create_chat(s, 7)
        assert chat.active and chat.deactivated_reason is None


async def test_language_can_be_changed(db) -> None:
    async with db.sessions() as s:
        await chats.get_or_create_chat(s, 1, language_code="ar")
        await chats.set_language(s, 1, "en")
        await s.commit()
        assert await chats.chat_language(s, 1) == "en"


async def test_spelling_variants_are_one_subscription_and_resubscribing_changes_the_mode(
    db,
) -> None:
    async with db.sessions() as s:
        await chats.get_or_create_chat(s, 1)
        first, created = await chats.add_subscription(
            s, 1, parse_subscription(["keyword", "الأمم"])
        )
        assert created
        again, created = await chats.add_subscription(
            s, 1, parse_subscription(["keyword", "الامم", "digest"])
        )
        assert not created and again.id == first.id and again.mode == "digest"
        assert len(await chats.list_subscriptions(s, 1)) == 1


async def test_a_chat_cannot_touch_another_chats_subscription(db) -> None:
    async with db.sessions() as s:
        for cid in (1, 2):
            await chats.get_or_create_chat(s, cid)
        sub, _ = await chats.add_subscription(s, 1, parse_subscription(["all"]))
        assert await chats.remove_subscription(s, 2, sub.id) is False
        assert await chats.toggle_mode(s, 2, sub.id) is None
        assert (await chats.toggle_mode(s, 1, sub.id)).mode == "digest"
        assert await chats.remove_subscription(s, 1, sub.id) is True
        assert await chats.list_subscriptions(s, 1) == []


async def test_unsubscribe_with_words_removes_only_what_they_describe(db) -> None:
    async with db.sessions() as s:
        await chats.get_or_create_chat(s, 1)
        await chats.add_subscription(s, 1, parse_subscription(["country", "SY"]))
        await chats.add_subscription(s, 1, parse_subscription(["keyword", "التحالف"]))
        assert await chats.remove_matching(s, 1, ["country", "سوريا"]) == 1
        assert [x.kind for x in await chats.list_subscriptions(s, 1)] == ["keyword"]


async def test_the_number_of_subscriptions_is_capped(db) -> None:
    async with db.sessions() as s:
        await chats.get_or_create_chat(s, 1)
        for i in range(chats.MAX_SUBSCRIPTIONS):
            await chats.add_subscription(s, 1, parse_subscription(["keyword", f"كلمة{i}"]))
        with pytest.raises(SubscriptionError) as err:
            await chats.add_subscription(s, 1, parse_subscription(["keyword", "زائدة"]))
        assert err.value.key == "sub_too_many"


async def test_two_first_updates_of_a_new_chat_racing_make_one_row(db) -> None:
    async with db.sessions() as first:
        await chats.get_or_create_chat(first, 99, language_code="en")
        await first.commit()
    async with db.sessions() as late:
        # The late update looked before the first one committed: make its first look miss.
        real_get = late.get
        misses = iter([None])

        async def stale_get(*args, **kwargs):  # type: ignore[no-untyped-def]
            try:
                return next(misses)
            except StopIteration:
                return await real_get(*args, **kwargs)

        late.get = stale_get  # type: ignore[method-assign]
        chat, created = await chats.get_or_create_chat(late, 99, language_code="ar", title="t")
        await late.commit()
    assert not created and chat.language == "en" and chat.title == "t"
