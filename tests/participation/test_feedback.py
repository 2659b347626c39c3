"""'Trang này có hữu ích không?' on guide and FAQ pages: the form, valid and invalid posts, no JS."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import NewsPage
from participation.models import Feedback
from tests.participation.conftest import soup

pytestmark = pytest.mark.django_db


def test_every_guide_page_has_the_feedback_form(client, haquang_guide):
    page = soup(client.get(haquang_guide.url))
    form = page.find("form", id="feedback")
    assert form["method"] == "post"
    assert form["action"] == reverse("participation_feedback", args=[haquang_guide.pk])
    assert form["data-csrf-fetch"] == "/csrf-token/"
    assert [radio["value"] for radio in form.find_all("input", attrs={"name": "helpful"})] == ["yes", "no"]
    assert form.find("textarea", attrs={"name": "comment"})["maxlength"] == "1000"
    assert form.find("legend").get_text(strip=True) == "Trang này có hữu ích không?"


def test_faq_pages_have_the_form_and_news_pages_do_not(client, province_faq):
    assert soup(client.get(province_faq.url)).find("form", id="feedback") is not None
    news = NewsPage.objects.live().first()
    assert soup(client.get(news.url)).find("form", id="feedback") is None


def test_the_cached_page_holds_no_csrf_token_and_sets_no_cookie(client, haquang_guide):
    response = client.get(haquang_guide.url)
    assert b"csrfmiddlewaretoken" not in response.content
    assert "csrftoken" not in response.cookies


def test_the_page_loads_the_script_from_static_and_no_inline_code(client, haquang_guide):
    page = soup(client.get(haquang_guide.url))
    scripts = [script for script in page.find_all("script") if script.get("type") != "application/ld+json"]
    assert "/static/js/participation-forms.js" in [script.get("src") for script in scripts]
    assert all(script.get("src") and not script.string for script in scripts)
    assert page.find(attrs={"style": True}) is None


def test_a_valid_answer_is_stored_and_thanked(client, haquang_guide):
    response = client.post(
        reverse("participation_feedback", args=[haquang_guide.pk]), {"helpful": "no", "comment": "Thiếu mẫu tờ khai."}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("participation_feedback_thanks", args=[haquang_guide.pk])
    feedback = Feedback.objects.get(page=haquang_guide)
    assert (feedback.helpful, feedback.comment) == (False, "Thiếu mẫu tờ khai.")
    thanks = soup(client.get(response["Location"]))
    assert thanks.find("h1").get_text(strip=True) == "Cảm ơn bạn đã cho biết ý kiến"


def test_the_comment_is_optional(client, haquang_guide):
    client.post(reverse("participation_feedback", args=[haquang_guide.pk]), {"helpful": "yes"})
    assert list(Feedback.objects.filter(page=haquang_guide).values_list("helpful", "comment")) == [(True, "")]


@pytest.mark.parametrize(
    ("data", "field", "label", "message"),
    [
        ({}, "helpful", "Trang này có hữu ích không?", "Hãy chọn “Có” hoặc “Không”."),
        ({"helpful": "maybe"}, "helpful", "Trang này có hữu ích không?", "Hãy chọn “Có” hoặc “Không”."),
        (
            {"helpful": "yes", "comment": "x" * 1001},
            "comment",
            "Góp ý thêm (không bắt buộc)",
            "Góp ý tối đa 1000 ký tự (hiện có 1001).",
        ),
    ],
)
def test_an_invalid_answer_gets_400_with_the_form_and_nothing_is_stored(
    client, haquang_guide, data, field, label, message
):
    response = client.post(reverse("participation_feedback", args=[haquang_guide.pk]), data)
    assert response.status_code == 400
    page = soup(response)
    form = page.find("form", id="feedback")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert form.find("input", id="feedback-website")["name"] == "website"
    assert page.find(id=f"feedback-{field}-error").get_text(strip=True) == message
    assert page.find(class_="form-errors").find("li").get_text(strip=True) == f"{label}: {message}"
    assert Feedback.objects.filter(page=haquang_guide).count() == 0


def test_the_json_answer_of_the_enhanced_form(client, haquang_guide):
    url = reverse("participation_feedback", args=[haquang_guide.pk])
    ok = client.post(url, {"helpful": "yes"}, HTTP_ACCEPT="application/json")
    assert ok.status_code == 200
    assert ok.json()["ok"] is True
    bad = client.post(url, {"helpful": ""}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400
    assert bad.json() == {"ok": False, "errors": {"helpful": ["Hãy chọn “Có” hoặc “Không”."]}}
    assert Feedback.objects.filter(page=haquang_guide).count() == 1


def test_feedback_on_a_page_that_takes_none_is_a_404(client):
    news = NewsPage.objects.live().first()
    response = client.post(reverse("participation_feedback", args=[news.pk]), {"helpful": "yes"})
    assert response.status_code == 404
    assert Feedback.objects.count() == 0


def test_without_a_token_the_answer_is_a_confirmation_page_and_nothing_is_stored(csrf_client, haquang_guide):
    url = reverse("participation_feedback", args=[haquang_guide.pk])
    response = csrf_client.post(url, {"helpful": "no", "comment": "Cần thêm ví dụ."})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert Feedback.objects.count() == 0
    form = soup(response).find("form", id="confirm-submission")
    assert form["action"] == url
    fields = {field["name"]: field["value"] for field in form.find_all("input", type="hidden")}
    assert fields["helpful"] == "no"
    assert fields["comment"] == "Cần thêm ví dụ."
    assert fields["csrfmiddlewaretoken"]


def test_one_click_on_the_confirmation_page_stores_it(csrf_client, haquang_guide):
    url = reverse("participation_feedback", args=[haquang_guide.pk])
    form = soup(csrf_client.post(url, {"helpful": "no", "comment": "Cần thêm ví dụ."})).find(
        "form", id="confirm-submission"
    )
    data = {field["name"]: field["value"] for field in form.find_all("input", type="hidden")}
    response = csrf_client.post(url, data)
    assert response.status_code == 302
    assert list(Feedback.objects.values_list("helpful", "comment")) == [(False, "Cần thêm ví dụ.")]


def test_a_token_from_the_endpoint_is_accepted(csrf_client, haquang_guide):
    token = csrf_client.get("/csrf-token/").json()["token"]
    response = csrf_client.post(
        reverse("participation_feedback", args=[haquang_guide.pk]), {"helpful": "yes", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Feedback.objects.count() == 1


def test_a_forged_token_is_not_accepted(csrf_client, haquang_guide):
    csrf_client.get("/csrf-token/")
    response = csrf_client.post(
        reverse("participation_feedback", args=[haquang_guide.pk]),
        {"helpful": "yes", "csrfmiddlewaretoken": "x" * 64},
    )
    assert response.status_code == 200
    assert soup(response).find("form", id="confirm-submission") is not None
    assert Feedback.objects.count() == 0


def test_the_trap_field_is_on_the_page_out_of_reach_of_people(client, haquang_guide):
    form = soup(client.get(haquang_guide.url)).find("form", id="feedback")
    trap = form.find("input", attrs={"name": "website"})
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    assert trap.find_parent("div")["aria-hidden"] == "true"


def test_the_honeypot_answers_like_a_success_and_stores_nothing(client, haquang_guide):
    response = client.post(
        reverse("participation_feedback", args=[haquang_guide.pk]), {"helpful": "yes", "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("participation_feedback_thanks", args=[haquang_guide.pk])
    assert Feedback.objects.count() == 0
