"""Units change: merge one into another, retire one, rename one — each planned, then done at once.

Since 1 July 2025 districts are no longer an administrative level and communes were merged;
departments merge too. A plan lists everything a change will touch (shown to the administrator
on a confirmation page); carrying it out runs in one transaction.

- merge A into B: every page of A's sections moves to B's section of the same index (Wagtail's
  move: the unit follows, Wagtail leaves a redirect from each old URL, pages waiting for A's
  review now wait for B's reviewers, who are told); A's empty sections are deleted with a
  redirect to B's; A's accounts join B's groups (or are deactivated); A's images and documents
  move to B's collection; A stays on record as merged into B (reports of past periods keep it).
- retire A: its published pages stay, labelled "đơn vị cũ"; it takes no new content.
- rename A: new name and slug; its sections follow (with redirects), as do its groups and collection.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.move_page import MovePageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from articles.models import UnitSection
from articles.tree import ensure_unit_sections
from editorial.models import UnitReviewTask, UnitRoles
from editorial.roles import collection_models
from home.models import Unit
from home.text import slugify_vi

ACCOUNTS_MOVE = "move"
ACCOUNTS_DEACTIVATE = "deactivate"


class UnitChangeError(Exception):
    """A change that cannot be made as asked; the message is for the administrator."""


@dataclass
class PageMove:
    page: Page
    source: UnitSection
    target: UnitSection
    new_slug: str = ""  # set when the target section already has a page with this slug


@dataclass
class MergePlan:
    source: Unit
    target: Unit
    moves: list[PageMove] = field(default_factory=list)
    sections: list[tuple[UnitSection, UnitSection]] = field(default_factory=list)
    waiting_for_review: list[Page] = field(default_factory=list)
    contributors: list = field(default_factory=list)
    reviewers: list = field(default_factory=list)
    images: int = 0
    documents: int = 0

    @property
    def moves_by_section(self) -> list[tuple[UnitSection, UnitSection, list[PageMove]]]:
        grouped = defaultdict(list)
        for move in self.moves:
            grouped[move.source.pk].append(move)
        return [(source, target, grouped[source.pk]) for source, target in self.sections]


def _active(unit: Unit) -> None:
    if unit.is_retired:
        raise UnitChangeError(_("Đơn vị “%(unit)s” đã ngừng hoạt động.") % {"unit": unit.name})


def plan_merge(source: Unit, target: Unit) -> MergePlan:
    """What merging `source` into `target` will move, hand over and leave behind."""
    if source.pk == target.pk:
        raise UnitChangeError(_("Hãy chọn một đơn vị khác để sáp nhập vào."))
    _active(source)
    _active(target)
    plan = MergePlan(source, target)
    target_sections = {section.get_parent().pk: section for section in ensure_unit_sections(target)}
    for section in UnitSection.objects.filter(unit=source).order_by("path"):
        index_id = section.get_parent().pk
        destination = target_sections.get(index_id)
        if destination is None:
            raise UnitChangeError(_("Đơn vị nhận chưa có chuyên mục “%(section)s”.") % {"section": section.title})
        plan.sections.append((section, destination))
        taken = set(destination.get_children().values_list("slug", flat=True))
        for page in section.get_children().specific().order_by("path"):
            move = PageMove(page, section, destination)
            if page.slug in taken:
                siblings = set(section.get_children().values_list("slug", flat=True))
                move.new_slug = _free_slug(f"{page.slug}-{source.slug}", taken | siblings)
            taken.add(move.new_slug or page.slug)
            plan.moves.append(move)
            state = page.current_workflow_task_state
            if state is not None and isinstance(state.task.specific, UnitReviewTask):
                plan.waiting_for_review.append(page)
    roles = UnitRoles.objects.filter(unit=source).select_related("contributors", "reviewers", "collection").first()
    if roles is not None:
        plan.contributors = list(roles.contributors.user_set.order_by("username"))
        plan.reviewers = list(roles.reviewers.user_set.order_by("username"))
        plan.images = get_image_model().objects.filter(collection=roles.collection).count()
        plan.documents = get_document_model().objects.filter(collection=roles.collection).count()
    return plan


def _free_slug(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


@transaction.atomic
def merge(plan: MergePlan, *, accounts: str, user=None) -> None:
    """Carry out a merge plan (made just before, in the same request)."""
    source, target = plan.source, plan.target
    source.refresh_from_db()
    _active(source)
    for move in plan.moves:
        if move.new_slug:  # first, where it is: Wagtail's move checks the slug is free in the target
            _change_slug(Page.objects.get(pk=move.page.pk).specific, move.new_slug)
        page = Page.objects.get(pk=move.page.pk)
        MovePageAction(page, move.target, pos="last-child", user=user).execute(skip_permission_checks=True)
    for section, destination in plan.sections:
        _redirect_and_delete(section, destination)
    _hand_over_roles(source, target, accounts)
    source.retired_on = timezone.localdate()
    source.merged_into = target
    source.save(update_fields=["retired_on", "merged_into"])


def _change_slug(page, slug: str) -> None:
    """The live row and the latest revision get the free slug (a later publish keeps it)."""
    page.slug = slug
    page.save(clean=False)
    revision = page.latest_revision
    if revision is not None:
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])


def _redirect_and_delete(section: UnitSection, destination: UnitSection) -> None:
    section = UnitSection.objects.get(pk=section.pk)
    if section.get_children().exists():
        raise UnitChangeError(_("Chuyên mục “%(section)s” vẫn còn trang con.") % {"section": section.url_path})
    url_parts = section.get_url_parts()
    old_path = Redirect.normalise_path(url_parts[2] if url_parts and url_parts[2] else section.url_path)
    Redirect.objects.filter(old_path=old_path, site=None).delete()
    Redirect.objects.create(old_path=old_path, site=None, redirect_page=destination, automatically_created=True)
    section.delete()


def _hand_over_roles(source: Unit, target: Unit, accounts: str) -> None:
    roles = UnitRoles.objects.filter(unit=source).select_related("contributors", "reviewers", "collection").first()
    if roles is None:
        return
    target_roles = UnitRoles.objects.get(unit=target)
    contributors = list(roles.contributors.user_set.all())
    reviewers = list(roles.reviewers.user_set.all())
    if accounts == ACCOUNTS_MOVE:
        target_roles.contributors.user_set.add(*contributors)
        target_roles.reviewers.user_set.add(*reviewers)
    elif accounts == ACCOUNTS_DEACTIVATE:
        others = UnitRoles.objects.exclude(pk=roles.pk)
        other_groups = [group for pair in others.values_list("contributors", "reviewers") for group in pair]
        for account in {*contributors, *reviewers}:
            account.groups.remove(roles.contributors, roles.reviewers)
            if not account.is_superuser and not account.groups.filter(pk__in=other_groups).exists():
                account.is_active = False
                account.save(update_fields=["is_active"])
    else:
        raise UnitChangeError(_("Hãy chọn cách xử lý tài khoản của đơn vị."))
    # Every model kept in unit collections (images, documents, recordings …) moves: a collection's
    # members are deleted with it (CollectionMember's foreign key cascades).
    for app_label, model_name in collection_models():
        model = apps.get_model(app_label, model_name)
        model.objects.filter(collection=roles.collection).update(collection=target_roles.collection)
    groups, collection = [roles.contributors, roles.reviewers], roles.collection
    roles.delete()
    for group in groups:
        group.user_set.clear()
        group.delete()
    if not collection.get_children().exists():
        collection.delete()


@dataclass
class RetirePlan:
    unit: Unit
    live_pages: int
    drafts: int
    accounts: list


def plan_retire(unit: Unit) -> RetirePlan:
    _active(unit)
    pages = Page.objects.none()
    for section in UnitSection.objects.filter(unit=unit):
        pages |= Page.objects.child_of(section)
    roles = UnitRoles.objects.filter(unit=unit).first()
    accounts = []
    if roles is not None:
        accounts = list(get_user_model().objects.filter(groups__in=[roles.contributors, roles.reviewers]).distinct())
    return RetirePlan(unit, pages.filter(live=True).count(), pages.filter(live=False).count(), accounts)


@transaction.atomic
def retire(unit: Unit) -> None:
    unit.refresh_from_db()
    _active(unit)
    unit.retired_on = timezone.localdate()
    unit.save(update_fields=["retired_on"])


@dataclass
class RenamePlan:
    unit: Unit
    name: str
    slug: str
    sections: list[tuple[UnitSection, str]]  # section, its new URL
    live_pages: int


def plan_rename(unit: Unit, name: str, slug: str = "") -> RenamePlan:
    name = " ".join(name.split())
    slug = slug or slugify_vi(name, max_length=60)
    if not name:
        raise UnitChangeError(_("Hãy nhập tên mới của đơn vị."))
    if slugify_vi(slug, max_length=60) != slug:
        raise UnitChangeError(_("Mã đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."))
    if Unit.objects.exclude(pk=unit.pk).filter(name=name).exists():
        raise UnitChangeError(_("Đã có đơn vị tên “%(name)s”.") % {"name": name})
    if Unit.objects.exclude(pk=unit.pk).filter(slug=slug).exists():
        raise UnitChangeError(_("Đã có đơn vị với mã đường dẫn “%(slug)s”.") % {"slug": slug})
    if (name, slug) == (unit.name, unit.slug):
        raise UnitChangeError(_("Tên và mã đường dẫn mới trùng với hiện tại."))
    sections = []
    live = 0
    for section in UnitSection.objects.filter(unit=unit).order_by("path"):
        sections.append((section, f"{section.get_parent().url}{slug}/"))
        live += section.get_children().live().count()
    return RenamePlan(unit, name, slug, sections, live)


@transaction.atomic
def rename(plan: RenamePlan) -> None:
    unit = plan.unit
    unit.name, unit.slug = plan.name, plan.slug
    unit.full_clean()
    unit.save()  # its sections, groups and collection follow (articles.signals, editorial.signals)
