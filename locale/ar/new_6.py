"""Arabic strings added by issue 6 (hardening), for the lead to re-apply after a merge."""

T = {
    "Signing in is paused": "تسجيل الدخول متوقف مؤقتًا",
    "The password was wrong %(limit)s time in a row.": [
        "أُدخلت كلمة مرور خاطئة %(limit)s مرة على التوالي.",
        "أُدخلت كلمة مرور خاطئة مرة واحدة.",
        "أُدخلت كلمة مرور خاطئة مرتين على التوالي.",
        "أُدخلت كلمة مرور خاطئة %(limit)s مرات على التوالي.",
        "أُدخلت كلمة مرور خاطئة %(limit)s مرة على التوالي.",
        "أُدخلت كلمة مرور خاطئة %(limit)s مرة على التوالي.",
    ],
    "For your account's safety, please wait %(minutes)s minute before trying again.": [
        "حفاظًا على أمان حسابك، يُرجى الانتظار %(minutes)s دقيقة قبل المحاولة مرة أخرى.",
        "حفاظًا على أمان حسابك، يُرجى الانتظار دقيقة واحدة قبل المحاولة مرة أخرى.",
        "حفاظًا على أمان حسابك، يُرجى الانتظار دقيقتين قبل المحاولة مرة أخرى.",
        "حفاظًا على أمان حسابك، يُرجى الانتظار %(minutes)s دقائق قبل المحاولة مرة أخرى.",
        "حفاظًا على أمان حسابك، يُرجى الانتظار %(minutes)s دقيقة قبل المحاولة مرة أخرى.",
        "حفاظًا على أمان حسابك، يُرجى الانتظار %(minutes)s دقيقة قبل المحاولة مرة أخرى.",
    ],
    "If you have forgotten your password, ask the site's administrator to set a new one.": (
        "إن نسيت كلمة المرور، فاطلب من مسؤول الموقع أن يعيّن لك كلمة مرور جديدة."
    ),
}

PLURALS = {
    "The password was wrong %(limit)s time in a row.": (
        "The password was wrong %(limit)s times in a row."
    ),
    "For your account's safety, please wait %(minutes)s minute before trying again.": (
        "For your account's safety, please wait %(minutes)s minutes before trying again."
    ),
}
