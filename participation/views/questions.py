from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from participation.forms import HONEYPOT_FIELD, QuestionForm
from participation.models import Question
from participation.protection import ProtectedFormView, uncached


class AskView(ProtectedFormView):
    """/gui-cau-hoi/: a citizen's question, for the inbox of the unit concerned (or the province)."""

    form_class = QuestionForm
    form_name = "ask"
    template_name = "participation/ask.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(self.get_form())

    def get_context(self, form) -> dict:
        return {"form": form, "honeypot": HONEYPOT_FIELD, "retention_days": settings.PARTICIPATION_RETENTION_DAYS}

    def save(self, form: QuestionForm) -> Question:
        data = form.cleaned_data
        return Question.objects.create(
            question=data["question"], name=data["name"], contact=data["contact"], area=data["area"], unit=data["unit"]
        )

    def success(self, saved) -> HttpResponse:
        return redirect(reverse("participation_ask_sent"))


def ask_sent(request: HttpRequest) -> HttpResponse:
    return uncached(render(request, "participation/ask_sent.html"))
