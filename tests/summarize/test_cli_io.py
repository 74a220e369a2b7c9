"""``bayan summarize --jsonl -`` answers every line with one line of standard JSON.

Each failure the reliability probe found gets its own test, through the real
command in a subprocess (bytes in, bytes out), and the answers are read back
with a strict parser that refuses NaN and Infinity.
"""

from __future__ import annotations

import json
import subprocess
import sys

STATEMENT = "قالت وزارة الخارجية الأردنية في بيان إن المعبر مغلق."


def _strict(line: bytes) -> dict:
    def refuse(name: str) -> None:
        raise ValueError(f"non-standard constant {name}")

    return json.loads(line.decode("utf-8", errors="strict"), parse_constant=refuse)


def run(lines: list[bytes]) -> tuple[list[dict], list[str], int]:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "summarize", "--jsonl", "-"],
        input=b"".join(line + b"\n" for line in lines),
        capture_output=True,
        timeout=120,
    )
    answers = [_strict(x) for x in proc.stdout.splitlines()]
    errors = proc.stderr.decode("utf-8").splitlines()
    return answers, errors, proc.returncode


def good(ident: str) -> bytes:
    return json.dumps({"id": ident, "text": STATEMENT}, ensure_ascii=False).encode()


def test_lone_surrogate_in_text_is_summarized_and_written_as_valid_utf8():
    answers, errors, code = run([b'{"id": "s", "text": "\\udfff' + STATEMENT.encode() + b'"}'])
    assert answers[0]["id"] == "s" and "error" not in answers[0]
    assert answers[0]["issuer"]["country"] == "JO"
    assert (errors, code) == ([], 0)


def test_lone_surrogate_in_id_is_answered_with_a_replacement_character():
    answers, _, code = run([b'{"id": "a\\ud800", "text": ""}'])
    assert answers[0]["id"] == "a\ufffd" and code == 0


def test_hundred_thousand_nested_brackets_get_one_error_line_and_the_next_line_is_answered():
    answers, errors, code = run([b"[" * 100_000, good("after")])
    assert [a["id"] for a in answers] == [None, "after"]
    assert "nested too deeply" in answers[0]["error"] and answers[0]["line"] == 1
    assert len(errors) == 1 and "line 1" in errors[0]
    assert code == 1


def test_nan_id_is_an_error_in_standard_json():
    answers, errors, _ = run([b'{"id": NaN, "text": "x"}', good("ok")])
    assert "NaN is not standard JSON" in answers[0]["error"]
    assert answers[1]["id"] == "ok" and len(errors) == 1


def test_overflowing_number_id_is_an_error_in_standard_json():
    answers, errors, _ = run([b'{"id": 1e400, "text": "x"}', good("ok")])
    assert "out of range" in answers[0]["error"] and answers[0]["id"] is None
    assert answers[1]["id"] == "ok" and len(errors) == 1


def test_bytes_that_are_not_utf8_do_not_stop_the_stream():
    answers, errors, code = run(
        [b'{"id": "b", "text": "\xff\xfe' + STATEMENT.encode() + b'"}', good("ok")]
    )
    assert [a["id"] for a in answers] == ["b", "ok"]
    assert "error" not in answers[0] and (errors, code) == ([], 0)


def test_every_error_is_stated_on_one_line():
    answers, errors, _ = run([b'{"id": 1, "text": 5}', b'{"a":\n'])
    assert len(answers) == 2 and len(errors) == 2
    assert all("\n" not in a["error"] for a in answers)
