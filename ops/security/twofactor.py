"""Two-factor authentication for the admin: TOTP codes from an authenticator app (django-otp).

Why not wagtail-2fa: its 1.8.0 release declares `Wagtail>=7.0` but is classified up to Wagtail 4,
can only require a second factor of every admin user or of none, and shows English text; the
requirement here is per group. So: django-otp's TOTP device, this middleware and two small views.

- A user with a confirmed device must enter a code after the password before using the admin.
- When TWO_FACTOR_REQUIRED is on, a member of TWO_FACTOR_REQUIRED_GROUPS (and every superuser)
  without a device is sent to the set-up page (a QR code made here with segno) first.
"""

from __future__ import annotations

from base64 import b32encode
from collections.abc import Callable
from urllib.parse import quote

import django_otp
import segno
from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_URL_NAME = "ops_twofactor_setup"
VERIFY_URL_NAME = "ops_twofactor_verify"
# What an unverified user may still open: logging in and out, the two 2FA pages, admin assets.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_icons",
    SETUP_URL_NAME,
    VERIFY_URL_NAME,
}
PROTECTED_PREFIXES = ("/admin/", "/django-admin/")


def requires_two_factor(user) -> bool:
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(PROTECTED_PREFIXES):
            target = self.redirect_target(request)
            if target:
                return redirect(f"{reverse(target)}?next={quote(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def redirect_target(request: HttpRequest) -> str | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            if resolve(request.path_info).url_name in OPEN_URL_NAMES:
                return None
        except Resolver404:
            return None
        if django_otp.user_has_device(user, confirmed=True):
            return VERIFY_URL_NAME
        if requires_two_factor(user):
            return SETUP_URL_NAME
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Mã xác thực 6 chữ số"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Mã xác thực chỉ gồm chữ số."))
        return token


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("wagtailadmin_home")


def setup(request: HttpRequest) -> HttpResponse:
    """Show a new secret as a QR code; confirm it with one code from the app."""
    user = request.user
    if django_otp.user_has_device(user, confirmed=True) and not user.is_verified():
        return redirect(reverse(VERIFY_URL_NAME))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=_("Ứng dụng xác thực"), confirmed=False
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiển thị trong ứng dụng."))
    context = {
        "form": form,
        "qr_data_uri": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "secret": _grouped_secret(device),
        "next": _next_url(request),
    }
    return TemplateResponse(request, "ops/twofactor_setup.html", context)


def verify(request: HttpRequest) -> HttpResponse:
    """After the password: one code from the app."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiển thị trong ứng dụng."))
    return TemplateResponse(request, "ops/twofactor_verify.html", {"form": form, "next": _next_url(request)})


def _grouped_secret(device: TOTPDevice) -> str:
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
