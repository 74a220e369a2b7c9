"""What the subscriber and operator features of issue 15 say: pause, export/import,
proposals, reports, access and quotas, in Arabic and English."""

from __future__ import annotations

FEATURE_MESSAGES: dict[str, dict[str, str]] = {
    # --- /pause /resume ---------------------------------------------------------
    "pause_chat": {
        "ar": "⏸ أُوقفت التنبيهات في هذه المحادثة. ما يصدر أثناء الإيقاف لا يُحفظ لإرساله لاحقًا؛ أرسل /resume للاستئناف.",
        "en": "⏸ Alerts are paused in this chat. Alerts meanwhile are not kept for later; send /resume to start again.",
    },
    "pause_subs": {
        "ar": "⏸ أُوقف: {what}. أرسل /resume للاستئناف.",
        "en": "⏸ Paused: {what}. Send /resume to start again.",
    },
    "pause_no_match": {
        "ar": "لا اشتراك بهذا الوصف. أرسل /subscriptions لرؤية اشتراكاتك.",
        "en": "No subscription like that. Send /subscriptions to see yours.",
    },
    "resume_nothing": {
        "ar": "لا شيء موقوف هنا.",
        "en": "Nothing is paused here.",
    },
    "resume_done": {
        "ar": "▶️ استُؤنفت التنبيهات. فاتك أثناء الإيقاف: {count} تنبيه.",
        "en": "▶️ Alerts are back on. Skipped during the pause: {count}.",
    },
    "resume_offer": {
        "ar": "اضغط الزر لموجز بما فاتك الآن (مثل /digest now).",
        "en": "Press the button for a digest of what you missed now (like /digest now).",
    },
    "btn_digest_now": {"ar": "📋 موجز ما فاتني الآن", "en": "📋 Digest of what I missed"},
    "btn_exclude": {"ar": "➖ استثناء", "en": "➖ Leave out"},
    "exclude_ask": {
        "ar": "ما الذي تريد استثناءه من «{what}»؟ ردّ على هذه الرسالة بـ <code>keyword كلمة</code> أو <code>country IL</code> أو <code>accused طرف</code>.",
        "en": "What should «{what}» leave out? Reply to this message with <code>keyword word</code>, <code>country IL</code> or <code>accused party</code>.",
    },
    "exclude_done": {"ar": "تم: {what}.", "en": "Done: {what}."},
    "exclude_bad": {
        "ar": "لم أفهم. اكتب keyword أو country أو accused ثم القيمة.",
        "en": "I did not get that. Write keyword, country or accused, then the value.",
    },
    "sub_excluding": {"ar": "ما عدا: {what}", "en": "except: {what}"},
    "sub_paused_mark": {"ar": "⏸ موقوف", "en": "⏸ paused"},
    # --- /export /import ----------------------------------------------------------
    "export_caption": {
        "ar": "اشتراكات هذه المحادثة ({count}). أرسل هذا الملف مع /import لاستعادتها هنا أو في محادثة أخرى.",
        "en": "This chat's subscriptions ({count}). Send this file with /import to restore them here or in another chat.",
    },
    "export_none": {"ar": "لا اشتراكات لتصديرها.", "en": "No subscriptions to export."},
    "import_how": {
        "ar": "أرسل ملف الاشتراكات (‎.json‎ الذي يصنعه /export) وفي تعليقه <code>/import</code>، أو ردّ على الملف بـ <code>/import</code>.",
        "en": "Send the subscriptions file (the .json /export makes) with <code>/import</code> as its caption, or reply <code>/import</code> to it.",
    },
    "import_bad": {
        "ar": "تعذّرت قراءة الملف: {reason}.",
        "en": "Could not read the file: {reason}.",
    },
    "import_done": {
        "ar": "تم الاستيراد: {added} اشتراك جديد، {updated} محدَّث، {failed} مرفوض.",
        "en": "Imported: {added} new, {updated} updated, {failed} refused.",
    },
    # --- /feeds export, /proposefeed ---------------------------------------------------
    "feeds_export_private": {
        "ar": "قائمة المصادر تُرسل للمشرفين في المحادثة الخاصة فقط.",
        "en": "The feed list is sent to admins in a private chat only.",
    },
    "feeds_export_caption": {
        "ar": "المصادر ({count}) بصيغة OPML، بعناوينها كاملة.",
        "en": "The feeds ({count}) as OPML, addresses in full.",
    },
    "propose_how": {
        "ar": "أرسل <code>/proposefeed https://…</code> مع عنوان موجز RSS أو Atom.",
        "en": "Send <code>/proposefeed https://…</code> with the address of an RSS or Atom feed.",
    },
    "propose_bad_url": {
        "ar": "هذا ليس عنوان http أو https: {url}",
        "en": "That is not an http or https address: {url}",
    },
    "propose_sent": {
        "ar": "شكرًا! أُرسل اقتراحك إلى المشرفين.",
        "en": "Thank you! Your proposal went to the admins.",
    },
    "propose_known": {
        "ar": "هذا المصدر متابَع أصلًا.",
        "en": "That feed is already monitored.",
    },
    "propose_no_admins": {
        "ar": "لا مشرفين لهذا البوت لاستقبال الاقتراحات.",
        "en": "This bot has no admins to receive proposals.",
    },
    "propose_admin": {
        "ar": "📥 اقتراح مصدر من {who}:\n{url}",
        "en": "📥 Feed proposed by {who}:\n{url}",
    },
    "btn_approve": {"ar": "✅ قبول", "en": "✅ Approve"},
    "btn_deny": {"ar": "❌ رفض", "en": "❌ Deny"},
    "propose_approved_admin": {
        "ar": "✅ أُضيف المصدر: {url}",
        "en": "✅ Feed added: {url}",
    },
    "propose_denied_admin": {"ar": "❌ رُفض: {url}", "en": "❌ Denied: {url}"},
    "propose_already": {"ar": "قُرّر هذا الاقتراح من قبل.", "en": "Already decided."},
    "propose_approved_user": {
        "ar": "✅ قبل المشرفون اقتراحك وأُضيف المصدر: {url}",
        "en": "✅ The admins approved your proposal; the feed was added: {url}",
    },
    "propose_denied_user": {
        "ar": "لم يقبل المشرفون اقتراح المصدر: {url}",
        "en": "The admins did not accept the proposed feed: {url}",
    },
    # --- wrong extraction -------------------------------------------------------
    "btn_wrong": {"ar": "⚠️ استخراج خاطئ", "en": "⚠️ Wrong extraction"},
    "wrong_which": {
        "ar": "أيّ جزء خاطئ؟",
        "en": "Which part is wrong?",
    },
    "wrong_field_issuer": {"ar": "الجهة", "en": "Issuer"},
    "wrong_field_accusations": {"ar": "الاتهامات", "en": "Accusations"},
    "wrong_field_demands": {"ar": "المطالب", "en": "Demands"},
    "wrong_field_figures": {"ar": "الأرقام", "en": "Figures"},
    "wrong_field_other": {"ar": "شيء آخر", "en": "Something else"},
    "wrong_tell": {
        "ar": "شكرًا. اكتب في رد على هذه الرسالة ما الصحيح (اختياري)؛ سيطّلع عليه فريق التدقيق.",
        "en": "Thank you. Reply to this message with what is right (optional); the annotation team will read it.",
    },
    "wrong_thanks": {"ar": "سُجّل ملاحظتك، شكرًا.", "en": "Your note is recorded, thank you."},
    # --- access and quotas ---------------------------------------------------------
    "access_closed": {
        "ar": "بيان هنا خاص؛ لا يخدم إلا المحادثات المسموح لها. اطلب من مشغّله إضافة هذه المحادثة (رقمها {chat}).",
        "en": "This Bayan is private and serves only allowed chats. Ask its operator to add this chat (id {chat}).",
    },
    "quota_summary": {
        "ar": "بلغت هذه المحادثة حدّها اليومي من التلخيص ({limit}). يتجدد الحد عند منتصف الليل بتوقيت UTC.",
        "en": "This chat has reached its daily limit of {limit} summaries. It resets at midnight UTC.",
    },
    "quota_search": {
        "ar": "بلغت هذه المحادثة حدّها اليومي من البحث ({limit}). يتجدد الحد عند منتصف الليل بتوقيت UTC.",
        "en": "This chat has reached its daily limit of {limit} searches. It resets at midnight UTC.",
    },
}

FEATURE_COMMANDS: list[tuple[str, dict[str, str]]] = [
    ("pause", {"ar": "إيقاف التنبيهات مؤقتًا", "en": "Pause alerts"}),
    ("resume", {"ar": "استئناف التنبيهات", "en": "Resume alerts"}),
    ("export", {"ar": "تصدير الاشتراكات ملفًا", "en": "Export subscriptions as a file"}),
    ("import", {"ar": "استيراد اشتراكات من ملف", "en": "Import subscriptions from a file"}),
    ("proposefeed", {"ar": "اقتراح مصدر", "en": "Propose a feed"}),
]
