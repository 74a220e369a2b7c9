"""The accusation scan's word filter skips only words where no party can start.

``accusations._no_actor_at`` lets ``_Context._actors`` pass over a word without asking
``_Context._actor_at``; this holds it to what ``_actor_at`` answers at every word of
texts written for this test (no corpus text).
"""

from __future__ import annotations

from bot.summarize import accusations as acc
from bot.summarize import attribution as A
from bot.summarize.model import Issuer
from bot.summarize.text import prepare, split_sentences

TEXTS = (
    "قالت وزارة الخارجية السورية في بيان اليوم إن قوات الاحتلال الإسرائيلي قصفت مواقع "
    "في ريف دمشق، واتهمت الولايات المتحدة الأمريكية بدعم الجماعات الإرهابية. "
    "وحملت الوزارة التحالف الدولي وتركيا المسؤولية، وطالبت مجلس الأمن بالتحرك. "
    "وقال المتحدث باسم الجيش اللبناني إن المواطن فواز أصيب بنيران العدو لقوات الاحتلال.",
    "أدانت المملكة العربية السعودية الهجوم الذي شنته ميليشيا الحوثي على جازان، "
    "وأكدت أن النظام الإيراني يتحمل المسؤولية عن تزويد الميليشيات بالصواريخ.",
)


def _unfiltered_actors(ctx: acc._Context, si: int) -> list[acc._Actor]:
    """The scan as it was before the filter: ``_actor_at`` at every word."""
    toks, out, k = ctx.an.tokens[si], [], 0
    while k < len(toks):
        if not toks[k].is_word:
            k += 1
            continue
        actor, k = ctx._actor_at(si, k)
        if actor is not None:
            out.append(actor)
    return out


def test_no_actor_at_skips_only_words_where_actor_at_finds_none() -> None:
    skipped = found = 0
    for text in TEXTS:
        sentences = split_sentences(prepare(text)[0])
        an = A.analyse(sentences, Issuer("وزارة الخارجية", "SY"))
        ctx = acc._Context(an, Issuer("وزارة الخارجية", "SY"))
        for si in range(len(sentences)):
            toks = an.tokens[si]
            for k, tok in enumerate(toks):
                if not tok.is_word:
                    continue
                actor, after = ctx._actor_at(si, k)
                found += actor is not None
                if acc._no_actor_at(tok.text):
                    skipped += 1
                    assert (actor, after) == (None, k + 1), tok.text
            assert ctx._actors(si) == _unfiltered_actors(ctx, si)
    assert skipped > 20 and found > 4  # the filter skips most words; parties are still found
