"""Take the editors' working notes out of the titles and publishers of the sources loaded
from the corpus before they had a field of their own (sources.yaml now keeps them in `note`,
volume and pages in `volume`, and the facts a patient is told in `authors_checked` and
`link_kind`).

Only a row still holding one of the corpus's earlier titles and publishers is changed:
staff edits win. The entries other branches added on main while this was written are
here too (their earlier wording), so a database that loaded them is cleaned as well.
"""

from django.db import migrations

# corpus key: ([(earlier title, earlier publisher), ...], the values now)
CHANGES = {
    "asps-injection-lipolysis": (
        [
            (
                "Lipodissolve and mesotherapy (injection lipolysis), technology brief (undated; written before 2015, since it says the first FDA-approved clinical study is still under way)",
                "American Society of Plastic Surgeons",
            )
        ],
        {
            "title": "Lipodissolve and mesotherapy (injection lipolysis), technology brief",
            "publisher": "American Society of Plastic Surgeons",
            "note": "Undated; written before 2015, since it says the first FDA-approved clinical study is still under way.",
        },
    ),
    "fda-mesotherapy-status": (
        [
            (
                "FDA Warns About Lipodissolve Product Claims (consumer update, 7 April 2010). The FDA's legacy address, as published in 2010; its current fda.gov address could not be confirmed",
                "US Food and Drug Administration",
            )
        ],
        {
            "title": "FDA Warns About Lipodissolve Product Claims (consumer update, 7 April 2010)",
            "publisher": "US Food and Drug Administration",
            "note": "The address is the FDA's legacy address, as published in 2010; its current fda.gov address could not be confirmed.",
        },
    ),
    "mammucari-2011": (
        [
            (
                "Mammucari M, Gatti A, Maggiori S, Bartoletti CA, Sabato AF. Mesotherapy, definition, rationale and clinical role: a consensus report from the Italian Society of Mesotherapy (authors and pages confirmed from the article's text; it has no DOI, so no link)",
                "European Review for Medical and Pharmacological Sciences (15:682-694)",
            )
        ],
        {
            "title": "Mammucari M, Gatti A, Maggiori S, Bartoletti CA, Sabato AF. Mesotherapy, definition, rationale and clinical role: a consensus report from the Italian Society of Mesotherapy",
            "publisher": "European Review for Medical and Pharmacological Sciences",
            "volume": "15:682-694",
            "note": "Authors and pages confirmed from the article's text. It has no DOI, so no link.",
        },
    ),
    "carbonne-2009": (
        [
            (
                "Carbonne A, et al. Outbreak of nontuberculous mycobacterial subcutaneous infections related to multiple mesotherapy injections",
                "Journal of Clinical Microbiology (47:1961)",
            )
        ],
        {
            "title": "Carbonne A, et al. Outbreak of nontuberculous mycobacterial subcutaneous infections related to multiple mesotherapy injections",
            "publisher": "Journal of Clinical Microbiology",
            "volume": "47:1961",
        },
    ),
    "finasteride-label": (
        [
            (
                "PROPECIA (finasteride) tablets: US prescribing information (contraindication in pregnancy, exposure of women to the tablets, adverse reactions)",
                "US Food and Drug Administration-approved label, on DailyMed (US National Library of Medicine)",
            )
        ],
        {
            "title": "PROPECIA (finasteride) tablets: US prescribing information",
            "publisher": "US Food and Drug Administration-approved label, on DailyMed (US National Library of Medicine)",
            "note": "Relied on for the contraindication in pregnancy, the exposure of women to the tablets, and the adverse reactions.",
        },
    ),
    "hair-mesotherapy-review-2023": (
        [
            (
                "Systematic review of mesotherapy: a novel avenue for the treatment of hair loss (27 studies; PubMed 37558233). Title, journal and DOI confirmed on PubMed; the authors' names were not shown in the records we could read",
                "Journal of Dermatological Treatment (34(1):2245084)",
            )
        ],
        {
            "title": "Systematic review of mesotherapy: a novel avenue for the treatment of hair loss",
            "publisher": "Journal of Dermatological Treatment",
            "volume": "34(1):2245084",
            "authors_checked": False,
            "note": "27 studies; PubMed 37558233. Title, journal and DOI confirmed on PubMed; the authors' names were not shown in the records we could read.",
        },
    ),
    "kybella-label": (
        [
            (
                "KYBELLA (deoxycholic acid) injection: US prescribing information, warnings and clinical trial results",
                "Allergan (label approved by the US Food and Drug Administration, revised 2022)",
            )
        ],
        {
            "title": "KYBELLA (deoxycholic acid) injection: US prescribing information",
            "publisher": "Allergan (label approved by the US Food and Drug Administration, revised 2022)",
            "note": "Relied on for its warnings and its clinical trial results.",
        },
    ),
    "cardenas-camarena-2017": (
        [
            (
                "Cardenas-Camarena L, Andres Gerardo LP, Duran H, Bayter-Marin JE. Strategies for reducing fatal complications in liposuction",
                "Plastic and Reconstructive Surgery Global Open (5:e1539)",
            )
        ],
        {
            "title": "Cardenas-Camarena L, Andres Gerardo LP, Duran H, Bayter-Marin JE. Strategies for reducing fatal complications in liposuction",
            "publisher": "Plastic and Reconstructive Surgery Global Open",
            "volume": "5:e1539",
        },
    ),
    "dha-sheryan": (
        [
            (
                "Health Regulation FAQs (Sheryan, the licensing system for health professionals and facilities)",
                "Dubai Health Authority",
            )
        ],
        {
            "title": "Health Regulation FAQs",
            "publisher": "Dubai Health Authority",
            "note": "The FAQs of Sheryan, the Dubai Health Authority's licensing system for health professionals and facilities.",
        },
    ),
    "gulfnews-dha-registry": (
        [
            (
                "3 ways to check if your doctor or clinic is licensed in Dubai (reporting the Dubai Health Authority's guidance)",
                "Gulf News",
            )
        ],
        {
            "title": "3 ways to check if your doctor or clinic is licensed in Dubai",
            "publisher": "Gulf News",
            "note": "A news report of the Dubai Health Authority's guidance.",
        },
    ),
    "singsing-2022": (
        [
            (
                "Singsing ME, Duncan SG, Vachon MJ, Goff HW. Clinical features of mesotherapy-associated non-tuberculous mycobacterial infections: a systematic review",
                "International Journal of Women's Dermatology (issue 4, e059). Its DOI could not be confirmed: the address is a bibliographic record that shows the article",
            )
        ],
        {
            "title": "Singsing ME, Duncan SG, Vachon MJ, Goff HW. Clinical features of mesotherapy-associated non-tuberculous mycobacterial infections: a systematic review",
            "publisher": "International Journal of Women's Dermatology",
            "volume": "issue 4, e059",
            "link_kind": "copy",
            "note": "Its DOI could not be confirmed: the address is a bibliographic record that shows the article.",
        },
    ),
    "vaghela-2021": (
        [
            (
                "Vaghela D, Davies E, Murray G, Convery C, Walker L. Guideline for the management of herpes simplex 1 and cosmetic interventions (no DOI found; the journal's own page)",
                "Journal of Clinical and Aesthetic Dermatology",
            )
        ],
        {
            "title": "Vaghela D, Davies E, Murray G, Convery C, Walker L. Guideline for the management of herpes simplex 1 and cosmetic interventions",
            "publisher": "Journal of Clinical and Aesthetic Dermatology",
            "note": "No DOI found; the address is the journal's own page.",
        },
    ),
    "dutasteride-label": (
        [
            (
                "Dutasteride capsules: US prescribing information (contraindicated in pregnancy), the FDA's label as published through openFDA",
                "US Food and Drug Administration",
            )
        ],
        {
            "title": "Dutasteride capsules: US prescribing information",
            "publisher": "US Food and Drug Administration",
            "note": "Relied on for the contraindication in pregnancy. The address is the FDA's label as published through openFDA.",
        },
    ),
    "duque-estrada-2009": (
        [
            (
                "Duque-Estrada B, Vincenzi C, Misciali C, Tosti A. Alopecia secondary to mesotherapy",
                "Journal of the American Academy of Dermatology (61(4):707-709)",
            )
        ],
        {
            "title": "Duque-Estrada B, Vincenzi C, Misciali C, Tosti A. Alopecia secondary to mesotherapy",
            "publisher": "Journal of the American Academy of Dermatology",
            "volume": "61(4):707-709",
        },
    ),
    "hair-loss-injection-sites-2017": (
        [
            (
                "Hair loss at injection sites of mesotherapy for alopecia (three patients; PubMed 28160387). Title, journal, DOI and abstract confirmed; the authors' names were not shown in the records we could read",
                "Journal of Cosmetic Dermatology",
            )
        ],
        {
            "title": "Hair loss at injection sites of mesotherapy for alopecia",
            "publisher": "Journal of Cosmetic Dermatology",
            "authors_checked": False,
            "note": "Three patients; PubMed 28160387. Title, journal, DOI and abstract confirmed; the authors' names were not shown in the records we could read.",
        },
    ),
    "issa-2022": (
        [
            (
                "Issa NT, Kaiser M, Martinez-Velasco A, Tosti A. Alopecia after cosmetic injection procedures: a review",
                "Dermatologic Surgery (48(8):855-861)",
            )
        ],
        {
            "title": "Issa NT, Kaiser M, Martinez-Velasco A, Tosti A. Alopecia after cosmetic injection procedures: a review",
            "publisher": "Dermatologic Surgery",
            "volume": "48(8):855-861",
        },
    ),
    "avodart-label-2020": (
        [
            (
                "AVODART (dutasteride): safety-related labelling changes, 30 January 2020 (contraindicated in pregnancy; capsules not to be handled by women who are or may be pregnant)",
                "US Food and Drug Administration",
            )
        ],
        {
            "title": "AVODART (dutasteride): safety-related labelling changes, 30 January 2020",
            "publisher": "US Food and Drug Administration",
            "note": "Relied on for: contraindicated in pregnancy; capsules not to be handled by women who are or may be pregnant.",
        },
    ),
    "adil-2017": (
        [
            (
                "Adil A, Godwin M. The effectiveness of treatments for androgenetic alopecia: a systematic review and meta-analysis",
                "Journal of the American Academy of Dermatology",
            )
        ],
        {
            "title": "Adil A, Godwin M. The effectiveness of treatments for androgenetic alopecia: a systematic review and meta-analysis",
            "publisher": "Journal of the American Academy of Dermatology",
            "link_kind": "copy",
            "note": "The address is the article's PubMed record.",
        },
    ),
    "gupta-2022-nma": (
        [
            (
                "Gupta AK, et al. Efficacy of non-surgical treatments for androgenetic alopecia in men and women: a systematic review with network meta-analyses, and an assessment of evidence quality",
                "Journal of Dermatological Treatment (33(1):62-72)",
            )
        ],
        {
            "title": "Gupta AK, et al. Efficacy of non-surgical treatments for androgenetic alopecia in men and women: a systematic review with network meta-analyses, and an assessment of evidence quality",
            "publisher": "Journal of Dermatological Treatment",
            "volume": "33(1):62-72",
        },
    ),
    "levothyroxine-boxed-warning": (
        [
            (
                "Levothyroxine (LEVO-T): boxed warning, not for the treatment of obesity or for weight loss (safety-related labelling change, 5 December 2017)",
                "US Food and Drug Administration",
            )
        ],
        {
            "title": "Levothyroxine (LEVO-T): safety-related labelling change, 5 December 2017",
            "publisher": "US Food and Drug Administration",
            "note": "Relied on for its boxed warning: not for the treatment of obesity or for weight loss.",
        },
    ),
    "gupta-2023-jak": (
        [
            (
                "Gupta AK, Wang T, Polla Ravi S, et al. Systematic review of newer agents for the management of alopecia areata in adults: Janus kinase inhibitors, biologics and phosphodiesterase-4 inhibitors",
                "Journal of the European Academy of Dermatology and Venereology (37(4):666-679)",
            )
        ],
        {
            "title": "Gupta AK, Wang T, Polla Ravi S, et al. Systematic review of newer agents for the management of alopecia areata in adults: Janus kinase inhibitors, biologics and phosphodiesterase-4 inhibitors",
            "publisher": "Journal of the European Academy of Dermatology and Venereology",
            "volume": "37(4):666-679",
        },
    ),
    "chatrath-2019": (
        [
            (
                "Chatrath V, Banerjee PS, Goodman GJ, Rahman E. Soft-tissue filler-associated blindness: a systematic review of case reports and case series",
                "Plastic and Reconstructive Surgery Global Open (7(4):e2173)",
            )
        ],
        {
            "title": "Chatrath V, Banerjee PS, Goodman GJ, Rahman E. Soft-tissue filler-associated blindness: a systematic review of case reports and case series",
            "publisher": "Plastic and Reconstructive Surgery Global Open",
            "volume": "7(4):e2173",
        },
    ),
    "who-waist-2008": (
        [
            (
                "Waist circumference and waist-hip ratio: report of a WHO expert consultation, Geneva, 8-11 December 2008 (published 2011)",
                "World Health Organization",
            )
        ],
        {
            "title": "Waist circumference and waist-hip ratio: report of a WHO expert consultation, Geneva, 8-11 December 2008",
            "publisher": "World Health Organization",
            "note": "The consultation met in 2008; its report was published in 2011.",
        },
    ),
    "joseph-2017-bdd": (
        [
            (
                "Joseph AW, Ishii L, Joseph SS, et al. Prevalence of body dysmorphic disorder and surgeon diagnostic accuracy in facial plastic and oculoplastic surgery clinics",
                "JAMA Facial Plastic Surgery",
            )
        ],
        {
            "title": "Joseph AW, Ishii L, Joseph SS, et al. Prevalence of body dysmorphic disorder and surgeon diagnostic accuracy in facial plastic and oculoplastic surgery clinics",
            "publisher": "JAMA Facial Plastic Surgery",
            "link_kind": "copy",
            "note": "The address is the article's full text on PubMed Central.",
        },
    ),
    "bdd-cosmetic-dermatology": (
        [
            (
                "Castle DJ, et al. Body dysmorphic disorder and cosmetic dermatology: more than skin deep (PubMed 17147563; PMC1785390)",
                "Journal of Cosmetic Dermatology (3(2):99-103)",
            )
        ],
        {
            "title": "Castle DJ, et al. Body dysmorphic disorder and cosmetic dermatology: more than skin deep",
            "publisher": "Journal of Cosmetic Dermatology",
            "volume": "3(2):99-103",
            "note": "PubMed 17147563; PMC1785390.",
        },
    ),
    "kanti-2018": (
        [
            (
                "Kanti V, Messenger A, Dobos G, et al. Evidence-based (S3) guideline for the treatment of androgenetic alopecia in women and in men, short version",
                "Journal of the European Academy of Dermatology and Venereology (32:11-22)",
            )
        ],
        {
            "title": "Kanti V, Messenger A, Dobos G, et al. Evidence-based (S3) guideline for the treatment of androgenetic alopecia in women and in men, short version",
            "publisher": "Journal of the European Academy of Dermatology and Venereology",
            "volume": "32:11-22",
        },
    ),
    "friedmann-2017": (
        [
            (
                "Friedmann DP, Vick GL, Mishra V. Cellulite: a review with a focus on subcision",
                "Clinical, Cosmetic and Investigational Dermatology (10:17-23)",
            )
        ],
        {
            "title": "Friedmann DP, Vick GL, Mishra V. Cellulite: a review with a focus on subcision",
            "publisher": "Clinical, Cosmetic and Investigational Dermatology",
            "volume": "10:17-23",
        },
    ),
    "vispute-2011": (
        [
            (
                "Vispute SS, Smith JD, LeCheminant JD, Hurley KS. The effect of abdominal exercise on abdominal fat",
                "Journal of Strength and Conditioning Research (25:2559-2564)",
            )
        ],
        {
            "title": "Vispute SS, Smith JD, LeCheminant JD, Hurley KS. The effect of abdominal exercise on abdominal fat",
            "publisher": "Journal of Strength and Conditioning Research",
            "volume": "25:2559-2564",
        },
    ),
    "mckesey-2020": (
        [
            (
                "McKesey J, Tovar-Garza A, Pandya AG. Melasma treatment: an evidence-based review (a systematic review of randomised controlled trials)",
                "American Journal of Clinical Dermatology (21(2):173-225); the address is the article as reprinted by Medscape, its DOI not confirmed",
            )
        ],
        {
            "title": "McKesey J, Tovar-Garza A, Pandya AG. Melasma treatment: an evidence-based review",
            "publisher": "American Journal of Clinical Dermatology",
            "volume": "21(2):173-225",
            "link_kind": "copy",
            "note": "A systematic review of randomised controlled trials. The address is the article as reprinted by Medscape; its DOI was not confirmed.",
        },
    ),
    "jones-2016-refine1": (
        [
            (
                "Jones DH, Carruthers J, Joseph JH, et al. REFINE-1, a multicenter, randomized, double-blind, placebo-controlled, phase 3 trial with ATX-101, an injectable drug for submental fat reduction (1-grade response 70.0% vs 18.6%)",
                "Dermatologic Surgery (January 2016 issue)",
            ),
            (
                "Jones DH, Carruthers J, Joseph JH, et al. REFINE-1, a multicenter, randomized, double-blind, placebo-controlled, phase 3 trial with ATX-101, an injectable drug for submental fat reduction (1-grade response 70.0% vs 18.6%; 2-grade 13.4% vs 0%)",
                "Dermatologic Surgery (42(1), January 2016)",
            ),
        ],
        {
            "title": "Jones DH, Carruthers J, Joseph JH, et al. REFINE-1, a multicenter, randomized, double-blind, placebo-controlled, phase 3 trial with ATX-101, an injectable drug for submental fat reduction",
            "publisher": "Dermatologic Surgery",
            "volume": "42(1)",
            "note": "Published in the January 2016 issue. 1-grade response 70.0% vs 18.6%; 2-grade 13.4% vs 0%.",
        },
    ),
    "hyaluronidase-review-2024": (
        [
            (
                "Kroumpouzos G, Treacy P. Hyaluronidase for dermal filler complications: review of applications and dosage recommendations",
                "JMIR Dermatology (7:e50403; PubMed 38231537)",
            )
        ],
        {
            "title": "Kroumpouzos G, Treacy P. Hyaluronidase for dermal filler complications: review of applications and dosage recommendations",
            "publisher": "JMIR Dermatology",
            "volume": "7:e50403",
            "note": "PubMed 38231537.",
        },
    ),
    "supplements-bleeding-review-2022": (
        [
            (
                "Hatfield J, et al. Dietary supplements and bleeding (garlic linked to surgical bleeding; ginkgo conflicting; fish oil not linked; PubMed 36304597)",
                "Baylor University Medical Center Proceedings (35(6):802-807)",
            )
        ],
        {
            "title": "Hatfield J, et al. Dietary supplements and bleeding",
            "publisher": "Baylor University Medical Center Proceedings",
            "volume": "35(6):802-807",
            "note": "Garlic linked to surgical bleeding; ginkgo conflicting; fish oil not linked. PubMed 36304597.",
        },
    ),
    "jalian-2014": (
        [
            (
                "Jalian HR, Avram MM, Garibyan L, Mihm MC, Anderson RR. Paradoxical adipose hyperplasia after cryolipolysis (first report; incidence 0.0051%; no spontaneous resolution seen; PubMed 24382640)",
                "JAMA Dermatology (150(3):317-319)",
            )
        ],
        {
            "title": "Jalian HR, Avram MM, Garibyan L, Mihm MC, Anderson RR. Paradoxical adipose hyperplasia after cryolipolysis",
            "publisher": "JAMA Dermatology",
            "volume": "150(3):317-319",
            "note": "First report; incidence 0.0051%; no spontaneous resolution seen. PubMed 24382640.",
        },
    ),
    "kelly-2018": (
        [
            (
                "Kelly ME, Rodriguez-Feliz J, Torres C, Kelly E. Treatment of paradoxical adipose hyperplasia following cryolipolysis: a single-center experience (no spontaneous resolution; treated by liposuction; more frequent than the maker reported)",
                "Plastic and Reconstructive Surgery (142(1):17e-22e)",
            )
        ],
        {
            "title": "Kelly ME, Rodriguez-Feliz J, Torres C, Kelly E. Treatment of paradoxical adipose hyperplasia following cryolipolysis: a single-center experience",
            "publisher": "Plastic and Reconstructive Surgery",
            "volume": "142(1):17e-22e",
            "note": "No spontaneous resolution; treated by liposuction; more frequent than the maker reported.",
        },
    ),
    "nikolis-2021": (
        [
            (
                "Nikolis A, Enright KM. A multicenter evaluation of paradoxical adipose hyperplasia following cryolipolysis for fat reduction and body contouring: a review of 8658 cycles in 2114 patients (incidence 0.05% to 0.39% per cycle, mostly older devices)",
                "Aesthetic Surgery Journal (41(8):932-941)",
            )
        ],
        {
            "title": "Nikolis A, Enright KM. A multicenter evaluation of paradoxical adipose hyperplasia following cryolipolysis for fat reduction and body contouring: a review of 8658 cycles in 2114 patients",
            "publisher": "Aesthetic Surgery Journal",
            "volume": "41(8):932-941",
            "note": "Incidence 0.05% to 0.39% per cycle, mostly older devices.",
        },
    ),
    "asilian-2024": (
        [
            (
                "Asilian A, Farmani A, Saber M. Clinical efficacy and safety of low-dose oral minoxidil versus topical solution in the improvement of androgenetic alopecia: a randomized controlled trial (65 patients, 1 mg daily vs 5% solution, 6 months)",
                "Journal of Cosmetic Dermatology",
            )
        ],
        {
            "title": "Asilian A, Farmani A, Saber M. Clinical efficacy and safety of low-dose oral minoxidil versus topical solution in the improvement of androgenetic alopecia: a randomized controlled trial",
            "publisher": "Journal of Cosmetic Dermatology",
            "note": "65 patients, 1 mg daily vs 5% solution, 6 months.",
        },
    ),
    "ritlecitinib-label": (
        [
            (
                "LITFULO (ritlecitinib), a JAK inhibitor for severe alopecia areata: US prescribing information with its boxed warning (serious infections, mortality, malignancy, major heart events, thrombosis), the FDA's label as published through openFDA",
                "US Food and Drug Administration",
            )
        ],
        {
            "title": "LITFULO (ritlecitinib): US prescribing information",
            "publisher": "US Food and Drug Administration",
            "note": "A JAK inhibitor for severe alopecia areata. Relied on for its boxed warning (serious infections, mortality, malignancy, major heart events, thrombosis). The address is the FDA's label as published through openFDA.",
        },
    ),
    "fda-jak-2021": (
        [
            (
                "FDA requires warnings about increased risk of serious heart-related events, cancer, blood clots, and death for JAK inhibitors (1 September 2021), as summarised by the NHS Specialist Pharmacy Service; the FDA's own page not confirmed",
                "US Food and Drug Administration, via NHS Specialist Pharmacy Service",
            )
        ],
        {
            "title": "FDA requires warnings about increased risk of serious heart-related events, cancer, blood clots, and death for JAK inhibitors (drug safety communication, 1 September 2021)",
            "publisher": "US Food and Drug Administration, via NHS Specialist Pharmacy Service",
            "link_kind": "copy",
            "note": "The address is the communication as summarised by the NHS Specialist Pharmacy Service; the FDA's own page not confirmed.",
        },
    ),
    "hughes-2013": (
        [
            (
                "Hughes MCB, Williams GM, Baker P, Green AC. Sunscreen and prevention of skin aging: a randomized trial (903 adults under 55; daily sunscreen, 24 per cent less skin ageing over 4.5 years than sunscreen at will)",
                "Annals of Internal Medicine (158:781-790)",
            )
        ],
        {
            "title": "Hughes MCB, Williams GM, Baker P, Green AC. Sunscreen and prevention of skin aging: a randomized trial",
            "publisher": "Annals of Internal Medicine",
            "volume": "158:781-790",
            "note": "903 adults under 55; daily sunscreen, 24 per cent less skin ageing over 4.5 years than sunscreen at will.",
        },
    ),
    "sitohang-2022": (
        [
            (
                "Sitohang IBS, Makes WI, Sandora N, Suryanegara J. Topical tretinoin for treating photoaging: a systematic review of randomized controlled trials (7 trials; PubMed 35620028; PMC9112391)",
                "International Journal of Women's Dermatology",
            )
        ],
        {
            "title": "Sitohang IBS, Makes WI, Sandora N, Suryanegara J. Topical tretinoin for treating photoaging: a systematic review of randomized controlled trials",
            "publisher": "International Journal of Women's Dermatology",
            "note": "7 trials; PubMed 35620028; PMC9112391.",
        },
    ),
    "ravindran-2025": (
        [
            (
                "Ravindran R, Pizzol D, Rahmati M, et al. Cryolipolysis and associated health outcomes, adverse events, and satisfaction: a systematic review and meta-analysis (30 studies, 3158 people; satisfaction 80.4%; numbness 49.5%, redness 44.5%, swelling 30.5%, pain 28.8%)",
                "Obesity Reviews",
            )
        ],
        {
            "title": "Ravindran R, Pizzol D, Rahmati M, et al. Cryolipolysis and associated health outcomes, adverse events, and satisfaction: a systematic review and meta-analysis",
            "publisher": "Obesity Reviews",
            "note": "30 studies, 3158 people; satisfaction 80.4%; numbness 49.5%, redness 44.5%, swelling 30.5%, pain 28.8%.",
        },
    ),
    "humphrey-2021": (
        [
            (
                "Humphrey S, Cohen JL, Bhatia AC, Green LJ, Green JB, Bowen B. Improvements in submental contour up to 3 years after ATX-101: efficacy and safety follow-up of the phase 3 REFINE trials (response kept at year 3: 82.4% vs 65.0%; PubMed 33617632)",
                "Aesthetic Surgery Journal (41(11):NP1532-NP1539)",
            )
        ],
        {
            "title": "Humphrey S, Cohen JL, Bhatia AC, Green LJ, Green JB, Bowen B. Improvements in submental contour up to 3 years after ATX-101: efficacy and safety follow-up of the phase 3 REFINE trials",
            "publisher": "Aesthetic Surgery Journal",
            "volume": "41(11):NP1532-NP1539",
            "note": "Response kept at year 3: 82.4% vs 65.0%. PubMed 33617632.",
        },
    ),
    "taylor-2003-triple-cream": (
        [
            (
                "Taylor SC, Torok H, Jones T, et al. Efficacy and safety of a new triple-combination agent for the treatment of facial melasma (two 8-week trials, 641 adults; completely clear 26.1% vs 4.6% with two-drug creams; PubMed 12889718)",
                "Cutis (72(1):67-72)",
            )
        ],
        {
            "title": "Taylor SC, Torok H, Jones T, et al. Efficacy and safety of a new triple-combination agent for the treatment of facial melasma",
            "publisher": "Cutis",
            "volume": "72(1):67-72",
            "link_kind": "copy",
            "note": "Two 8-week trials, 641 adults; completely clear 26.1% vs 4.6% with two-drug creams. PubMed 12889718; the address is its PubMed record.",
        },
    ),
    "kaufman-1998": (
        [
            (
                "Kaufman KD, Olsen EA, Whiting D, et al. Finasteride in the treatment of men with androgenetic alopecia (two 1-year trials, 1553 men; 107 and 138 more hairs than placebo in a 5.1 cm2 circle at 1 and 2 years; placebo men kept losing hair). Bibliographic record; DOI not confirmed",
                "Journal of the American Academy of Dermatology",
            )
        ],
        {
            "title": "Kaufman KD, Olsen EA, Whiting D, et al. Finasteride in the treatment of men with androgenetic alopecia",
            "publisher": "Journal of the American Academy of Dermatology",
            "link_kind": "copy",
            "note": "Two 1-year trials, 1553 men; 107 and 138 more hairs than placebo in a 5.1 cm2 circle at 1 and 2 years; placebo men kept losing hair. The address is a bibliographic record; DOI not confirmed.",
        },
    ),
    "nassab-2015": (
        [
            (
                "Nassab R. The evidence behind noninvasive body contouring devices (a review: little high-level evidence that any of these devices is effective)",
                "Aesthetic Surgery Journal (35(3):279-293)",
            )
        ],
        {
            "title": "Nassab R. The evidence behind noninvasive body contouring devices",
            "publisher": "Aesthetic Surgery Journal",
            "volume": "35(3):279-293",
            "note": "A review: little high-level evidence that any of these devices is effective.",
        },
    ),
    "jpac-anti-androgens": (
        [
            (
                "Anti-androgens: blood donor selection guideline (no donation within 6 months of dutasteride or 4 weeks of finasteride, because both can harm a male baby in the womb)",
                "Joint UK Blood Transfusion and Tissue Transplantation Services Professional Advisory Committee (JPAC)",
            )
        ],
        {
            "title": "Anti-androgens: blood donor selection guideline",
            "publisher": "Joint UK Blood Transfusion and Tissue Transplantation Services Professional Advisory Committee (JPAC)",
            "note": "No donation within 6 months of dutasteride or 4 weeks of finasteride, because both can harm a male baby in the womb.",
        },
    ),
    "tranexamic-acid-label": (
        [
            (
                "Tranexamic acid tablets: US prescribing information (licensed for heavy periods only). The clot contraindications and the warning on combined hormonal birth control were read in summaries of the label, not in its own section 4",
                "US Food and Drug Administration, label as published through openFDA",
            )
        ],
        {
            "title": "Tranexamic acid tablets: US prescribing information",
            "publisher": "US Food and Drug Administration",
            "note": "Licensed for heavy periods only. The clot contraindications and the warning on combined hormonal birth control were read in summaries of the label, not in its own section 4. The address is the FDA's label as published through openFDA.",
        },
    ),
    "vinogradova-2019-hrt": (
        [
            (
                "Vinogradova Y, et al. Use of hormone replacement therapy and risk of venous thromboembolism (BMJ 2019): HRT tablets raised the risk of clots, patches and gels did not. Read as summarised by the British Heart Foundation; the paper itself not read",
                "British Heart Foundation (Heart Matters, 11 January 2019)",
            )
        ],
        {
            "title": "Vinogradova Y, et al. Use of hormone replacement therapy and risk of venous thromboembolism (BMJ 2019)",
            "publisher": "British Heart Foundation (Heart Matters, 11 January 2019)",
            "link_kind": "copy",
            "note": "Read as summarised by the British Heart Foundation; the paper itself not read. HRT tablets raised the risk of clots, patches and gels did not.",
        },
    ),
    "humphrey-2016-refine2": (
        [
            (
                "Humphrey S, Sykes JM, Kantor J, et al. ATX-101 for reduction of submental fat: a phase III randomized controlled trial (REFINE-2; 1-grade response 66.5% vs 22.2%; 2-grade 18.6% vs 3.0%)",
                "Journal of the American Academy of Dermatology (75(4):788-797.e7)",
            )
        ],
        {
            "title": "Humphrey S, Sykes JM, Kantor J, et al. ATX-101 for reduction of submental fat: a phase III randomized controlled trial",
            "publisher": "Journal of the American Academy of Dermatology",
            "volume": "75(4):788-797.e7",
            "note": "REFINE-2. 1-grade response 66.5% vs 22.2%; 2-grade 18.6% vs 3.0%.",
        },
    ),
}


def take_notes_out(apps, schema_editor):
    Source = apps.get_model("content", "Source")
    for key, (earlier, values) in CHANGES.items():
        for title, publisher in earlier:
            Source.objects.filter(corpus_key=key, title=title, publisher=publisher, note="").update(
                **values
            )


class Migration(migrations.Migration):
    dependencies = [("content", "0015_source_note_and_checks")]

    operations = [migrations.RunPython(take_notes_out, migrations.RunPython.noop)]
