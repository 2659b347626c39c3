"""/gui-cau-hoi/: the form, each valid and invalid input, honeypot, CSRF and storage."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from home.models import Unit
from participation.models import Question, QuestionStatus
from tests.participation.conftest import soup

pytestmark = pytest.mark.django_db

URL = "/gui-cau-hoi/"
QUESTION = "Làm thủ tục đăng ký khai sinh cho con ở xã nào?"


def test_the_page_shows_the_form_with_its_fields_and_a_token(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    form = soup(response).find("form", id="ask")
    assert form["method"] == "post"
    assert form["action"] == URL
    names = [field["name"] for field in form.find_all(["input", "textarea", "select"]) if field.get("type") != "hidden"]
    assert names == ["question", "name", "contact", "area", "unit", "website"]
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert form.find("textarea", attrs={"name": "question"})["maxlength"] == "2000"
    assert soup(response).find("h1").get_text(strip=True) == "Gửi câu hỏi"


def test_retired_units_are_neither_offered_nor_accepted(client):
    Unit.objects.create(slug="xa-cu", name="Xã Cũ", kind=Unit.Kind.COMMUNE, retired_on=datetime.date(2025, 7, 1))
    select = soup(client.get(URL)).find("select", attrs={"name": "unit"})
    options = [option["value"] for option in select.find_all("option")]
    assert "ha-quang" in options
    assert "xa-cu" not in options
    assert options[0] == ""
    assert client.post(URL, {"question": QUESTION, "unit": "xa-cu"}).status_code == 400
    assert not Question.objects.filter(question=QUESTION).exists()


def test_a_question_with_everything_is_stored_for_its_unit(client, haquang, area):
    data = {
        "question": QUESTION,
        "name": "Nguyễn Văn A",
        "contact": "A@Example.COM",
        "area": area.slug,
        "unit": "ha-quang",
    }
    response = client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("participation_ask_sent")
    question = Question.objects.get(question=QUESTION)
    assert (question.name, question.contact, question.area, question.unit) == (
        "Nguyễn Văn A",
        "A@example.com",
        area,
        haquang,
    )
    assert question.status == QuestionStatus.NEW
    assert soup(client.get(response["Location"])).find("h1").get_text(strip=True) == "Đã gửi câu hỏi"


def test_only_the_question_is_required(client):
    client.post(URL, {"question": QUESTION})
    question = Question.objects.get(question=QUESTION)
    assert (question.name, question.contact, question.area, question.unit) == ("", "", None, None)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("(0206) 3852-234", "02063852234"),
        ("ten.ho@gmail.com", "ten.ho@gmail.com"),
    ],
)
def test_a_phone_number_or_an_address_is_accepted_and_normalised(client, given, stored):
    client.post(URL, {"question": QUESTION, "contact": given})
    assert Question.objects.get(question=QUESTION).contact == stored


CONTACT_ERROR = (
    "Hãy nhập địa chỉ thư điện tử (ví dụ: ten@example.com) hoặc số điện thoại Việt Nam "
    "(ví dụ: 0912 345 678 hoặc 0206 3852 234)."
)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"question": ""}, "question", "Hãy nhập câu hỏi."),
        ({"question": "   "}, "question", "Hãy nhập câu hỏi."),
        ({"question": "Hỏi gì?"}, "question", "Câu hỏi cần ít nhất 10 ký tự (hiện có 7)."),
        ({"question": "x" * 2001}, "question", "Câu hỏi tối đa 2000 ký tự (hiện có 2001)."),
        ({"question": QUESTION, "name": "A" * 101}, "name", "Họ tên tối đa 100 ký tự."),
        ({"question": QUESTION, "contact": "ten@"}, "contact", CONTACT_ERROR),
        ({"question": QUESTION, "contact": "12345"}, "contact", CONTACT_ERROR),
        ({"question": QUESTION, "contact": "0112 345 678"}, "contact", CONTACT_ERROR),
        ({"question": QUESTION, "area": "khong-co"}, "area", "Lựa chọn không hợp lệ; hãy chọn trong danh sách."),
        ({"question": QUESTION, "unit": "khong-co"}, "unit", "Lựa chọn không hợp lệ; hãy chọn trong danh sách."),
    ],
)
def test_each_invalid_input_gets_400_with_the_form_and_its_message_and_nothing_is_stored(client, data, field, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    page = soup(response)
    form = page.find("form", id="ask")
    assert form is not None
    errors = form.find(id=f"id_{field}_error")
    assert errors.get_text(strip=True) == message
    assert page.find(class_="form-errors")["role"] == "alert"
    assert Question.objects.filter(question__in=[data["question"], data["question"].strip()]).count() == 0
    assert Question.objects.exclude(question__startswith="[Ví dụ]").count() == 0


def test_the_form_keeps_what_was_typed_after_an_error(client):
    page = soup(client.post(URL, {"question": "Ngắn quá", "name": "Trần Thị B"}))
    assert page.find("input", attrs={"name": "name"})["value"] == "Trần Thị B"
    assert page.find("textarea", attrs={"name": "question"}).get_text().strip() == "Ngắn quá"


def test_the_honeypot_answers_like_a_success_and_stores_nothing(client):
    response = client.post(URL, {"question": QUESTION, "website": "http://spam.example"})
    assert response.status_code == 302
    assert response["Location"] == reverse("participation_ask_sent")
    assert not Question.objects.filter(question=QUESTION).exists()


def test_the_page_token_is_accepted(csrf_client):
    token = soup(csrf_client.get(URL)).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = csrf_client.post(URL, {"question": QUESTION, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Question.objects.filter(question=QUESTION).count() == 1


def test_without_a_token_nothing_is_stored_until_the_confirmation(csrf_client):
    response = csrf_client.post(URL, {"question": QUESTION, "name": "Lò Văn C", "contact": "0912345678"})
    assert response.status_code == 200
    assert not Question.objects.filter(question=QUESTION).exists()
    page = soup(response)
    assert [row.get_text(" ", strip=True) for row in page.find("dl").find_all("div")][:2] == [
        f"Câu hỏi của bạn {QUESTION}",
        "Họ tên (không bắt buộc) Lò Văn C",
    ]
    form = page.find("form", id="confirm-submission")
    data = {field["name"]: field["value"] for field in form.find_all("input", type="hidden")}
    assert csrf_client.post(URL, data).status_code == 302
    assert Question.objects.get(question=QUESTION).contact == "0912345678"
