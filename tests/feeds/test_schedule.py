"""Polling under python-telegram-bot's JobQueue runs the same cycle as ``poll --once``."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import update
from telegram.ext import ApplicationBuilder

from bot.feeds.schedule import JOB_NAME, schedule_polling, stop_polling, tick_seconds
from bot.services import Services
from bot.store.models import Feed, utcnow
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import HookRecorder, add, feed, titles


def test_the_tick_is_a_tenth_of_the_interval_between_5_and_30_seconds() -> None:
    assert (tick_seconds(30), tick_seconds(120), tick_seconds(300), tick_seconds(3600)) == (
        5,
        12,
        30,
        30,
    )


async def test_the_job_polls_due_feeds_and_calls_the_hook(
    services: Services, server: FeedServer
) -> None:
    item = S.Item("الخارجية ترفض تحويل مجرى النهر", S.WATER, "https://mofa.example/news/water")
    server.serve("/rss", S.rss20([]))
    fid = await add(services, server.url("/rss"))
    # A real Application and JobQueue; no Telegram traffic happens before initialize().
    app = ApplicationBuilder().token("123456:TEST-TOKEN-NOT-USED").build()
    hook = HookRecorder()
    schedule_polling(app.job_queue, services, on_statement=hook)
    (job,) = app.job_queue.get_jobs_by_name(JOB_NAME)
    assert job.job.max_instances >= 2 and job.job.trigger.interval.total_seconds() == 30
    await app.job_queue.start()
    try:
        for _ in range(100):
            if (await feed(services, fid)).seeded:
                break
            await asyncio.sleep(0.05)
        assert (await feed(services, fid)).seeded
        server.serve("/rss", S.rss20([item]))
        async with services.db.sessions() as s, s.begin():
            await s.execute(
                update(Feed)
                .where(Feed.id == fid)
                .values(next_poll_at=utcnow() - timedelta(seconds=1))
            )
        await job.run(app)  # one tick through PTB, as the scheduler would run it
    finally:
        await stop_polling(app.job_queue)
        await app.job_queue.stop(wait=False)

    assert await titles(services) == [item.title]
    assert [c[1] for c in hook.calls] == [item.title]
    assert app.job_queue.get_jobs_by_name(JOB_NAME) == ()
