"""No secret in logs, whatever logs it (httpx logs request URLs that hold the token)."""

from __future__ import annotations

import logging

from bot.logs import RedactSecrets, setup_logging

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def _emit(logger_name: str, level: int, msg: str, *args: object) -> logging.LogRecord:
    record = logging.LogRecord(logger_name, level, __file__, 1, msg, args, None)
    RedactSecrets([TOKEN]).filter(record)
    return record


def test_token_in_a_request_url_is_masked() -> None:
    rec = _emit(
        "httpx", logging.INFO, "HTTP Request: POST %s", f"https://api.telegram.org/bot{TOKEN}/getMe"
    )
    assert TOKEN not in rec.getMessage()
    assert "/bot<token>/getMe" in rec.getMessage()


def test_token_shaped_string_is_masked_even_if_unknown() -> None:
    other = "987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    rec = RedactSecrets([])
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed with %s", (other,), None)
    rec.filter(record)
    assert other not in record.getMessage()


def test_httpx_info_logging_is_silenced(capfd) -> None:
    setup_logging("DEBUG", secrets=[TOKEN])
    logging.getLogger("httpx").info(
        "HTTP Request: POST https://api.telegram.org/bot%s/getMe", TOKEN
    )
    logging.getLogger("bot.test").info("token is %s", TOKEN)
    err = capfd.readouterr().err
    assert "HTTP Request" not in err
    assert TOKEN not in err
    assert "token is <token>" in err
