"""The click signal (/tim-kiem/mo/) and the editors' one-step "this query means that page"."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from wagtail.contrib.search_promotions.models import SearchPromotion

from search.models import ClickSecret, ClickVisit, QueryClick
from tests.search.conftest import import_records, news

QUERY = "ca chep Nguyen Binh thu"


@pytest.fixture
def two_pages(db):
    return import_records(
        [
            news("ca-chep-thu", "Cá chép Nguyên Bình thử nghiệm"),
            news("ca-chep-ruong-thu", "Nuôi cá chép ruộng ở Nguyên Bình thử nghiệm", body="Cá chép ruộng."),
        ]
    )


def result_titles(client, query: str) -> list[str]:
    soup = BeautifulSoup(client.get(reverse("search"), {"q": query}).content, "html.parser")
    return [link.get_text(" ", strip=True) for link in soup.select("#search-results article.result h2 a")]


def open_from(client, page, address: str, query: str = QUERY):
    return client.get(reverse("search_open"), {"q": query, "page": page.pk}, REMOTE_ADDR=address)


def test_result_links_stay_real_links_and_name_their_page(client, two_pages):
    soup = BeautifulSoup(client.get(reverse("search"), {"q": QUERY}).content, "html.parser")
    results = soup.select_one("#search-results")
    assert results["data-open-url"] == reverse("search_open")
    assert results["data-query"] == QUERY
    links = results.select("article.result h2 a")
    assert {link["href"] for link in links} >= {two_pages["ca-chep-thu"].url, two_pages["ca-chep-ruong-thu"].url}
    assert all(link["data-page-id"].isdigit() for link in links)


def test_an_open_redirects_to_the_page_and_is_counted_once_per_visit(client, two_pages, settings):
    settings.RATELIMIT_ENABLE = False
    page = two_pages["ca-chep-ruong-thu"]
    response = open_from(client, page, "203.0.113.7")
    assert response.status_code == 302 and response["Location"] == page.url
    open_from(client, page, "203.0.113.7")
    click = QueryClick.objects.get()
    assert (click.query, click.page_id, click.visits) == ("ca chep nguyen binh thu", page.pk, 1)


def test_no_address_is_stored(client, two_pages, settings):
    settings.RATELIMIT_ENABLE = False
    open_from(client, two_pages["ca-chep-thu"], "198.51.100.23")
    stored = " ".join(
        [str(row) for row in QueryClick.objects.values_list()]
        + [str(row) for row in ClickVisit.objects.values_list()]
        + [str(row) for row in ClickSecret.objects.values_list()]
    )
    assert "198.51.100.23" not in stored
    assert len(ClickVisit.objects.get().digest) == 64


def test_a_beacon_counts_an_open_without_redirect(client, two_pages, settings):
    settings.RATELIMIT_ENABLE = False
    page = two_pages["ca-chep-thu"]
    response = client.post(reverse("search_open"), {"q": QUERY, "page": page.pk}, REMOTE_ADDR="192.0.2.4")
    assert response.status_code == 204
    assert QueryClick.objects.get().visits == 1


def test_agreeing_visits_lift_the_page_once_past_the_threshold(client, two_pages, settings):
    settings.RATELIMIT_ENABLE = False
    settings.SEARCH_CLICK_MIN_VISITS = 3
    chosen = "Nuôi cá chép ruộng ở Nguyên Bình thử nghiệm"
    assert result_titles(client, QUERY)[0] != chosen
    for number in range(2):
        open_from(client, two_pages["ca-chep-ruong-thu"], f"203.0.113.{number + 1}")
    assert result_titles(client, QUERY)[0] != chosen  # two visits: below the threshold
    open_from(client, two_pages["ca-chep-ruong-thu"], "203.0.113.3")
    assert result_titles(client, QUERY)[0] == chosen


def test_one_address_cannot_steer_the_ranking(client, two_pages, settings):
    settings.SEARCH_CLICK_MIN_VISITS = 3
    settings.SEARCH_CLICK_RATE = "2/h"
    for _ in range(10):
        assert open_from(client, two_pages["ca-chep-ruong-thu"], "203.0.113.50").status_code == 302
    assert QueryClick.objects.get().visits == 1
    assert result_titles(client, QUERY)[0] != "Nuôi cá chép ruộng ở Nguyên Bình thử nghiệm"


@pytest.mark.parametrize(
    "params",
    [
        {"q": QUERY},
        {"q": QUERY, "page": "abc"},
        {"q": QUERY, "page": "-1"},
        {"q": QUERY, "page": "99999999"},
        {"q": "", "page": "1"},
        {"q": "!!!", "page": "1"},
    ],
)
def test_bad_input_is_refused_in_vietnamese(client, db, params):
    response = client.get(reverse("search_open"), params)
    assert response.status_code == 400
    text = BeautifulSoup(response.content, "html.parser").get_text()
    assert "không hợp lệ" in text or "Không có trang này" in text
    assert QueryClick.objects.count() == 0


def test_never_an_open_redirect(client, two_pages):
    home_id = two_pages["ca-chep-thu"].get_parent().get_parent().get_parent().pk  # the site root, not an article
    response = client.get(reverse("search_open"), {"q": QUERY, "page": home_id, "next": "https://example.com/"})
    assert response.status_code == 400
    two_pages["ca-chep-thu"].unpublish()
    response = client.get(reverse("search_open"), {"q": QUERY, "page": two_pages["ca-chep-thu"].pk})
    assert response.status_code == 400


# "This query means that page" ---------------------------------------------------------------------


def promote(client, query: str, page):
    return client.post(reverse("search_promote_query"), {"query": query, "page": page.pk, "next": ""})


@pytest.mark.parametrize("username", ["pheduyet.tinh", "quantri"])
def test_approvers_and_administrators_pin_a_page_for_a_query_from_the_report(client, two_pages, username, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(User.objects.get(username=username))
    client.get(reverse("search"), {"q": "zzqqxx vvkk"})
    report = BeautifulSoup(client.get(reverse("search_zero_result_queries")).content, "html.parser")
    link = report.find("a", string=lambda text: text and "nghĩa là trang" in text)
    assert link is not None and "q=zzqqxx+vvkk" in link["href"]
    form = BeautifulSoup(client.get(link["href"]).content, "html.parser").select_one("form[method=post]")
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert form.select_one("input[name=query]")["value"] == "zzqqxx vvkk"
    page = two_pages["ca-chep-thu"]
    response = promote(client, "zzqqxx vvkk", page)
    assert response.status_code == 302
    assert SearchPromotion.objects.filter(query__query_string="zzqqxx vvkk", page=page).count() == 1
    results = BeautifulSoup(client.get(reverse("search"), {"q": "ZZQQXX vvkk"}).content, "html.parser")
    assert [link.get_text(strip=True) for link in results.select(".result--promoted h2 a")] == [page.title]


def test_contributors_cannot_pin_pages(client, two_pages, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(User.objects.get(username="bientap.haquang"))
    response = promote(client, "zzqqxx vvkk", two_pages["ca-chep-thu"])
    assert response.status_code in (302, 403)
    assert not SearchPromotion.objects.filter(query__query_string="zzqqxx vvkk").exists()


def test_pinning_needs_a_csrf_token(two_pages, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="quantri"))
    response = promote(client, "zzqqxx vvkk", two_pages["ca-chep-thu"])
    assert response.status_code == 403
    assert not SearchPromotion.objects.filter(query__query_string="zzqqxx vvkk").exists()


def test_pinning_a_bad_page_is_refused_with_a_vietnamese_message(client, two_pages, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(User.objects.get(username="quantri"))
    response = client.post(reverse("search_promote_query"), {"query": "zzz", "page": "999999"})
    assert response.status_code == 400
    assert "Chỉ chọn được bài viết đã công bố." in response.content.decode()


def test_low_click_report_lists_queries_whose_results_are_not_opened(admin_client, two_pages):
    for _ in range(3):
        admin_client.get(reverse("search"), {"q": QUERY})
    report = admin_client.get(reverse("search_low_click_queries"))
    assert report.status_code == 200
    rows = [row.get_text(" ", strip=True) for row in BeautifulSoup(report.content, "html.parser").select("tbody tr")]
    assert any(row.startswith(QUERY.lower()) for row in rows), rows
