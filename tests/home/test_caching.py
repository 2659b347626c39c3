"""Reform areas, units, the site and its contact details are cached, and edits show at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from home.models import ReformArea, SiteContact, Unit


def footer(client) -> str:
    content = client.get(reverse("search")).content.decode()
    return content.split('class="site-footer"', 1)[1]


def tables_read(client, url: str) -> str:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return " ".join(query["sql"] for query in queries.captured_queries)


@pytest.mark.django_db
def test_a_repeat_request_reads_no_site_area_unit_or_contact_rows(client):
    url = reverse("search") + "?q=khai+sinh"
    first = tables_read(client, url)
    assert "wagtailcore_site" in first and "home_sitecontact" in first
    again = tables_read(client, url)
    for table in ("wagtailcore_site", "home_sitecontact", "home_reformarea", "home_unit"):
        assert f'"{table}"' not in again, table


@pytest.mark.django_db
def test_editing_a_reform_area_shows_in_the_footer_at_once(client):
    assert "Cải cách thể chế" in footer(client)
    area = ReformArea.objects.get(slug="the-che")
    area.name = "Cải cách thể chế (sửa đổi)"
    area.save()
    assert "Cải cách thể chế (sửa đổi)" in footer(client)
    area.delete()
    assert "Cải cách thể chế (sửa đổi)" not in footer(client)


@pytest.mark.django_db
def test_editing_the_site_contact_shows_in_the_footer_at_once(client):
    footer(client)
    contact = SiteContact.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "0206 999 888"
    contact.save()
    assert "0206 999 888" in footer(client)


@pytest.mark.django_db
def test_a_new_unit_is_a_search_filter_at_once(client):
    client.get(reverse("search"), {"q": "khai sinh"})
    Unit.objects.create(slug="xa-thu-nghiem", name="Xã Thử Nghiệm", kind=Unit.Kind.COMMUNE)
    response = client.get(reverse("search"), {"q": "khai sinh", "unit": "xa-thu-nghiem"})
    assert response.status_code == 200
    assert "Không có đơn vị" not in response.content.decode()
    assert 'data-filter="unit" data-value="xa-thu-nghiem"' in response.content.decode()


@pytest.mark.django_db
def test_a_changed_site_root_is_served_at_once(client):
    assert client.get("/tin-tuc/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    home.slug = "trang-chu-moi"
    home.save()
    assert client.get("/tin-tuc/").status_code == 200
    site.is_default_site = False
    site.hostname = "khac.example.org"
    site.save()
    # No site answers this host any more: Wagtail's 404, not a page from a stale cached site.
    assert client.get("/tin-tuc/").status_code == 404


@pytest.mark.django_db
def test_site_contact_edited_in_the_admin_shows_at_once(client, django_user_model):
    footer(client)  # cached
    site = Site.objects.get(is_default_site=True)
    admin = django_user_model.objects.create_superuser("caching-admin", "caching-admin@example.org", "x")
    client.force_login(admin)
    url = reverse("wagtailsettings:edit", args=["home", "sitecontact", site.pk])
    form = {
        "agency_name": "Ủy ban nhân dân tỉnh Cao Bằng",
        "editorial_office": "Sở Nội vụ tỉnh Cao Bằng",
        "address": "Số 011 Hoàng Đình Giong",
        "phone": "0206 111 222",
        "email": "cchc@caobang.gov.vn",
        "licence": "",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert "0206 111 222" in footer(client)
