from django.conf import settings
from django.http import HttpRequest


def visitor(request: HttpRequest) -> dict:
    """`may_be_logged_in`: only a request with a session cookie can belong to a logged-in user.

    Templates ask this before anything that reads the session (the Wagtail user bar), so a page
    rendered for an anonymous visitor does not vary on the Cookie header and can be cached whole.
    """
    return {"may_be_logged_in": settings.SESSION_COOKIE_NAME in request.COOKIES}
