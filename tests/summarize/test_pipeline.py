"""The public API and `bayan summarize`: any input in, a summary (or one clear line) out."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.summarize import summarize

SEED = Path(__file__).parent / "data" / "seed-ministry-letter.txt"
GUIDE_KEYS = {
    "is_statement",
    "issuer",
    "addressees",
    "accusations",
    "demands",
    "figures",
    "places",
    "key_sentences",
    "notices",
}


def bayan(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "summarize", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_seed_letter_summary_pins_issuer_and_addressees():
    d = summarize(SEED.read_text(encoding="utf-8")).to_dict()
    assert set(d) == GUIDE_KEYS
    assert d["is_statement"] is True
    assert d["issuer"] == {"name": "وزارة الخارجية والمغتربين", "country": "SY"}
    assert d["addressees"] == ["الأمين العام للأمم المتحدة", "رئيس مجلس الأمن الدولي"]
    assert 2 <= len(d["key_sentences"]) <= 3
    assert d["notices"] == []


def test_html_page_is_summarized_after_stripping():
    page = "<html><body><h1>عاجل</h1><p>قالت وزارة الخارجية الأردنية في بيان إن المعبر مغلق.</p></body></html>"
    s = summarize(page)
    assert s.notices == ["html_stripped"]
    assert s.issuer is not None and s.issuer.country == "JO"


@pytest.mark.parametrize("empty", ["", "   \n  ", None])
def test_empty_input_gives_an_empty_summary_with_a_notice(empty):
    s = summarize(empty)
    assert s.notices == ["empty"]
    assert s.is_statement is False and s.issuer is None


def test_non_arabic_input_is_not_summarized_and_says_why():
    s = summarize("The ministry of foreign affairs said on Monday that it condemned the attack.")
    assert s.notices == ["not_arabic"]
    assert s.is_statement is False


def test_very_long_input_is_cut_and_still_summarized():
    text = (
        SEED.read_text(encoding="utf-8") + "\n" + "جملة إضافية طويلة لا تحمل شيئا مهما.\n" * 10000
    )
    s = summarize(text)
    assert "truncated" in s.notices
    assert s.issuer is not None and s.issuer.country == "SY"


def test_non_statement_has_no_issuer():
    s = summarize("فاز المنتخب على منافسه بهدفين دون رد في المباراة النهائية أمس.")
    assert s.is_statement is False and s.issuer is None


def test_cli_prints_the_arabic_digest_for_a_file():
    out = bayan(str(SEED))
    assert out.returncode == 0
    assert "الجهة: وزارة الخارجية والمغتربين (سوريا)" in out.stdout.splitlines()


def test_cli_reads_standard_input_and_english_labels():
    out = bayan("-", "--lang", "en", stdin=SEED.read_text(encoding="utf-8"))
    assert out.returncode == 0
    assert "Issuer: وزارة الخارجية والمغتربين (Syria)" in out.stdout.splitlines()


def test_cli_json_prints_the_summary_object():
    out = bayan(str(SEED), "--json")
    assert out.returncode == 0
    d = json.loads(out.stdout)
    assert set(d) == GUIDE_KEYS and d["issuer"]["country"] == "SY"


def test_cli_missing_file_is_one_line_and_status_2():
    out = bayan("/nonexistent/statement.txt")
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "no such file" in out.stderr


def test_cli_jsonl_answers_every_line_and_reports_bad_ones_without_stopping():
    lines = (
        "\n".join(
            [
                json.dumps(
                    {"id": "a", "text": SEED.read_text(encoding="utf-8")}, ensure_ascii=False
                ),
                "not json",
                json.dumps({"id": "c", "text": ""}),
                json.dumps({"id": "d", "text": "English only text here."}),
            ]
        )
        + "\n"
    )
    out = bayan("--jsonl", "-", stdin=lines)
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "c", "d"]
    assert rows[0]["issuer"]["country"] == "SY"
    assert "error" in rows[1] and rows[1]["line"] == 2
    assert rows[2]["notices"] == ["empty"] and rows[3]["notices"] == ["not_arabic"]
    assert out.returncode == 1
    assert "line 2" in out.stderr


def test_cli_jsonl_streams_each_answer_before_the_input_ends():
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "summarize", "--jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        proc.stdin.write(
            json.dumps(
                {"id": "first", "text": "قالت الحكومة اليمنية إن الميناء مغلق."}, ensure_ascii=False
            )
            + "\n"
        )
        proc.stdin.flush()
        row = json.loads(proc.stdout.readline())  # stdin still open: only a flushed line arrives
        assert row["id"] == "first" and row["issuer"]["country"] == "YE"
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0


@pytest.mark.parametrize(
    ("module", "step"), [("accusations", "_Finder.segment"), ("demands", "_Demands.verbs")]
)
def test_a_bug_in_an_extractor_is_raised_not_turned_into_an_empty_list(
    module: str, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extractor that fails must not return "no accusations" as if the text held none:
    the error reaches the caller, whose per-item boundary stores the item as failed
    (bot.feeds.ingest) or answers its line with the error (bayan summarize --jsonl)."""
    import importlib

    mod = importlib.import_module(f"bot.summarize.{module}")

    def broken(*_args: object) -> None:
        raise RuntimeError("injected")

    owner, name = step.split(".")
    monkeypatch.setattr(getattr(mod, owner), name, broken)
    with pytest.raises(RuntimeError, match="injected"):
        summarize(SEED.read_text(encoding="utf-8"))
