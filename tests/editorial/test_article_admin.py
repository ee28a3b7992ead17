"""Editorial workflow in the admin: publishing needs everything, review-due list, readability."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import Article, Feedback
from content.publishing import missing_for_publishing
from content.readability import readability

pytestmark = pytest.mark.django_db


def test_a_complete_article_is_submitted_for_review_not_published(client, editor, article_form):
    client.force_login(editor)
    response = client.post("/admin/content/article/add/", article_form | {"_submit": "1"})
    assert response.status_code == 302
    article = Article.objects.get(slug_en="a-new-article")
    assert article.status == "draft" and article.latest_revision.status == "submitted"


@pytest.mark.parametrize(
    ("field", "english_message"),
    [
        ("title_en", "title (English)"),
        ("body_en", "body (English)"),
        ("summary_en", "summary (English)"),
        ("slug_en", "slug (English)"),
        ("reviewer", "a medical reviewer"),
        ("sources", "at least one source"),
    ],
)
def test_submitting_is_refused_when_something_is_missing(
    client, editor, article_form, field, english_message
):
    client.force_login(editor)
    article_form.pop(field)
    article_form["_submit"] = "1"
    response = client.post("/admin/content/article/add/", article_form, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This article cannot be submitted for review yet." in html
    assert "cannot be published" not in html
    assert english_message in html
    assert not Article.objects.exists()


def test_an_editor_submits_without_a_review_date_which_the_doctor_gives(
    client, editor, doctor, article_form
):
    """The editor cannot know when the review will be; the doctor's approval dates it."""
    client.force_login(editor)
    article_form.pop("last_reviewed")
    response = client.post("/admin/content/article/add/", article_form | {"_submit": "1"})
    assert response.status_code == 302
    article = Article.objects.get(slug_en="a-new-article")
    assert article.latest_revision.status == "submitted"
    client.force_login(doctor)
    from django.urls import reverse

    review = reverse("admin:content_article_review", args=[article.pk, article.latest_revision_id])
    assert client.post(review, {"_approve": "1"}).status_code == 302
    article.refresh_from_db()
    assert article.is_public and article.last_reviewed == timezone.localdate()


