from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "pages": sorted(Page.objects.values_list("url_path", "live")),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", "password")),
    }


def test_load_demo_twice_changes_nothing():
    # The session fixture already ran load_demo once; a second run must be a no-op.
    before = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == before
    assert "0 bài mới" in out.getvalue()


def test_demo_articles_have_locally_generated_images_with_alt_text():
    from articles.models import NewsPage

    images_with_alt = [
        block.value["alt_text"]
        for page in NewsPage.objects.live()
        for block in page.body
        if block.block_type == "image"
    ]
    assert images_with_alt and all(images_with_alt)
    assert Image.objects.filter(title__startswith="Ảnh minh họa").exists()


def test_demo_accounts_exist_with_the_contract_names():
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert {
        "bientap.haquang",
        "duyet.haquang",
        "bientap.baolac",
        "duyet.baolac",
        "pheduyet.tinh",
        "quantri",
    } <= usernames


def test_no_demo_accounts_when_debug_is_off_and_no_password(settings):
    from editorial.demo import create_demo_accounts

    get_user_model().objects.filter(username__in=["bientap.haquang"]).delete()
    settings.DEBUG = False
    settings.DEMO_PASSWORD = ""
    lines = create_demo_accounts()
    assert not get_user_model().objects.filter(username="bientap.haquang").exists()
    assert "DEMO_PASSWORD" in lines[0]


def test_demo_password_comes_from_the_environment_setting(settings):
    from editorial.demo import create_demo_accounts

    get_user_model().objects.filter(username="duyet.baolac").delete()
    settings.DEMO_PASSWORD = "mat-khau-rieng-2025"
    create_demo_accounts()
    assert get_user_model().objects.get(username="duyet.baolac").check_password("mat-khau-rieng-2025")


def test_the_demo_shows_a_commune_below_the_province():
    from articles.models import UnitSection
    from articles.tree import index_pages
    from home.models import Unit

    commune = Unit.objects.get(slug="phuong-thuc-phan")
    assert (commune.kind, commune.parent.slug) == ("commune", "tinh")
    assert UnitSection.objects.filter(unit=commune).count() == len(index_pages())
