"""The channel fields in the read-only API v2: `channels` on every article (docs/api.md).

cms/api.py registers this viewset as the "pages" endpoint. For an article, `channels` holds what
the radio bulletin feed gives for it, its SMS in both encodings, its key messages and the URLs of
each channel; for other pages it is null. Detail views show it; listings with ?fields=channels.
"""

from __future__ import annotations

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site

from articles.models import ArticlePage
from channels import share_images
from channels.radio.bulletin import item, validity_days
from channels.views.articles import sms_for


def channels_of(page: ArticlePage, request) -> dict:
    site = Site.find_for_request(request)
    url = page.get_full_url(request)
    gsm, ucs = sms_for(page, request, keep_diacritics=False), sms_for(page, request, keep_diacritics=True)
    radio = item(page, request, site, validity_days(site))
    return {
        "radio": {key: radio[key] for key in radio if key not in {"id", "type", "title", "unit", "url"}},
        "sms": {
            "gsm7": {"text": gsm.text, "length": gsm.length, "limit": gsm.limit},
            "ucs2": {"text": ucs.text, "length": ucs.length, "limit": ucs.limit},
        },
        "talking_points": [point.text for point in page.talking_points.all()],
        "urls": {
            "radio_script": url + "phat-thanh/",
            "sms": url + "tin-nhan/",
            "print": url + "ban-in/",
            "pdf": url + "ban-in/?pdf=1",
            "talking_points": url + "de-cuong/",
            "share_image": request.build_absolute_uri(share_images.url_path(page)),
        },
    }


class ChannelsField(Field):
    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        if not isinstance(page, ArticlePage):
            return None
        return channels_of(page, self.context["request"])


class PagesWithChannelsAPIViewSet(PagesAPIViewSet):
    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        if issubclass(model, ArticlePage):
            fields = fields + [APIField("channels", serializer=ChannelsField())]
        return fields
