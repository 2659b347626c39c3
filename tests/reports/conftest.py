"""A known fixture for the reports: two test units with articles, workflows, reads and activities
in years the demo content does not use (2012 for content, reads and activities; 2018 for the
workflow), so every figure of a report can be checked exactly."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from articles.models import FaqIndexPage, FaqPage, GuideIndexPage, GuidePage, NewsIndexPage, NewsPage
from articles.tree import section_for
from editorial.roles import ensure_unit_roles
from home.models import ReformArea, Unit
from reports import reads
from reports.models import OutreachActivity, PageReadDay

PASSWORD = "mat-khau-kiem-thu"


@pytest.fixture(autouse=True)
def _reads_buffer(settings):
    """Every test starts with an empty read buffer; reads are written only when a test flushes."""
    settings.READS_FLUSH_SECONDS = 3600
    reads.buffer.counts.clear()
    yield
    reads.buffer.counts.clear()


def aware(year, month, day, hour=8, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def area(slug: str) -> ReformArea:
    return ReformArea.objects.get(slug=slug)


def make_user(username: str, *groups, email: str | None = None):
    user = get_user_model().objects.create_user(
        username, email=email if email is not None else f"{username}@kiemthu.example", password=PASSWORD
    )
    user.is_staff = True
    user.save()
    user.groups.add(*groups)
    return user


def add_article(
    model, index_model, unit: Unit, title: str, day: datetime.date, areas: list[str], *, live=True, **fields
):
    section = section_for(index_model, unit)
    page = model(title=title, unit=unit, summary=f"Tóm tắt: {title}", date=day, live=False, **fields)
    section.add_child(instance=page)
    page.reform_areas.set([area(slug) for slug in areas])
    revision = page.save_revision()
    if live:
        revision.publish()
        # Published "then": the reads reports look at when a guide first went live.
        Page.objects.filter(pk=page.pk).update(first_published_at=aware(day.year, day.month, day.day))
    page.refresh_from_db()
    return page


def guide_fields(**extra):
    return {"agency": "UBND huyện", "last_reviewed": datetime.date(2011, 6, 30), **extra}


@dataclass
class Known:
    one: Unit
    two: Unit
    contributor_one: object
    reviewer_one: object
    contributor_two: object
    reviewer_two: object
    pages: dict
    activities: dict


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def build_known() -> Known:
    one = Unit.objects.create(slug="kiem-thu-mot", name="Huyện Kiểm Thử Một", kind=Unit.Kind.DISTRICT)
    two = Unit.objects.create(slug="kiem-thu-hai", name="Huyện Kiểm Thử Hai", kind=Unit.Kind.DISTRICT)
    roles_one, roles_two = ensure_unit_roles(one), ensure_unit_roles(two)
    contributor_one = make_user("bientap.kiemthu1", roles_one.contributors)
    reviewer_one = make_user("duyet.kiemthu1", roles_one.reviewers)
    contributor_two = make_user("bientap.kiemthu2", roles_two.contributors)
    reviewer_two = make_user("duyet.kiemthu2", roles_two.reviewers)

    pages = {
        "news_jan": add_article(NewsPage, NewsIndexPage, one, "Tin tháng một", datetime.date(2012, 1, 10), ["the-che"]),
        "news_feb": add_article(
            NewsPage, NewsIndexPage, one, "Tin tháng hai", datetime.date(2012, 2, 5), ["the-che", "cong-vu"]
        ),
        "guide_read": add_article(
            GuidePage, GuideIndexPage, one, "Hướng dẫn được đọc", datetime.date(2012, 2, 20), ["thu-tuc-hanh-chinh"],
            **guide_fields(next_review_due=datetime.date(2012, 6, 30)),
        ),
        "guide_unread": add_article(
            GuidePage, GuideIndexPage, one, "Hướng dẫn chưa ai đọc", datetime.date(2012, 1, 5), ["thu-tuc-hanh-chinh"],
            **guide_fields(next_review_due=datetime.date(2012, 9, 1)),
        ),
        "faq_two": add_article(
            FaqPage, FaqIndexPage, two, "Hỏi đáp tháng tư", datetime.date(2012, 4, 2), ["chinh-quyen-so"]
        ),
        "draft": add_article(
            NewsPage, NewsIndexPage, one, "Bản nháp", datetime.date(2012, 1, 15), ["the-che"], live=False
        ),
    }  # fmt: skip
    for page_key, day, views in [
        ("news_jan", datetime.date(2012, 1, 10), 5),
        ("news_jan", datetime.date(2012, 2, 1), 3),
        ("guide_read", datetime.date(2012, 2, 21), 7),
        ("faq_two", datetime.date(2012, 4, 3), 2),
    ]:
        PageReadDay.objects.create(page=pages[page_key], day=day, views=views)

    confirmed = timezone.now()
    activities = {}
    for key, unit, kind, day, measures, is_confirmed in [
        ("radio_early", one, OutreachActivity.Kind.RADIO, datetime.date(2012, 5, 3),
         {"count": 3, "minutes": 30, "languages": ["vi", "tay"]}, True),
        ("radio_late", one, OutreachActivity.Kind.RADIO, datetime.date(2012, 5, 20),
         {"count": 2, "minutes": 15, "languages": ["mong"]}, True),
        ("print", one, OutreachActivity.Kind.PRINT, datetime.date(2012, 6, 1), {"count": 1, "copies": 500}, True),
        ("sms_unconfirmed", one, OutreachActivity.Kind.SMS, datetime.date(2012, 6, 15), {"messages_sent": 1000}, False),
        ("conference", two, OutreachActivity.Kind.CONFERENCE, datetime.date(2012, 5, 10), {"participants": 80}, True),
    ]:  # fmt: skip
        activity = OutreachActivity.objects.create(
            unit=unit, kind=kind, date=day, title=f"Hoạt động {key}", confirmed_at=confirmed if is_confirmed else None,
            **measures,
        )  # fmt: skip
        activity.reform_areas.set([area("thu-tuc-hanh-chinh")])
        activities[key] = activity
    return Known(one, two, contributor_one, reviewer_one, contributor_two, reviewer_two, pages, activities)


@pytest.fixture
def known(db) -> Known:
    return build_known()


def run_workflow(known: Known) -> dict:
    """Three submissions of unit one in 2018: one sent back then published, one published, one pending."""
    approver = get_user_model().objects.get(username="pheduyet.tinh")
    one = known.one

    def draft(title, day):
        return add_article(NewsPage, NewsIndexPage, one, title, day, ["the-che"], live=False)

    def act(page, user, action, comment=""):
        state = Page.objects.get(pk=page.pk).current_workflow_task_state
        state.task.specific.on_action(state, user, action, comment=comment)

    sent_back = draft("Bài bị trả lại rồi được đăng", datetime.date(2018, 3, 1))
    sent_back.get_workflow().start(sent_back, known.contributor_one)
    act(sent_back, known.reviewer_one, "reject", "Sửa tiêu đề")
    Page.objects.get(pk=sent_back.pk).current_workflow_state.resume(known.contributor_one)
    act(sent_back, known.reviewer_one, "approve")
    act(sent_back, approver, "approve")

    straight = draft("Bài được đăng ngay", datetime.date(2018, 3, 10))
    straight.get_workflow().start(straight, known.contributor_one)
    act(straight, known.reviewer_one, "approve")
    act(straight, approver, "approve")

    pending = draft("Bài đang chờ duyệt", datetime.date(2018, 4, 1))
    pending.get_workflow().start(pending, known.contributor_one)

    # The timeline, pinned: submitted 1 March, sent back 2 March, published 5 March (4 days);
    # submitted 10 March, published 12 March (2 days); submitted 1 April, still pending.
    for page, submitted, published in [
        (sent_back, aware(2018, 3, 1), aware(2018, 3, 5)),
        (straight, aware(2018, 3, 10), aware(2018, 3, 12)),
        (pending, aware(2018, 4, 1), None),
    ]:
        state = WorkflowState.objects.get(object_id=str(page.pk))
        WorkflowState.objects.filter(pk=state.pk).update(created_at=submitted)
        if published:
            TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_APPROVED).update(
                finished_at=published
            )
    TaskState.objects.filter(workflow_state__object_id=str(sent_back.pk), status=TaskState.STATUS_REJECTED).update(
        finished_at=aware(2018, 3, 2)
    )
    return {"sent_back": sent_back, "straight": straight, "pending": pending}
