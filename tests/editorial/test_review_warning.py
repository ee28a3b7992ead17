"""Walk 5, item 5: a medical reviewer whose account is not the article's named reviewer is
told on the review screen, before approving, that her approval will not show as medical
review, and why, in her language."""

import pytest
from django.urls import reverse

from content.models import Article
from tests.conftest import medical_reviewers_group
from tests.editorial.test_workflow import submit

pytestmark = pytest.mark.django_db

WARNING = {
    "ar": "لن تظهر موافقتك على أنها مراجعة طبية",
    "en": "Your approval will not show as a medical review",
}
LINK_IT = {
    "ar": "اطلب من مدير الموقع أن يربط حسابك",
    "en": "Ask the administrator to link your account",
}


@pytest.fixture
def unlinked_doctor(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="dr-layla", password="a-long-test-password-42", is_staff=True
    )
    user.groups.add(medical_reviewers_group())
    return user


def review_page(client, editor, article, user, code, **then):
    client.force_login(editor)
    assert submit(client, article, body_en="## A subheading\n\nA new text.").status_code == 302
    if then:  # e.g. the reviewer taken off after submitting
        Article.objects.filter(pk=article.pk).update(**then)
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(user)
    url = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=code).content.decode()


@pytest.mark.parametrize("code", list(WARNING))
def test_an_unlinked_reviewer_is_warned_before_approving(
    client, editor, article, unlinked_doctor, code
):
    html = review_page(client, editor, article, unlinked_doctor, code)
    assert WARNING[code] in html and LINK_IT[code] in html
    assert html.index(WARNING[code]) < html.index('name="_approve"')
    assert article.reviewer.name in html


@pytest.mark.parametrize("code", list(WARNING))
def test_no_named_reviewer_chosen_is_said_too(client, editor, article, unlinked_doctor, code):
    html = review_page(client, editor, article, unlinked_doctor, code, reviewer=None)
    assert WARNING[code] in html


@pytest.mark.parametrize("code", list(WARNING))
def test_the_named_reviewer_is_not_warned(client, editor, article, doctor, code):
    html = review_page(client, editor, article, doctor, code)
    assert 'name="_approve"' in html
    assert WARNING[code] not in html
