"""The end-to-end fixtures (real Application, fake Bot API, feed server) for the issue-15 features."""

from tests.e2e.conftest import (  # noqa: F401  (fixtures are found by name)
    bayan,
    fake_api,
    feed_server,
    make_settings,
    services,
    settings,
)
