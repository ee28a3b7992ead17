"""The content brief's key facts, as words each language's published pages must contain.

Each fact is (label, Arabic needles, English needles). A fact is found when every
needle of a language appears on at least one published page in that language.
Text is compared after removing Arabic diacritics and tatweel, and ignoring case; an
English needle must start a word ("ice packs" is not found in "advice"). A needle is a
phrase that states the fact, not a name alone: the FDA and ASPS checks look for each
body's position, not just for its name.
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
    (
        "fat areas",
        ["البطن", "الفخذان", "الأرداف", "الوركان", "الساقان", "الذراعان", "الوجه"],
        ["abdomen", "thighs", "buttocks", "hips", "legs", "arms", "face"],
    ),
    (
        "injection sites",
        ["الوجه", "فروة الرأس", "الرقبة", "أعلى الصدر", "اليدان", "علامات التمدد"],
        ["face", "scalp", "neck", "upper chest", "hands", "stretch marks"],
    ),
    ("alopecia", ["الصلع الوراثي"], ["alopecia"]),
    ("alopecia areata is different", ["الثعلبة البقعية"], ["alopecia areata"]),
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
        ["الكريم المخدر", "45 دقيقة"],
        ["anaesthetic cream", "45 minutes"],
    ),
    # 4. The session and the course
    ("injector gun", ["جهاز حقن يشبه المسدس"], ["gun-like injector"]),
    ("depth", ["بين 1 و4 ملم"], ["1 to 4 mm"]),
    ("ice packs", ["كمادات الثلج"], ["ice packs"]),
    ("course length", ["بين 3 و15"], ["3 to 15"]),
    ("interval", ["7 إلى 10 أيام"], ["7 to 10 days"]),
    ("later interval", ["كل أسبوعين أو مرة في الشهر"], ["every two weeks or once a month"]),
    ("ten sessions for fat", ["10 جلسات"], ["10 sessions"]),
    ("no downtime", ["فترة نقاهة"], ["downtime"]),
    ("insurance", ["التأمين"], ["insurance"]),
    # 5. Side effects
    ("swelling", ["التورم"], ["swelling"]),
    ("bruising", ["الكدمات"], ["bruising"]),
    ("haematoma", ["ورم دموي"], ["haematoma"]),
    ("allergy", ["التحسس"], ["allergic"]),
    ("infection", ["العدوى"], ["infection"]),
    (
        "infection is among the most frequent",
        ["العدوى من أكثر المضاعفات"],
        ["infection is among the most frequent complications"],
    ),
    ("sterilisation", ["التعقيم"], ["sterilis"]),
    ("atrophy", ["ضمور"], ["atrophy"]),
    ("liver", ["الكبد"], ["liver"]),
    ("nausea", ["الغثيان"], ["nausea"]),
    ("redness", ["الاحمرار"], ["redness"]),
    ("itching", ["الحكة"], ["itching"]),
    ("bumps", ["نتوءات"], ["bumps"]),
    ("dark spots", ["بقع داكنة"], ["dark spots"]),
    ("rash", ["الطفح"], ["rash"]),
    ("scarring", ["ندبات"], ["scarring"]),
    # 6. Evidence: each body's position, not only its name
    (
        "FDA has not approved it",
        ["لم توافق إدارة الغذاء والدواء الأمريكية على الميزوثيرابي"],
        ["FDA has not approved mesotherapy"],
    ),
    (
        "FDA 2010 warning: no credible evidence",
        ["2010", "لا تعرف دليلا موثوقا"],
        ["2010", "no credible evidence"],
    ),
    (
        # Its brief's own word is "endorse" (health-content finding E3).
        "ASPS does not endorse it: not enough research",
        ["لا تؤيد الجمعية الأمريكية لجراحي التجميل", "الأبحاث لا تكفي"],
        ["does not endorse these procedures", "not enough research"],
    ),
    ("off-label", ["خارج دواعي الاستعمال"], ["off-label"]),
    (
        "deoxycholic acid 2015, under the chin only",
        ["ديوكسيكوليك", "2015", "تحت الذقن", "لا تشمل أي خليط"],
        ["deoxycholic acid", "2015", "under the chin", "does not cover any mesotherapy"],
    ),
    # 7. Comparisons
    ("liposuction", ["شفط الدهون"], ["liposuction"]),
    ("liposuction recovery", ["حتى ستة أسابيع"], ["up to six weeks"]),
    (
        "liposuction risks",
        ["شفط الدهون", "تلف الأعصاب والأوعية الدموية", "عدم انتظام سطح الجلد", "الحروق"],
        ["liposuction", "damage to nerves and blood vessels", "uneven skin", "burns"],
    ),
    ("injection lipolysis", ["حقن تفتيت الدهون"], ["injection lipolysis"]),
    ("phosphatidylcholine", ["فوسفاتيديل كولين"], ["phosphatidylcholine"]),
    ("deoxycholate", ["ديوكسيكولات"], ["deoxycholate"]),
    # 8. Contraindications
    ("pregnancy", ["الحمل"], ["pregnan"]),
    ("breastfeeding", ["الرضاعة"], ["breastfeed"]),
    ("insulin", ["الأنسولين"], ["insulin"]),
    ("insulin-dependent diabetes (search term)", ["السكري المعتمد على الأنسولين"], ["insulin"]),
    ("cancer", ["السرطان"], ["cancer"]),
    ("blood clots", ["الجلطات الدموية"], ["blood clots"]),
    ("blood disorder", ["أمراض الدم"], ["blood disorder"]),
    ("blood thinners", ["مسيلة للدم"], ["blood thinn"]),
    ("heart medicines", ["أدوية القلب"], ["heart medicines"]),
    ("heart disease", ["أمراض القلب"], ["heart disease"]),
    ("stroke", ["السكتة الدماغية"], ["stroke"]),
    # Issue 15: clinical completeness, each on a page that names its source
    (
        "atypical mycobacteria: late, cultures, months of antibiotics",
        ["المتفطرات غير السلية", "بعد أسابيع أو أشهر", "مزرعة خاصة", "عدة أشهر"],
        ["atypical (non-tuberculous) mycobacteria", "weeks or months", "culture", "months"],
    ),
    ("granulomas", ["الورم الحبيبي"], ["granuloma"]),
    ("panniculitis", ["التهاب السبلة الشحمية"], ["panniculitis"]),
    ("skin necrosis", ["النخر"], ["necrosis"]),
    (
        "other reasons a doctor may advise against it",
        ["أسباب أخرى قد يتحفظ الطبيب", "الجدرة", "دون 18", "الكلى أو الكبد"],
        ["other reasons a doctor may advise against it", "keloid", "under 18", "kidney or liver"],
    ),
    (
        "finasteride: male fetus, handling, sexual and mood effects",
        ["الجنين الذكر", "المكسورة أو المسحوقة", "اكتئابا"],
        ["male fetus", "crushed or broken tablets", "depression"],
    ),
    ("minoxidil side effects", ["نمو شعر غير مرغوب"], ["unwanted hair growth"]),
    (
        "deoxycholic acid: its own risks",
        ["إصابة عصب الفك", "صعوبة البلع"],
        ["nerve injury at the jaw", "trouble swallowing"],
    ),
    ("tranexamic acid for melasma", ["حمض الترانيكساميك", "الكلف"], ["tranexamic acid", "melasma"]),
    (
        "liposuction's serious risks",
        ["الانصمام الدهني", "التسمم بالمخدر الموضعي", "ثقب أحد أعضاء البطن", "بالوفاة"],
        ["fat embolism", "local anaesthetic", "piercing an organ", "death"],
    ),
    ("fat freezing", ["تجميد الدهون"], ["fat freezing"]),
    (
        "regulators where the readers live",
        [
            "الهيئة السعودية للتخصصات الصحية",
            "الهيئة العامة للغذاء والدواء",
            "وزارة الصحة ووقاية المجتمع",
            "هيئة الدواء المصرية",
        ],
        [
            "Saudi Commission for Health Specialties",
            "Saudi Food and Drug Authority",
            "Ministry of Health and Prevention",
            "Egyptian Drug Authority",
        ],
    ),
    (
        "the evidence scale, in the same words",
        ["لا أدلة كافية", "دليل ضعيف", "دليل متوسط", "دليل قوي"],
        ["no good evidence", "weak evidence", "moderate evidence", "strong evidence"],
    ),
    ("aftercare: bruises fade", ["أسبوع أو أسبوعين"], ["a week or two"]),
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

# The eight contraindications in the brief's order: the screener's key for each, and
# words of its heading in each language. The Nth heading carries the anchor
# "condition-N", which the screener's outcome pages link to.
CONTRAINDICATIONS_ARTICLE = "who-should-not-have-it"
CONTRAINDICATIONS = [
    ("pregnancy", "الحمل أو الرضاعة", "pregnant or breastfeeding"),
    ("insulin_diabetes", "السكري المعالج بالأنسولين", "diabetes treated with insulin"),
    ("cancer", "السرطان", "cancer"),
    (
        "clots_blood_disorder",
        "جلطة دموية سابقة أو مرض من أمراض الدم",
        "blood clots or a blood disorder",
    ),
    ("blood_thinners", "أدوية مسيلة للدم", "blood thinners"),
    ("heart_medicines", "أدوية القلب", "heart medicines"),
    ("heart_disease", "بمرض في القلب", "heart disease"),
    ("stroke", "سكتة دماغية", "stroke"),
]
