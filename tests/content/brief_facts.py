"""The content brief's key facts, as words each language's published pages must contain.

Each fact is (label, Arabic needles, English needles). A fact is found when every
needle of a language appears on at least one published page in that language.
Text is compared after removing Arabic diacritics and tatweel, and ignoring case.
"""

FACTS = [
    # 1. What it is
    ("name", ["الميزوثيرابي"], ["mesotherapy"]),
    ("mesoderm", ["الأديم المتوسط"], ["mesoderm"]),
    ("inventor", ["ميشيل بيستور"], ["Michel Pistor"]),
    ("year developed", ["1952"], ["1952"]),
    ("first used for pain", ["تخفيف الألم"], ["relieve pain"]),
    ("spread to the US", ["الولايات المتحدة"], ["United States"]),
    ("vasodilators", ["موسعات الأوعية"], ["vasodilators"]),
    ("antibiotics", ["المضادات الحيوية"], ["antibiotics"]),
    ("calcitonin", ["الكالسيتونين"], ["calcitonin"]),
    ("thyroxine", ["الثيروكسين"], ["thyroxine"]),
    ("collagenase", ["الكولاجيناز"], ["collagenase"]),
    ("hyaluronidase", ["الهيالورونيداز"], ["hyaluronidase"]),
    ("hyaluronic acid", ["حمض الهيالورونيك"], ["hyaluronic acid"]),
    ("amino acids", ["الأحماض الأمينية"], ["amino acids"]),
    ("no standard formula", ["تركيبة موحدة"], ["no standard formula"]),
    # 2. Uses, areas and types
    ("alopecia", ["الثعلبة"], ["alopecia"]),
    ("stretch marks", ["علامات التمدد"], ["stretch marks"]),
    ("scalp", ["فروة الرأس"], ["scalp"]),
    ("type: rejuvenation", ["تجديد البشرة"], ["skin rejuvenation"]),
    ("type: hair", ["الميزوثيرابي للشعر"], ["mesotherapy for hair"]),
    ("type: cellulite", ["السيلوليت"], ["cellulite"]),
    ("type: body sculpting", ["نحت الجسم"], ["body sculpting"]),
    ("type: pigmentation", ["التصبغات"], ["pigmentation"]),
    ("type: rheumatic", ["الروماتيزم"], ["rheumatic"]),
    ("type: wound healing", ["التئام الجروح"], ["wound healing"]),
    ("type: radiance", ["نضارة البشرة"], ["skin radiance"]),
    ("finasteride and minoxidil", ["فيناسترايد", "مينوكسيديل"], ["finasteride", "minoxidil"]),
    # 3. Preparing
    ("aspirin", ["الأسبرين"], ["aspirin"]),
    ("NSAIDs", ["مضادات الالتهاب غير الستيرويدية"], ["NSAIDs"]),
    (
        "anaesthetic cream 45 minutes",
        ["كريم مخدر", "45 دقيقة"],
        ["anaesthetic cream", "45 minutes"],
    ),
    # 4. The session and the course
    ("injector gun", ["مسدس"], ["gun"]),
    ("depth", ["من 1 إلى 4 ملم"], ["1 to 4 mm"]),
    ("ice packs", ["الثلج"], ["ice"]),
    ("course length", ["من 3 إلى 15"], ["3 to 15"]),
    ("interval", ["من 7 إلى 10 أيام"], ["7 to 10 days"]),
    ("ten sessions for fat", ["10 جلسات"], ["10 sessions"]),
    ("no downtime", ["فترة نقاهة"], ["downtime"]),
    ("insurance", ["التأمين"], ["insurance"]),
    # 5. Side effects
    ("swelling", ["التورم"], ["swelling"]),
    ("bruising", ["الكدمات"], ["bruising"]),
    ("haematoma", ["ورم دموي"], ["haematoma"]),
    ("allergy", ["التحسس"], ["allergic"]),
    ("infection", ["العدوى"], ["infection"]),
    ("sterilisation", ["التعقيم"], ["sterilis"]),
    ("atrophy", ["ضمور"], ["atrophy"]),
    ("liver", ["الكبد"], ["liver"]),
    ("scarring", ["ندبات"], ["scarring"]),
    # 6. Evidence
    ("FDA", ["إدارة الغذاء والدواء"], ["Food and Drug Administration"]),
    ("ASPS", ["الجمعية الأمريكية لجراحي التجميل"], ["American Society of Plastic Surgeons"]),
    ("off-label", ["خارج دواعي الاستعمال"], ["off-label"]),
    ("deoxycholic acid 2015", ["ديوكسيكوليك", "2015"], ["deoxycholic acid", "2015"]),
    # 7. Comparisons
    ("liposuction", ["شفط الدهون"], ["liposuction"]),
    ("liposuction recovery", ["ستة أسابيع"], ["six weeks"]),
    ("injection lipolysis", ["حقن تفتيت الدهون"], ["injection lipolysis"]),
    ("phosphatidylcholine", ["فوسفاتيديل كولين"], ["phosphatidylcholine"]),
    ("deoxycholate", ["ديوكسيكولات"], ["deoxycholate"]),
    # 8. Contraindications
    ("pregnancy", ["الحمل"], ["pregnan"]),
    ("breastfeeding", ["الرضاعة"], ["breastfeed"]),
    ("insulin", ["الأنسولين"], ["insulin"]),
    ("cancer", ["السرطان"], ["cancer"]),
    ("blood clots", ["الجلطات الدموية"], ["blood clots"]),
    ("blood disorder", ["أمراض الدم"], ["blood disorder"]),
    ("blood thinners", ["مسيلة للدم"], ["blood thinn"]),
    ("heart medicines", ["أدوية القلب"], ["heart medicines"]),
    ("heart disease", ["أمراض القلب"], ["heart disease"]),
    ("stroke", ["السكتة الدماغية"], ["stroke"]),
]

# The eight types: each has its own published article in each language.
TYPES = [
    "type-cosmetic-rejuvenation",
    "type-hair",
    "type-cellulite",
    "type-body-sculpting",
    "type-pigmentation",
    "type-rheumatic-pain",
    "type-wound-healing",
    "type-skin-radiance",
]
