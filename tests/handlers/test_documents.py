"""Reading a sent text file: the encodings ministries actually use."""

from __future__ import annotations

import pytest
from telegram import Document

from handlers.summary import TextUnavailable, decode, is_text_document

SAMPLE = "أعربت الوزارة عن قلقها البالغ من التصعيد."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_common_encodings_decode_to_the_same_text(encoding: str) -> None:
    assert decode(SAMPLE.encode(encoding)) == SAMPLE


def test_only_text_and_html_files_are_read() -> None:
    assert is_text_document(Document("f", "u", file_name="letter.TXT"))
    assert is_text_document(Document("f", "u", file_name="page.htm"))
    assert is_text_document(Document("f", "u", file_name="noext", mime_type="text/plain"))
    assert not is_text_document(
        Document("f", "u", file_name="scan.pdf", mime_type="application/pdf")
    )


def test_undecodable_bytes_are_one_clear_line() -> None:
    with pytest.raises(TextUnavailable) as err:
        decode(b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)))  # a zip archive named .txt
    assert err.value.key == "summary_not_text"
