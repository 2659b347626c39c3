from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import ArticlePage
from participation.feedback import accepts_feedback
from participation.forms import HONEYPOT_FIELD, FeedbackForm
from participation.models import Feedback
from participation.protection import ProtectedFormView


def feedback_page(page_id: int) -> ArticlePage:
    page = ArticlePage.objects.live().public().filter(pk=page_id).first()
    if page is None or not accepts_feedback(page.specific):
        raise Http404(_("Trang này không nhận ý kiến đánh giá."))
    return page.specific


class FeedbackView(ProtectedFormView):
    """POST /gop-y/<page_id>/: one "hữu ích / chưa hữu ích" answer, with an optional comment."""

    form_class = FeedbackForm
    form_name = "feedback"
    template_name = "participation/feedback_page.html"
    http_method_names = ["get", "post"]

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.page = feedback_page(kwargs["page_id"])

    def get(self, request: HttpRequest, page_id: int) -> HttpResponse:
        return redirect(self.page.url)

    def get_context(self, form) -> dict:
        return {"form": form, "feedback_page": self.page, "honeypot": HONEYPOT_FIELD}

    def save(self, form: FeedbackForm) -> Feedback:
        return Feedback.objects.create(
            page=self.page, helpful=form.cleaned_helpful(), comment=form.cleaned_data["comment"]
        )

    def success(self, saved) -> HttpResponse:
        if "application/json" in self.request.headers.get("Accept", ""):
            return JsonResponse(
                {
                    "ok": True,
                    "message": _("Cảm ơn bạn đã cho biết ý kiến. Ý kiến giúp chúng tôi viết hướng dẫn tốt hơn."),
                },
                json_dumps_params={"ensure_ascii": False},
            )
        return redirect(reverse("participation_feedback_thanks", args=[self.page.pk]), permanent=False)


def feedback_thanks(request: HttpRequest, page_id: int) -> HttpResponse:
    return render(request, "participation/feedback_thanks.html", {"feedback_page": feedback_page(page_id)})