def test_publishing_still_needs_a_review_date(client, admin_user, article_form):
    client.force_login(admin_user)
    article_form.pop("last_reviewed")
    response = client.post(
        "/admin/content/article/add/", article_form | {"_publish": "1"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert "This article cannot be published yet." in html
    assert "the date of the last review" in html


@pytest.mark.parametrize(
    "code, placeholder, message",
    [
        ("ar", '!!! urgent "عنوان"\n    اتصل بالإسعاف.', "ما زالت إحدى بطاقات الرعاية"),
        ("en", "!!! warning\n    Text of the box.", "A care card still holds"),
    ],
)
def test_a_care_card_with_its_placeholder_is_not_submitted(
    client, editor, article_form, code, placeholder, message
):
    client.force_login(editor)
    article_form[f"body_{code}"] += "\n\n" + placeholder
    response = client.post(
        "/admin/content/article/add/",
        article_form | {"_submit": "1"},
        HTTP_ACCEPT_LANGUAGE=code,
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not Article.objects.exists()


def test_refusal_is_explained_in_arabic_to_an_arabic_editor(client, editor, article_form):
    client.force_login(editor)
    article_form.pop("body_en")
    article_form.pop("sources")
    article_form["_submit"] = "1"
    html = client.post("/admin/content/article/add/", article_form).content.decode()
    assert "لا يمكن إرسال هذه المقالة إلى المراجعة بعد." in html
    assert "النص (الإنجليزية)" in html and "مصدر واحد على الأقل" in html
    assert not Article.objects.exists()


def test_an_incomplete_article_may_be_saved_as_a_draft(client, editor, article_form):
    client.force_login(editor)
    article_form.update(status="draft", body_en="", sources=[])
    article_form.pop("reviewer")
    assert client.post("/admin/content/article/add/", article_form).status_code == 302
    assert Article.objects.get().status == "draft"


def test_missing_for_publishing_lists_everything_missing(reviewer, source):
    values = {f"{f}_{c}": "x" for f in ("title", "slug", "summary", "body") for c in ("ar", "en")}
    values |= {"reviewer": reviewer, "last_reviewed": "d", "next_review_due": "d"}
    assert missing_for_publishing(values, [source]) == []
    values["summary_ar"] = "   "
    assert [str(m) for m in missing_for_publishing(values, [])] == [
        "الملخص (العربية)",
        "مصدر واحد على الأقل",
    ]


def test_review_due_list_shows_overdue_and_soon_only(client, editor, make_article):
    today = timezone.localdate()
    overdue = make_article(next_review_due=today - timedelta(days=3))
    soon = make_article(next_review_due=today + timedelta(days=10))
    later = make_article(next_review_due=today + timedelta(days=90))
    client.force_login(editor)
    index = client.get("/admin/").content.decode()
    assert "/admin/content/articledueforreview/" in index
    response = client.get("/admin/content/articledueforreview/", HTTP_ACCEPT_LANGUAGE="ar")
    html = response.content.decode()
    assert response.status_code == 200
    assert overdue.title_ar in html and soon.title_ar in html
    assert later.title_ar not in html
    assert html.index(overdue.title_ar) < html.index(soon.title_ar)
    assert f"/admin/content/article/{overdue.pk}/change/" in html
    assert "متأخرة منذ" in html and "بعد 10 أيام" in html


def test_readability_numbers():
    body = (
        "## A heading that is not counted\n\n"
        "One two three four. Five six seven eight nine ten!\n\n"
        "- a short list item\n\n" + " ".join(["word"] * 24) + "."
    )
    result = readability(body)
    assert result.sentences == 4
    assert result.words == 4 + 6 + 4 + 24
    assert result.average_words == 9.5
    assert result.long_sentences == 1 and result.long_share == 25
    assert not result.too_long


def test_a_line_break_inside_a_paragraph_does_not_end_a_sentence():
    wrapped = "One two three four five six\nseven eight nine ten eleven twelve thirteen."
    result = readability(wrapped)
    assert result.sentences == 1 and result.words == 13
    assert readability("Dry one.\n\nDry two.").sentences == 2  # a new paragraph does


def test_arabic_readability_splits_on_the_arabic_question_mark():
    result = readability("هل الميزوثيرابي آمنة؟ ليست دائمًا آمنة. اسأل طبيبك")
    assert result.sentences == 3 and result.words == 8
    assert readability("").sentences == 0 and readability("").average_words == 0


def test_admin_shows_readability_and_warns_on_long_sentences(client, editor, make_article):
    long_sentence = " ".join(["كلمة"] * 30) + "."
    article = make_article(body_ar=long_sentence, body_en="Short one. Another short one.")
    client.force_login(editor)
    html = client.get(
        f"/admin/content/article/{article.pk}/change/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "average words per sentence" in html
    assert "<td>30.0</td><td>100</td>" in html  # Arabic: 30 words, all sentences long
    assert "<td>2.5</td><td>0</td>" in html  # English
    assert html.count('class="warning"') == 1
    assert "More than 20 words per sentence on average" in html


def test_feedback_counts_per_article_in_the_admin(client, editor, make_article):
    article = make_article()
    Feedback.objects.bulk_create(
        [Feedback(article=article, language="ar", helpful=h) for h in (True, True, True, False)]
    )
    client.force_login(editor)
    html = client.get("/admin/content/article/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<td class="field-helpful_yes">3</td>' in html
    assert '<td class="field-helpful_no">1</td>' in html
    assert client.get("/admin/content/feedback/").status_code == 200


@pytest.mark.parametrize(
    "code, says, placeholder, unapproved",
    [
        (
            "ar",
            "تقول الصفحة المنشورة للزوار إن المراجعة الطبية «لم تتم بعد»",
            "يمثّل العيادة وليس طبيبًا مُسمّى",
            "لم تُعتمد النسخة المنشورة من حساب",
        ),
        (
            "en",
            "The public page says “Medical reviewer: pending”",
            "stands for the clinic, not a named doctor",
            "was not approved by",
        ),
    ],
)
def test_the_form_says_why_the_page_shows_the_review_as_pending(
    client, editor, make_article, reviewer, code, says, placeholder, unapproved
):
    """Review D11: the admin showed a reviewer and a review date while the page said
    "medical reviewer: pending"; the form now says which rule the page follows."""
    from content.models import Reviewer

    client.force_login(editor)
    url = lambda article: reverse("admin:content_article_change", args=[article.pk])  # noqa: E731
    named = make_article()
    assert says not in client.get(url(named), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    stand_in = Reviewer.objects.create(
        name="The clinic's medical reviewer", credentials="", is_placeholder=True
    )
    for article, reason in (
        (make_article(reviewer=stand_in), placeholder),
        (make_article(approved=False), unapproved),
    ):
        page = client.get(url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
        assert says in page and reason in page
        public = client.get(article.get_absolute_url()).content.decode()
        assert "لم تتم المراجعة الطبية بعد" in public or "pending" in public
