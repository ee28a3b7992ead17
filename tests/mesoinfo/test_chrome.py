"""The page chrome (head links, header, footer) is kept per process by Django's {% cache %}
(keys from mesoinfo/templatetags/chrome.py): what differs between pages, languages and
clinic edits must still differ."""

import re

import pytest


def switch_link(html):
    from tests.content.test_i18n import switch_target

    return switch_target(
        re.search(r'<nav class="language-switcher".*?href="([^"]+)"', html, re.S).group(1)
    )


def current_item(html):
    return re.findall(r'href="([^"]+)" aria-current="page"', html)


@pytest.mark.django_db
@pytest.mark.parametrize("with_version", [True, False])
def test_a_clinic_edit_shows_at_once_in_the_footer_of_a_never_cached_page(
    client, clinic_profile, with_version, commit
):
    """The screener's questions are never page-cached, but their footer is kept, under the
    clinic's details: an edit shows at once, whether or not a cached page made a version."""
    if with_version:
        client.get("/en/")
    assert "Test Dermatology Clinic" in client.get("/en/screener/question/1/").content.decode()
    clinic_profile.trade_name_en = "Renamed Clinic"
    clinic_profile.phone = "+966110000009"
    with commit():
        clinic_profile.save()
    if with_version:
        client.get("/en/")
    html = client.get("/en/screener/question/1/").content.decode()
    assert "Renamed Clinic" in html and "Test Dermatology Clinic" not in html
    assert 'href="tel:+966110000009"' in html


@pytest.mark.django_db
def test_each_page_keeps_its_own_language_switch_menu_item_and_stylesheet(client):
    for _round in range(2):  # the second round is served from the stored parts
        ar_question = client.get("/ar/screener/question/1/").content.decode()
        en_question = client.get("/en/screener/question/1/").content.decode()
        ar_contact = client.get("/ar/contact/").content.decode()
        back_to_check = client.get("/ar/screener/question/1/?return=check").content.decode()
        missing = client.get("/en/no-such-page/").content.decode()
        assert switch_link(ar_question) == "/en/screener/question/1/"
        assert switch_link(en_question) == "/ar/screener/question/1/"
        assert switch_link(ar_contact) == "/en/contact/"
        assert switch_link(back_to_check) == "/en/screener/question/1/?return=check"
        assert current_item(ar_question) == ["/ar/screener/"]
        assert current_item(ar_contact) == ["/ar/contact/"]
        assert current_item(missing) == []
        assert "bootstrap.rtl" in ar_question and "noto-sans-arabic-400" in ar_question
        assert "bootstrap.rtl" not in en_question and "noto-sans-arabic" not in en_question
        assert 'href="/en/screener/"' in en_question and 'href="/en/screener/"' not in ar_question
