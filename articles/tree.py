"""The site's page tree: home, the four indexes, and one section per unit under each index.

Idempotent: called after every migrate, by the importers, and whenever a unit is saved, so a
fresh database, a new unit or a deleted section all heal themselves.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, Site

from articles.models import (
    ArticleIndexPage,
    FaqIndexPage,
    GuideIndexPage,
    NewsIndexPage,
    StoryIndexPage,
    UnitSection,
)
from home.models import HomePage, Unit


def index_specs() -> list[tuple[type[ArticleIndexPage], str, str, str]]:
    """(index page model, slug, title, intro) of every index under home: the four of `articles`,
    then those apps above register with the `register_article_indexes` hook (a function returning
    a list of such tuples), e.g. the legal documents at /van-ban/. Each gets one section per unit."""
    specs = [
        (
            NewsIndexPage,
            "tin-tuc",
            _("Tin tức"),
            _("Tin hoạt động cải cách hành chính của tỉnh, các sở, ngành và huyện."),
        ),
        (
            GuideIndexPage,
            "huong-dan",
            _("Hướng dẫn thủ tục hành chính"),
            _("Hướng dẫn từng bước thực hiện thủ tục hành chính: hồ sơ, thời hạn, phí, lệ phí, nơi nộp."),
        ),
        (FaqIndexPage, "hoi-dap", _("Hỏi đáp"), _("Câu hỏi thường gặp của người dân, doanh nghiệp và lời giải đáp.")),
        (
            StoryIndexPage,
            "mo-hinh-hay",
            _("Mô hình, sáng kiến, giải pháp hay"),
            _("Những cách làm hiệu quả trong cải cách hành chính ở Cao Bằng."),
        ),
    ]
    for register in hooks.get_hooks("register_article_indexes"):
        specs.extend(register())
    return specs


@transaction.atomic
def ensure_home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    # Wagtail's initial migration leaves a placeholder "Welcome" page on the slug we want.
    for placeholder in root.get_children().filter(slug="home", content_type__model="page"):
        if not placeholder.get_children().exists():
            placeholder.delete()
    home = root.add_child(
        instance=HomePage(
            title=_("Cải cách hành chính tỉnh Cao Bằng"),
            slug="home",
            seo_title=_("Cổng thông tin cải cách hành chính tỉnh Cao Bằng"),
            intro=_(
                "Thông tin về cải cách hành chính, hướng dẫn thủ tục hành chính và dịch vụ công "
                "cho người dân, doanh nghiệp trên địa bàn tỉnh Cao Bằng."
            ),
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="CCHC Cao Bằng"
        )
    else:
        site.root_page = home
        site.site_name = site.site_name or "CCHC Cao Bằng"
        site.save()
    return home


@transaction.atomic
def ensure_site_tree() -> HomePage:
    home = ensure_home_page()
    for model, slug, title, intro in index_specs():
        if not model.objects.exists():
            home.add_child(instance=model(title=title, slug=slug, intro=intro))
    for unit in Unit.objects.all():
        ensure_unit_sections(unit)
    return home


def index_pages() -> list[ArticleIndexPage]:
    return [page for model, *_rest in index_specs() for page in model.objects.all()[:1]]


def ensure_unit_sections(unit: Unit) -> list[UnitSection]:
    """Give an active unit a section under every index page, titled and slugged after the unit.

    A renamed unit's sections follow its new name and slug (published, so Wagtail leaves
    redirects from every old URL below them). A former unit keeps the sections it has and gets
    no new ones.
    """
    sections = []
    for index_page in index_pages():
        section = UnitSection.objects.child_of(index_page).filter(unit=unit).first()
        if section is None:
            if unit.is_retired:
                continue
            section = index_page.add_child(instance=UnitSection(title=unit.name, slug=unit.slug, unit=unit))
        elif (section.title, section.slug) != (unit.name, unit.slug):
            section.title = section.draft_title = unit.name
            section.slug = unit.slug
            section.save_revision(log_action=True).publish()
            section.refresh_from_db()
        sections.append(section)
    return sections


def section_for(index_model: type[ArticleIndexPage], unit: Unit) -> UnitSection:
    index_page = index_model.objects.first()
    if index_page is None:
        ensure_site_tree()
        index_page = index_model.objects.get()
    section = UnitSection.objects.child_of(index_page).filter(unit=unit).first()
    if section is None:
        ensure_unit_sections(unit)
        section = UnitSection.objects.child_of(index_page).get(unit=unit)
    return section
