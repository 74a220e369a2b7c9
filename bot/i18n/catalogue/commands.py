"""What the chat commands say: every reply of /start … /chart, in Arabic and English.

Messages are HTML (Telegram's parse mode): :func:`bot.i18n.t` escapes and
isolates every value it inserts, so fixed markup lives only here.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- start / help -------------------------------------------------------
    "start": {
        "ar": "<b>بيان</b> يتابع مصادر الأخبار ويلتقط بيانات الوزارات والحكومات فور صدورها.\n"
        "يلخّص كل بيان: من يتّهم من وبماذا، وما المطلوب وممن، والأرقام التي يذكرها.\n"
        "اشترك لتصلك التنبيهات فورًا أو في موجز، أو أرسل أي نص لتلخيصه.\n\n{commands}",
        "en": "<b>Bayan</b> watches news feeds and catches ministry and government statements as they appear.\n"
        "It summarizes each one: who accuses whom of what, what is demanded of whom, and the figures cited.\n"
        "Subscribe for instant alerts or a digest, or send any text to have it summarized.\n\n{commands}",
    },
    "commands_title": {"ar": "<b>الأوامر:</b>", "en": "<b>Commands:</b>"},
    # --- /lang ----------------------------------------------------------------
    "lang_choose": {
        "ar": "اختر لغة بيان في هذه المحادثة:",
        "en": "Choose Bayan's language for this chat:",
    },
    "lang_set": {
        "ar": "ستكون الرسائل بالعربية من الآن.",
        "en": "Messages will be in English from now on.",
    },
    "lang_unknown": {
        "ar": "لغة غير معروفة: {value}. المتاح: ar أو en.",
        "en": "Unknown language: {value}. Available: ar or en.",
    },
    # --- /subscribe -------------------------------------------------------------
    "sub_menu": {"ar": "بماذا تريد أن تشترك؟", "en": "What would you like to subscribe to?"},
    "sub_how": {
        "ar": "أرسل الأمر مع القيمة، مثلًا:\n<code>{example}</code>\nوأضف <code>digest</code> في آخره لتصلك في الموجز بدل التنبيه الفوري.",
        "en": "Send the command with a value, for example:\n<code>{example}</code>\nAdd <code>digest</code> at the end to get them in the digest instead of instant alerts.",
    },
    "sub_added": {"ar": "تم الاشتراك: {what} — {mode}.", "en": "Subscribed: {what} — {mode}."},
    "sub_updated": {
        "ar": "أنت مشترك أصلًا في {what}؛ الطريقة الآن: {mode}.",
        "en": "Already subscribed to {what}; delivery is now: {mode}.",
    },
    "sub_choose_mode": {"ar": "كيف تريد أن تصلك؟", "en": "How should they reach you?"},
    "sub_missing_kind": {
        "ar": "اكتب نوع الاشتراك: all أو country أو issuer أو keyword أو accused.",
        "en": "Say what to subscribe to: all, country, issuer, keyword or accused.",
    },
    "sub_unknown_kind": {
        "ar": "نوع اشتراك غير معروف: {kind}. المتاح: all، country، issuer، keyword، accused.",
        "en": "Unknown subscription type: {kind}. Use all, country, issuer, keyword or accused.",
    },
    "sub_missing_value": {
        "ar": "ينقص ما تريد متابعته بعد {kind}.",
        "en": "Missing what to follow after {kind}.",
    },
    "sub_value_too_long": {
        "ar": "القيمة أطول من {limit} حرفًا.",
        "en": "The value is longer than {limit} characters.",
    },
    "sub_bad_country": {
        "ar": "لم أتعرف على الدولة: {value}. استعمل رمزًا من حرفين مثل SY.",
        "en": "Unknown country: {value}. Use a two-letter code such as SY.",
    },
    "sub_too_many": {
        "ar": "بلغت الحد الأقصى ({limit} اشتراكًا). احذف بعضها أولًا.",
        "en": "You have reached the limit of {limit} subscriptions. Remove some first.",
    },
    "subs_title": {"ar": "<b>اشتراكات {chat}:</b>", "en": "<b>Subscriptions of {chat}:</b>"},
    "subs_this_chat": {"ar": "هذه المحادثة", "en": "this chat"},
    "subs_none": {
        "ar": "لا اشتراكات بعد. أرسل /subscribe للبدء.",
        "en": "No subscriptions yet. Send /subscribe to start.",
    },
    "sub_line": {"ar": "{what} — {mode}", "en": "{what} — {mode}"},
    "sub_removed": {"ar": "أُلغي الاشتراك: {what}.", "en": "Unsubscribed: {what}."},
    "sub_gone": {"ar": "هذا الاشتراك لم يعد موجودًا.", "en": "That subscription no longer exists."},
    "unsub_done": {"ar": "أُلغي {count} اشتراك.", "en": "Removed {count} subscription(s)."},
    "unsub_none": {"ar": "لا يوجد اشتراك مطابق.", "en": "No matching subscription."},
    "btn_remove": {"ar": "✖ إلغاء", "en": "✖ Remove"},
    "btn_to_digest": {"ar": "← موجز", "en": "→ digest"},
    "btn_to_instant": {"ar": "← فوري", "en": "→ instant"},
    "kind_all": {"ar": "كل البيانات", "en": "everything"},
    "kind_country": {"ar": "دولة: {value}", "en": "country: {value}"},
    "kind_issuer": {"ar": "جهة: {value}", "en": "issuer: {value}"},
    "kind_keyword": {"ar": "كلمة: {value}", "en": "keyword: {value}"},
    "kind_accused": {"ar": "متّهَم: {value}", "en": "accused: {value}"},
    "btn_kind_all": {"ar": "كل البيانات", "en": "Everything"},
    "btn_kind_country": {"ar": "حسب الدولة", "en": "By country"},
    "btn_kind_issuer": {"ar": "حسب الجهة", "en": "By issuer"},
    "btn_kind_keyword": {"ar": "حسب كلمة", "en": "By keyword"},
    "btn_kind_accused": {"ar": "حسب الطرف المتّهَم", "en": "By accused party"},
    "mode_instant": {"ar": "تنبيه فوري", "en": "instant alerts"},
    "mode_digest": {"ar": "في الموجز", "en": "in the digest"},
    "btn_mode_instant": {"ar": "⚡ فوري", "en": "⚡ Instant"},
    "btn_mode_digest": {"ar": "🗞 موجز", "en": "🗞 Digest"},
    # --- permissions --------------------------------------------------------------
    "group_admins_only": {
        "ar": "يغيّر اشتراكات المجموعة مشرفوها فقط.",
        "en": "Only the group's admins can change its subscriptions.",
    },
    "channel_in_private": {
        "ar": "لإدارة اشتراكات قناة أرسل الأمر في محادثتي الخاصة: <code>/subscribe @channel ...</code>",
        "en": "To manage a channel, send the command in a private chat with me: <code>/subscribe @channel ...</code>",
    },
    "channel_not_found": {
        "ar": "لم أجد القناة {channel}، أو لست عضوًا فيها.",
        "en": "I cannot find the channel {channel}, or I am not in it.",
    },
    "channel_not_channel": {"ar": "{channel} ليست قناة.", "en": "{channel} is not a channel."},
    "channel_user_not_admin": {
        "ar": "لست مشرفًا في {channel}، فلا يمكنك تغيير اشتراكاتها.",
        "en": "You are not an admin of {channel}, so you cannot change its subscriptions.",
    },
    "channel_bot_not_admin": {
        "ar": "أضفني مشرفًا في {channel} بصلاحية النشر أولًا.",
        "en": "Make me an admin of {channel} with permission to post first.",
    },
    "request_failed": {
        "ar": "تعذّر إكمال طلبك الآن؛ حاول مرة أخرى بعد قليل.",
        "en": "Sorry, that request could not be completed; please try again in a moment.",
    },
    "admins_only": {
        "ar": "هذا الأمر لمشرفي بيان فقط.",
        "en": "This command is for Bayan's admins only.",
    },
    # --- /latest /search ----------------------------------------------------------
    "latest_none": {"ar": "لا بيانات بعد.", "en": "No statements yet."},
    "latest_none_filtered": {
        "ar": "لا بيانات تطابق: {what}.",
        "en": "No statements match: {what}.",
    },
    "btn_older": {"ar": "أقدم ›", "en": "‹ Older"},
    "search_usage": {
        "ar": "اكتب ما تبحث عنه: <code>/search الأمم المتحدة</code>",
        "en": "Say what to look for: <code>/search الأمم المتحدة</code>",
    },
    "search_none": {"ar": "لا نتائج لـ «{query}».", "en": "No results for “{query}”."},
    "search_title": {"ar": "<b>نتائج «{query}»:</b>", "en": "<b>Results for “{query}”:</b>"},
    "search_too_long": {
        "ar": "نص البحث أطول من {limit} حرفًا.",
        "en": "The search is longer than {limit} characters.",
    },
    "expired": {
        "ar": "انتهت صلاحية هذه القائمة؛ أرسل الأمر من جديد.",
        "en": "This list has expired; send the command again.",
    },
    "source": {"ar": "المصدر", "en": "Source"},
    # --- /summary -------------------------------------------------------------------
    "summary_usage": {
        "ar": "أرسل <code>/summary</code> ردًا على رسالة، أو <code>/summary</code> ومعه النص، أو أرسل ملف .txt أو .html.",
        "en": "Reply /summary to a message, send <code>/summary</code> followed by the text, or send a .txt or .html file.",
    },
    "summary_empty": {"ar": "لا يوجد نص لتلخيصه.", "en": "There is no text to summarize."},
    "summary_not_arabic": {
        "ar": "النص ليس عربيًا؛ بيان يلخّص النصوص العربية فقط.",
        "en": "The text is not Arabic; Bayan summarizes Arabic texts only.",
    },
    "summary_too_big": {
        "ar": "الملف أكبر من {limit} ميغابايت؛ أرسل جزءًا منه.",
        "en": "The file is larger than {limit} MB; send a part of it.",
    },
    "summary_bad_file": {
        "ar": "أقرأ ملفات .txt و .html فقط.",
        "en": "I can read .txt and .html files only.",
    },
    "summary_download_failed": {
        "ar": "تعذّر تنزيل الملف؛ حاول مرة أخرى.",
        "en": "Could not download the file; please try again.",
    },
    "summary_not_text": {
        "ar": "تعذّرت قراءة الملف كنص.",
        "en": "The file could not be read as text.",
    },
    "summary_failed": {"ar": "تعذّر تلخيص هذا النص.", "en": "This text could not be summarized."},
    "summary_gone": {
        "ar": "لم أعد أجد النص الأصلي؛ أعد إرساله.",
        "en": "I can no longer find the original text; send it again.",
    },
    "forwarded_from": {"ar": "↪️ منقول عن {origin}", "en": "↪️ Forwarded from {origin}"},
    "btn_summarize": {"ar": "📝 لخّص", "en": "📝 Summarize"},
    "offer_summary": {"ar": "هل تريد ملخص هذا النص؟", "en": "Summarize this text?"},
    # --- feeds ---------------------------------------------------------------------
    "feeds_title": {
        "ar": "<b>المصادر المتابَعة ({count}):</b>",
        "en": "<b>Monitored feeds ({count}):</b>",
    },
    "feeds_none": {"ar": "لا مصادر متابَعة بعد.", "en": "No feeds are monitored yet."},
    "feed_ok": {"ar": "✅ يعمل", "en": "✅ healthy"},
    "feed_failing": {"ar": "⚠️ يفشل ({count} مرة)", "en": "⚠️ failing ({count}×)"},
    "feed_never": {"ar": "⏳ لم يُجلب بعد", "en": "⏳ not fetched yet"},
    "feed_disabled": {"ar": "⏸ متوقف", "en": "⏸ disabled"},
    "addfeed_usage": {
        "ar": "أرسل: <code>/addfeed https://example.org/rss</code>",
        "en": "Send: <code>/addfeed https://example.org/rss</code>",
    },
    "addfeed_done": {"ar": "أُضيف المصدر: {url}", "en": "Feed added: {url}"},
    "addfeed_exists": {
        "ar": "المصدر موجود أصلًا: {url}",
        "en": "That feed is already monitored: {url}",
    },
    "addfeed_failed": {
        "ar": "تعذّرت إضافة المصدر: {reason}",
        "en": "Could not add the feed: {reason}",
    },
    "removefeed_usage": {
        "ar": "أرسل: <code>/removefeed رقم-المصدر</code> أو الرابط. اختر:",
        "en": "Send: <code>/removefeed feed-number</code> or its URL. Or pick:",
    },
    "removefeed_done": {"ar": "حُذف المصدر: {url}", "en": "Feed removed: {url}"},
    "removefeed_none": {"ar": "لا يوجد مصدر كهذا: {value}", "en": "No such feed: {value}"},
    "feeds_unavailable": {
        "ar": "إدارة المصادر غير متاحة الآن.",
        "en": "Feed management is not available right now.",
    },
    # --- inline ----------------------------------------------------------------------
    "btn_open": {"ar": "📄 {n}", "en": "📄 {n}"},
    "inline_none": {"ar": "لا نتائج", "en": "No results"},
    # --- generic -----------------------------------------------------------------------
    "error": {"ar": "حدث خطأ؛ حاول مرة أخرى.", "en": "Something went wrong; please try again."},
}

DIGEST_COMMAND_MESSAGES: dict[str, dict[str, str]] = {
    "digest_status": {
        "ar": "موعد الموجز: <b>{when}</b> بتوقيت {zone}.\nغيّره بـ <code>/digest 08:00</code> أو <code>/digest hourly</code> "
        "أو <code>/digest off</code>، واطلبه الآن بـ <code>/digest now</code>. يشمل الموجز الاشتراكات التي اخترت لها «في الموجز».",
        "en": "Digest time: <b>{when}</b>, {zone} time.\nChange it with <code>/digest 08:00</code>, <code>/digest hourly</code> "
        "or <code>/digest off</code>; get it now with <code>/digest now</code>. The digest covers subscriptions set to “in the digest”.",
    },
    "digest_set": {
        "ar": "سيصلك الموجز: <b>{when}</b> بتوقيت {zone}.",
        "en": "The digest will arrive: <b>{when}</b>, {zone} time.",
    },
    "digest_off": {"ar": "أُوقف الموجز.", "en": "Digest turned off."},
    "digest_hourly": {"ar": "كل ساعة", "en": "every hour"},
    "digest_daily": {"ar": "يوميًا الساعة {time}", "en": "daily at {time}"},
    "digest_bad": {
        "ar": "لم أفهم {value}: اكتب وقتًا مثل 08:00، أو hourly، أو off، أو now.",
        "en": "Could not read {value}: use a time such as 08:00, hourly, off or now.",
    },
    "digest_queued": {"ar": "الموجز في الطريق.", "en": "Your digest is on its way."},
    "digest_empty": {
        "ar": "لا بيانات جديدة تطابق اشتراكات الموجز منذ آخر موجز.",
        "en": "No new statements match your digest subscriptions since the last digest.",
    },
    "digest_no_subs": {
        "ar": "لا اشتراكات في وضع الموجز بعد: أرسل مثلًا <code>/subscribe all digest</code>.",
        "en": "No digest subscriptions yet: send for example <code>/subscribe all digest</code>.",
    },
    "tz_status": {
        "ar": "المنطقة الزمنية: <b>{zone}</b>. غيّرها بـ <code>/timezone Asia/Damascus</code>.",
        "en": "Time zone: <b>{zone}</b>. Change it with <code>/timezone Asia/Damascus</code>.",
    },
    "tz_set": {
        "ar": "المنطقة الزمنية الآن: <b>{zone}</b>.",
        "en": "Time zone is now <b>{zone}</b>.",
    },
    "tz_bad": {
        "ar": "منطقة زمنية غير معروفة: {value}. استعمل اسمًا مثل Asia/Damascus أو Europe/London.",
        "en": "Unknown time zone: {value}. Use a name such as Asia/Damascus or Europe/London.",
    },
    "ledger_usage": {
        "ar": "اكتب الطرف: <code>/ledger التحالف الدولي</code>، أو الجهة: <code>/ledger by وزارة الخارجية</code>.",
        "en": "Name the party: <code>/ledger التحالف الدولي</code>, or the issuer: <code>/ledger by وزارة الخارجية</code>.",
    },
    "chart_usage": {
        "ar": "<code>/chart</code> للبيانات يوميًا، أو <code>/chart accused الطرف</code> للاتهامات أسبوعيًا.",
        "en": "<code>/chart</code> for statements per day, or <code>/chart accused PARTY</code> for accusations per week.",
    },
    "party_too_long": {
        "ar": "اسم الطرف أطول من {limit} حرفًا.",
        "en": "The party's name is longer than {limit} characters.",
    },
    "chart_caption_daily": {
        "ar": "البيانات يوميًا حسب الدولة المصدرة، آخر 30 يومًا.",
        "en": "Statements per day by issuing country, last 30 days.",
    },
    "chart_caption_accused": {
        "ar": "الاتهامات الموجهة إلى {party} أسبوعيًا حسب الفعل.",
        "en": "Accusations against {party} per week, by act.",
    },
}

# Command descriptions for setMyCommands and /help (no HTML: Telegram shows them raw).
COMMANDS: list[tuple[str, dict[str, str]]] = [
    ("start", {"ar": "ما هو بيان", "en": "What Bayan does"}),
    ("help", {"ar": "المساعدة والأوامر", "en": "Help and commands"}),
    ("subscribe", {"ar": "الاشتراك في البيانات", "en": "Subscribe to statements"}),
    ("subscriptions", {"ar": "اشتراكاتك", "en": "Your subscriptions"}),
    ("unsubscribe", {"ar": "إلغاء اشتراك", "en": "Remove a subscription"}),
    ("latest", {"ar": "أحدث البيانات", "en": "Newest statements"}),
    ("summary", {"ar": "تلخيص نص", "en": "Summarize a text"}),
    ("search", {"ar": "البحث في البيانات", "en": "Search statements"}),
    ("feeds", {"ar": "المصادر وحالتها", "en": "Feeds and their health"}),
    ("digest", {"ar": "موعد الموجز", "en": "Digest time"}),
    ("timezone", {"ar": "المنطقة الزمنية", "en": "Time zone"}),
    ("ledger", {"ar": "سجل الاتهامات لطرف", "en": "Accusations ledger of a party"}),
    ("chart", {"ar": "رسم بياني", "en": "Chart"}),
    ("lang", {"ar": "تغيير اللغة", "en": "Change language"}),
]
