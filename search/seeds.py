"""Lay words patients type, what they also find, and the pages they put first.

Pure data, read by migration 0006 (which adds these synonyms and links the pages that
exist) and by the search app's signal that links a page when the corpus first creates
it. The pages are named by corpus key, so a lay word finds its page whatever words the
page's text uses at the time; staff change or remove the links in the admin.

{language: {term: (also find, [corpus keys of the pages to show first])}}
"""

COST = ["cost-and-choosing-a-doctor"]
AFTERCARE = ["aftercare"]
REJUVENATION = ["type-cosmetic-rejuvenation"]
RADIANCE = ["type-skin-radiance"]
NOT_FOR = ["who-should-not-have-it"]

LAY_TERMS = {
    "ar": {
        "بوتوكس": (["البوتولينوم", "التجاعيد"], REJUVENATION),
        "البوتوكس": (["البوتولينوم", "التجاعيد"], REJUVENATION),
        "حقن البوتوكس": (["البوتولينوم", "التجاعيد"], REJUVENATION),
        "فيلر": (["حمض الهيالورونيك", "التجاعيد"], REJUVENATION),
        "الفيلر": (["حمض الهيالورونيك", "التجاعيد"], REJUVENATION),
        "حقن الفيلر": (["حمض الهيالورونيك", "التجاعيد"], REJUVENATION),
        "مواد الملء": (["حمض الهيالورونيك", "التجاعيد"], REJUVENATION),
        "المواد المالئة": (["حمض الهيالورونيك", "التجاعيد"], REJUVENATION),
        "إبر النضارة": (["نضارة البشرة", "إشراقة البشرة"], RADIANCE),
        "حقن النضارة": (["نضارة البشرة", "إشراقة البشرة"], RADIANCE),
        "مميعات الدم": (["مسيل", "الأسبرين", "الوارفارين"], NOT_FOR),
        "مسيلات الدم": (["مسيل", "الأسبرين", "الوارفارين"], NOT_FOR),
        "مضادات التخثر": (["مسيل", "الأسبرين", "الوارفارين"], NOT_FOR),
        "كم سعر": (["تكلفة", "أسعار"], COST),
        "كم يكلف": (["تكلفة", "أسعار"], COST),
        "كم تكلفة": (["تكلفة", "أسعار"], COST),
        "سعر": (["تكلفة", "أسعار"], COST),
        "السعر": (["تكلفة", "أسعار"], COST),
        "أسعار": (["تكلفة", "سعر"], COST),
        "الأسعار": (["تكلفة", "سعر"], COST),
        "تكلفة": (["أسعار", "سعر"], COST),
        "العناية بعد": (["بعد الجلسة", "العناية بعد الجلسة"], AFTERCARE),
    },
    "en": {
        "botox": (["botulinum", "wrinkles"], REJUVENATION),
        "botulinum toxin": (["botulinum", "wrinkles"], REJUVENATION),
        "anti wrinkle injections": (["botulinum", "wrinkles"], REJUVENATION),
        "filler": (["hyaluronic acid", "wrinkles"], REJUVENATION),
        "fillers": (["hyaluronic acid", "wrinkles"], REJUVENATION),
        "dermal fillers": (["hyaluronic acid", "wrinkles"], REJUVENATION),
        "skin boosters": (["radiance", "glow"], RADIANCE),
        "skin booster": (["radiance", "glow"], RADIANCE),
        "blood thinners": (["anticoagulant", "aspirin", "warfarin"], NOT_FOR),
        "blood thinner": (["anticoagulant", "aspirin", "warfarin"], NOT_FOR),
        "anticoagulants": (["blood thinners", "aspirin", "warfarin"], NOT_FOR),
        "how much": (["cost", "price"], COST),
        "price": (["cost", "fee"], COST),
        "prices": (["cost", "fee"], COST),
        "cost": (["price", "fee"], COST),
        "fees": (["cost", "price"], COST),
        "after care": (["aftercare", "after a session"], AFTERCARE),
        "aftercare": (["after a session", "after the session", "bruising", "swelling"], AFTERCARE),
    },
}


def pages_by_key():
    """{corpus key: [(language, term)]}: the synonyms that put each page first."""
    found = {}
    for language, table in LAY_TERMS.items():
        for term, (_matches, keys) in table.items():
            for key in keys:
                found.setdefault(key, []).append((language, term))
    return found
