from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from participation import subscriptions
from participation.forms import HONEYPOT_FIELD, SubscriptionForm
from participation.models import Frequency
from participation.protection import ProtectedFormView, too_many_requests, uncached

# Confirmation e-mails one address may be sent, whoever asks (someone typing another's address).
CONFIRMATIONS_PER_ADDRESS = "3/h"


class SubscribeView(ProtectedFormView):
    """/dang-ky-nhan-tin/: an address and its choices; the confirmation link is e-mailed, nothing stored."""

    form_class = SubscriptionForm
    form_name = "subscribe"
    template_name = "participation/subscribe.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(self.get_form())

    def get_context(self, form) -> dict:
        return {"form": form, "honeypot": HONEYPOT_FIELD, "days": settings.PARTICIPATION_CONFIRMATION_DAYS}

    def save(self, form: SubscriptionForm) -> bool:
        """Send the confirmation link; False (nothing sent) when the address had its share this hour."""
        email = form.cleaned_data["email"]
        limited = is_ratelimited(
            self.request,
            group="participation:subscribe-address",
            key=lambda group, request: email,
            rate=CONFIRMATIONS_PER_ADDRESS,
            increment=True,
        )
        if not limited:
            subscriptions.send_confirmation(form.cleaned_data)
        return not limited

    def success(self, saved) -> HttpResponse:
        if saved is False:
            return too_many_requests(self.request)
        return redirect(reverse("participation_subscribe_sent"))


def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return uncached(
        render(request, "participation/subscribe_sent.html", {"days": settings.PARTICIPATION_CONFIRMATION_DAYS})
    )


@require_GET
def subscribe_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the confirmation e-mail: only now is the subscription stored."""
    payload = subscriptions.read_token(token)
    if payload is None:
        response = render(request, "participation/subscribe_invalid.html", status=400)
        return uncached(response)
    subscription = subscriptions.confirm(payload)
    context = {
        "subscription": subscription,
        "frequency": Frequency(subscription.frequency).label,
        "unsubscribe_url": reverse("participation_unsubscribe", args=[subscription.token]),
    }
    return uncached(render(request, "participation/subscribe_confirmed.html", context))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click (the link in every alert) or RFC 8058's one-click POST: the subscription is deleted.

    CSRF-exempt on purpose: the secret token in the URL is the authorisation, and mail programs
    post here without a session (List-Unsubscribe-Post).
    """
    if not subscriptions.unsubscribe(token):
        return uncached(render(request, "participation/unsubscribe_unknown.html", status=404))
    return uncached(render(request, "participation/unsubscribed.html"))
