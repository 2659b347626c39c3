"""load_demo adds two example questions, marked as examples, once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from participation.models import Question

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_marked_example_questions():
    examples = Question.objects.filter(question__startswith="[Ví dụ]")
    assert examples.count() == 2
    assert sorted(str(question.unit) for question in examples) == ["Huyện Hà Quảng", "None"]


def test_loading_the_demo_again_adds_nothing():
    before = Question.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Question.objects.count() == before
    assert "Câu hỏi mẫu" not in out.getvalue()
