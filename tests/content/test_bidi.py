"""Latin runs inside Arabic text are isolated by the renderer: editors never type markup."""

import pytest
from django.utils import translation

from content.bidi import isolate_latin
from content.rendering import render_markdown

LTR = '<span dir="ltr" lang="en">'


def ar(text):
    return render_markdown(text, "ar")


@pytest.mark.parametrize(
    ("written", "isolated"),
    [
        ("يحتوي Kybella على", f"يحتوي {LTR}Kybella</span> على"),
        ("جرعة 10 mg يوميًا", f"جرعة {LTR}10 mg</span> يوميًا"),
        ("راسلنا: info@example.org.", f"راسلنا: {LTR}info@example.org</span>."),
        ("زر https://example.org/a?b=1، ثم", f"زر {LTR}https://example.org/a?b=1</span>، ثم"),
        ("اتصل بـ +966 11 234 5678 الآن", 'اتصل بـ <span dir="ltr">+966 11 234 5678</span> الآن'),
        ("(مثل Kybella)", f"(مثل {LTR}Kybella</span>)"),
        ("مادة deoxycholic acid (ATX-101) هنا", f"مادة {LTR}deoxycholic acid (ATX-101)</span> هنا"),
    ],
)
def test_runs_inside_arabic_are_isolated(written, isolated):
    assert ar(written) == f"<p>{isolated}</p>"


def test_plain_numbers_stay_as_they_are():
    assert ar("خلال 3 أيام من عام 2026") == "<p>خلال 3 أيام من عام 2026</p>"


def test_existing_spans_code_and_attributes_are_not_wrapped_twice():
    html = ar(
        'نص <span lang="en" dir="ltr">Kybella 10 mg</span> و `PRP x` و '
        "[PubMed](https://pubmed.ncbi.nlm.nih.gov/1/)"
    )
    assert html.count("<span") == 2
    assert '<span lang="en" dir="ltr">Kybella 10 mg</span>' in html
    assert '<code dir="ltr">PRP x</code>' in html
    assert (
        f'href="https://pubmed.ncbi.nlm.nih.gov/1/" rel="noopener noreferrer">{LTR}PubMed' in html
    )


def test_entities_survive_and_english_pages_are_untouched():
    assert ar("شركة A &amp; B <i>هنا</i>") == f"<p>شركة {LTR}A &amp; B</span> هنا</p>"
    assert render_markdown("Kybella 10 mg", "en") == "<p>Kybella 10 mg</p>"
    assert render_markdown("Kybella 10 mg") == "<p>Kybella 10 mg</p>"


@pytest.mark.django_db
def test_arabic_article_page_isolates_latin_without_markup(client, article):
    article.body_ar = "يحتوي Kybella على 10 mg."
    article.save()
    with translation.override("ar"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert f"يحتوي {LTR}Kybella</span> على {LTR}10 mg</span>." in html


def test_isolation_is_linear_on_long_input():
    text = "<p>" + "word " * 20000 + "كلمة " * 20000 + "</p>"
    assert isolate_latin(text).count("<span") == 1


def test_whole_pages_keep_their_markup_and_scripts():
    page = (
        '<!doctype html><html lang="ar" dir="rtl"><head><title>ميزو MesoInfo</title>'
        '<script type="application/ld+json">{"a": "x < y && 1 2"}</script>'
        "<style>p > a { color: red }</style></head><body>"
        '<p title="Kybella 10 mg">ترخيص 12-R-3456</p><select><option>English 2</option>'
        "</select><textarea>A &amp; B 051 234 5678</textarea><!-- a 1 2 -->"
        '<p dir="ltr">Already 051 234 5678</p><img alt="x" src="/a b.png"></body></html>'
    )
    out = isolate_latin(page)
    assert "<title>ميزو \u2066MesoInfo\u2069</title>" in out
    assert '{"a": "x < y && 1 2"}</script>' in out and "p > a { color: red }" in out
    assert '<p title="Kybella 10 mg">ترخيص <span dir="ltr" lang="en">12-R-3456</span></p>' in out
    assert "<option>\u2066English 2\u2069</option>" in out
    assert "<textarea>A &amp; B 051 234 5678</textarea><!-- a 1 2 -->" in out
    assert '<p dir="ltr">Already 051 234 5678</p><img alt="x" src="/a b.png">' in out
    assert isolate_latin(out) == out  # a second pass changes nothing
