"""Abuse protection shared by the citizen forms: rate limit, honeypot, CSRF without breaking the page cache.

The order of checks in `ProtectedFormView.post`, and why:

1. Rate limit per client address (django-ratelimit, counters under hashed keys in the cache):
   over the limit → 429 with a Vietnamese message, whatever was posted.
2. Honeypot filled in → answered like a success, nothing stored (a bot learns nothing).
3. Validation on the server → 400 with the form and its Vietnamese errors, nothing stored.
4. CSRF token. Public pages come from the page cache, whose HTML never holds a token; a small
   script fetches one from /csrf-token/ before submitting. Without JavaScript (or with an expired
   cookie) the post has no valid token: the answer is an uncached confirmation page carrying a
   fresh token and the submitted data in hidden fields, where one click sends it. Nothing is
   stored before a valid token.
5. Store, then answer (redirect to a thank-you page, or JSON for the enhanced feedback form).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from participation.forms import HONEYPOT_FIELD

RETRY_AFTER_SECONDS = 60


def rate_limited(request: HttpRequest, form_name: str) -> bool:
    """Count this POST against the client address's budget for the form; True once it is over."""
    return is_ratelimited(
        request,
        group=f"participation:{form_name}",
        key="ip",
        rate=settings.PARTICIPATION_RATE_LIMITS[form_name],
        method="POST",
        increment=True,
    )


def csrf_token_valid(request: HttpRequest) -> bool:
    """Django's own CSRF check (token, cookie, origin and referer), run where the view decides."""
    return CsrfViewMiddleware(lambda request: HttpResponse()).process_view(request, None, (), {}) is None


def honeypot_filled(request: HttpRequest) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def uncached(response: HttpResponse) -> HttpResponse:
    """Never stored by the page cache or any shared cache (holds a token or a visitor's data)."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store, no-cache, max-age=0, must-revalidate"
    return response


def too_many_requests(request: HttpRequest) -> HttpResponse:
    message = _("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.")
    if wants_json(request):
        response = JsonResponse(
            {"ok": False, "message": message}, status=429, json_dumps_params={"ensure_ascii": False}
        )
    else:
        response = TemplateResponse(request, "participation/rate_limited.html", {"message": message}, status=429)
        response.render()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return uncached(response)


def hidden_fields(form: forms.Form) -> list[tuple[str, str]]:
    """The submitted values of the form's own fields, to carry through the confirmation page."""
    carried = []
    for name in form.fields:
        for value in form.data.getlist(name):
            carried.append((name, value))
    return carried


@method_decorator(csrf_exempt, name="dispatch")
class ProtectedFormView(View):
    """A public form: GET shows it (when it has a page of its own), POST runs the checks above.

    csrf_exempt only moves Django's CSRF check into `post` (step 4), after validation, so that a
    post without a token gets the confirmation page instead of a bare 403.
    """

    form_class: type[forms.Form]
    form_name = ""
    template_name = ""

    def get_form(self, data=None) -> forms.Form:
        return self.form_class(data)

    def get_context(self, form: forms.Form) -> dict:
        return {"form": form}

    def render_form(self, form: forms.Form, status: int = 200) -> HttpResponse:
        response = TemplateResponse(self.request, self.template_name, self.get_context(form), status=status)
        response.render()
        return uncached(response)

    def invalid(self, form: forms.Form) -> HttpResponse:
        if wants_json(self.request):
            errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
            return uncached(
                JsonResponse({"ok": False, "errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})
            )
        return self.render_form(form, status=400)

    def confirm(self, form: forms.Form) -> HttpResponse:
        if wants_json(self.request):
            message = _("Phiên làm việc đã hết hạn. Hãy tải lại trang rồi gửi lại.")
            return uncached(
                JsonResponse({"ok": False, "message": message}, status=403, json_dumps_params={"ensure_ascii": False})
            )
        context = {
            "form": form,
            "action": self.request.path,
            "carried": hidden_fields(form),
            "summary": self.summary(form),
        }
        response = TemplateResponse(self.request, "participation/confirm_submission.html", context)
        response.render()
        return uncached(response)

    def summary(self, form: forms.Form) -> list[tuple[str, str]]:
        """What the confirmation page shows back to the visitor: (label, value) of the filled fields."""
        rows = []
        for name, field in form.fields.items():
            value = form.cleaned_data.get(name)
            if value in (None, "", [], ()) or (hasattr(value, "exists") and not value.exists()):
                continue
            if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                labels = dict(field.choices)
                values = value if isinstance(value, list) else [value]
                value = ", ".join(str(labels.get(item, item)) for item in values)
            elif hasattr(value, "all"):
                value = ", ".join(str(item) for item in value.all())
            rows.append((str(field.label), str(value)))
        return rows

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if rate_limited(request, self.form_name):
            return too_many_requests(request)
        if honeypot_filled(request):
            return self.success(None)
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.invalid(form)
        if not csrf_token_valid(request):
            return self.confirm(form)
        saved = self.save(form)
        return self.success(saved)

    def save(self, form: forms.Form):
        raise NotImplementedError

    def success(self, saved) -> HttpResponse:
        raise NotImplementedError
