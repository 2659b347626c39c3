"""Admin glue: the two-factor pages, and the list of locked logins an administrator can unlock."""

from django.urls import path
from wagtail import hooks

from ops.security import lockouts, twofactor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("xac-thuc-hai-lop/thiet-lap/", twofactor.setup, name=twofactor.SETUP_URL_NAME),
        path("xac-thuc-hai-lop/", twofactor.verify, name=twofactor.VERIFY_URL_NAME),
    ]


@hooks.register("register_admin_viewset")
def register_lockouts():
    return lockouts.viewset
