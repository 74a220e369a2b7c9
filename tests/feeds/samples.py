"""Our own fictional ministry statements and feed builders for the feed tests.

Every text here was written for these tests (no corpus sentences).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

ENERGY = (
    "أعربت وزارة الخارجية في جمهورية الواحة عن إدانتها الشديدة للقصف الذي استهدف محطة الكهرباء "
    "الرئيسية في مدينة النخيل فجر اليوم، وأدى إلى مقتل 12 مدنيا وإصابة 30 آخرين. "
    "وحمّلت الوزارة قوات الجار الشمالي المسؤولية الكاملة عن هذا الاعتداء، "
    "وطالبت مجلس الأمن الدولي بعقد جلسة طارئة واتخاذ إجراءات فورية لحماية المدنيين والمنشآت الحيوية."
)
WATER = (
    "أعلنت وزارة الخارجية والتعاون في مملكة السهول رفضها القاطع لقرار تحويل مجرى النهر المشترك، "
    "واعتبرت أن هذا الإجراء يمثل انتهاكا صريحا للاتفاقيات الدولية الموقعة بين البلدين منذ عقود. "
    "ودعت الوزارة الأمم المتحدة إلى التدخل العاجل، وطالبت الطرف الآخر بوقف الأعمال الإنشائية فورا "
    "والعودة إلى طاولة المفاوضات دون شروط مسبقة."
)
BORDER = (
    "نددت وزارة الشؤون الخارجية في جمهورية الساحل باحتجاز 45 صيادا من مواطنيها قرب الحدود البحرية، "
    "ووصفت الاحتجاز بأنه عمل تعسفي يخالف القانون الدولي للبحار. "
    "وطالبت الوزارة السلطات المعنية بالإفراج الفوري عن الصيادين وإعادة قواربهم المصادرة، "
    "كما دعت اللجنة الدولية للصليب الأحمر إلى زيارة المحتجزين والاطمئنان على أوضاعهم."
)
# BORDER with small edits, as an agency would re-type it (not a revision: another source).
BORDER_RETYPED = (
    "ندّدت وزارة الشؤون الخارجية في جمهورية الساحل، اليوم الأحد، باحتجاز ٤٥ صيادا من مواطنيها قرب الحدود البحرية، "
    "ووصفت الاحتجاز بأنه عمل تعسفي يخالف القانون الدولي للبحار. "
    "وطالبت الوزارة السلطات المعنية بالإفراج الفوري عن الصيادين وإعادة قواربهم المصادرة، "
    "كما دعت اللجنة الدولية للصليب الأحمر إلى زيارة المحتجزين والاطمئنان على أوضاعهم."
)
# ENERGY as published again later with a new toll and a new demand: a material revision.
ENERGY_REVISED = (
    "أعربت وزارة الخارجية في جمهورية الواحة عن إدانتها الشديدة للقصف الذي استهدف محطة الكهرباء "
    "الرئيسية في مدينة النخيل فجر اليوم، وأدى إلى مقتل 19 مدنيا وإصابة 41 آخرين بينهم أطفال. "
    "وحمّلت الوزارة قوات الجار الشمالي المسؤولية الكاملة عن هذا الاعتداء، "
    "وطالبت مجلس الأمن الدولي بعقد جلسة طارئة، ودعت المحكمة الجنائية الدولية إلى فتح تحقيق مستقل في الهجوم."
)
WEATHER = (
    "تتوقع هيئة الأرصاد أن تشهد المناطق الساحلية طقسا معتدلا خلال الأيام المقبلة مع فرصة لهطول أمطار خفيفة "
    "في ساعات المساء، فيما تبقى درجات الحرارة قريبة من معدلاتها المعتادة في هذا الوقت من السنة، "
    "وتنصح الهيئة الصيادين بمتابعة النشرات الجوية قبل الخروج إلى البحر."
)


@dataclass(slots=True)
class Item:
    title: str
    text: str
    link: str
    guid: str | None = None
    date: str = "Sun, 29 Nov 2026 08:00:00 GMT"
    iso_date: str = "2026-11-29T08:00:00Z"


def rss20(
    items: list[Item],
    *,
    title: str = "وزارة الخارجية",
    ttl: int | None = None,
    encoding: str | None = "utf-8",
) -> str:
    decl = f'<?xml version="1.0" encoding="{encoding}"?>\n' if encoding else ""
    ttl_el = f"<ttl>{ttl}</ttl>" if ttl else ""
    body = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f'<guid isPermaLink="{"false" if i.guid else "true"}">{escape(i.guid or i.link)}</guid>'
        f"<description>{escape(i.text)}</description><pubDate>{i.date}</pubDate></item>"
        for i in items
    )
    return f'{decl}<rss version="2.0"><channel><title>{escape(title)}</title><link>http://example.invalid/</link>{ttl_el}{body}</channel></rss>'


def atom(items: list[Item], *, title: str = "وزارة الخارجية") -> str:
    body = "".join(
        f'<entry><title>{escape(i.title)}</title><link rel="alternate" href="{escape(i.link)}"/>'
        f"<id>{escape(i.guid or i.link)}</id><updated>{i.iso_date}</updated>"
        f'<content type="html">{escape("<p>" + i.text + "</p>")}</content></entry>'
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test:feed</id><updated>2026-11-29T08:00:00Z</updated>{body}</feed>"
    )


def rss10(items: list[Item], *, title: str = "وزارة الخارجية") -> str:
    seq = "".join(f'<rdf:li rdf:resource="{escape(i.link)}"/>' for i in items)
    body = "".join(
        f'<item rdf:about="{escape(i.link)}"><title>{escape(i.title)}</title><link>{escape(i.link)}</link>'
        f"<description>{escape(i.text)}</description><dc:date>{i.iso_date}</dc:date></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="http://example.invalid/"><title>{escape(title)}</title><link>http://example.invalid/</link>'
        f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>{body}</rdf:RDF>"
    )


def gzip_of_zeros(total: int, block: int = 16 << 20) -> bytes:
    """One valid gzip member of ``total`` zero bytes (a multiple of ``block``), built fast.

    A full flush resets the compressor, so every block after the first compresses
    to the same bytes: the body is one block repeated, then the trailer with the
    right CRC and size. 2 GB come out as 2 MB in under a second.
    """
    import struct
    import zlib

    zeros = bytes(block)
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush(zlib.Z_FINISH)[:-8]
    count = max(1, total // block)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    return first + again * (count - 1) + end + struct.pack("<II", crc, (count * block) & 0xFFFFFFFF)


def stacked_gzip_bomb(total: int) -> bytes:
    """``Content-Encoding: gzip, gzip`` body: a few KB on the wire, ``total`` bytes decoded."""
    import gzip

    return gzip.compress(gzip_of_zeros(total), compresslevel=9)


_WORDS = (
    "الوزارة البيان الحكومة المجلس اللجنة الحدود المياه الطاقة الصيادين المدنيين القصف الاتفاق "
    "المفاوضات السفير القنصلية العاصمة المدينة الميناء المطار الجسر النهر السد الحقل المصنع "
    "المستشفى المدرسة الجامعة السوق القرية الوادي الجبل الساحل الجزيرة الصحراء الغابة البحيرة "
    "أدانت رحبت طالبت دعت أكدت نفت أعلنت رفضت استنكرت حذرت ناشدت قررت وقعت استقبلت"
).split()


def distinct_text(seed: int, words: int = 40) -> str:
    """An Arabic-looking text no other seed's text is a near-duplicate of (for volume tests)."""
    import random

    rng = random.Random(seed)
    return "وقالت وزارة الخارجية إن " + " ".join(rng.choice(_WORDS) for _ in range(words)) + "."
