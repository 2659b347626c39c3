"""A question becomes a FAQ draft in its unit's section; when that page is published, the asker hears.

The draft then follows the normal workflow (unit review, provincial approval) like any page.
Publishing it (Wagtail's page_published signal) marks its questions answered and e-mails each
asker who left an address — once: the claim on `asker_notified_at` is a conditional update.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from articles.models import FaqIndexPage, FaqPage
from articles.tree import section_for
from home.models import Unit
from home.text import slugify_vi
from participation.mail import message, page_link
from participation.models import Question, QuestionStatus

TITLE_LENGTH = 255
SUMMARY_LENGTH = 300


def unit_for(question: Question) -> Unit:
    """The unit concerned; a question sent to nobody in particular goes to the province's office."""
    if question.unit is not None:
        return question.unit
    office = Unit.objects.filter(kind=Unit.Kind.PROVINCE, retired_on__isnull=True).order_by("sort_order").first()
    if office is None:
        raise PermissionDenied(_("Chưa có đơn vị cấp tỉnh để nhận câu hỏi."))
    return office


def free_slug(section, base: str) -> str:
    taken = set(section.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def create_faq_draft(question: Question, user) -> FaqPage:
    """A draft FaqPage titled with the question, in the FAQ section of the question's unit."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.faq_page_id is not None:
        return question.faq_page
    section = section_for(FaqIndexPage, unit_for(question))
    if not section.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(_("Chỉ biên tập viên của đơn vị (hoặc cấp tỉnh) tạo được bản nháp hỏi đáp."))
    text = " ".join(question.question.split())
    title = Truncator(text).chars(TITLE_LENGTH)
    body = []
    if title != text:
        body.append(("quote", {"text": question.question, "attribution": _("Câu hỏi của người dân")}))
    page = FaqPage(
        title=title,
        slug=free_slug(section, slugify_vi(title, max_length=80) or "cau-hoi"),
        summary=Truncator(text).chars(SUMMARY_LENGTH),
        body=body,
        live=False,
        owner=user,
    )
    section.add_child(instance=page)
    if question.area_id:
        page.reform_areas.set([question.area_id])
    page.save_revision(user=user, log_action=False)
    log(instance=page, action="wagtail.create", user=user)
    question.faq_page = page
    if question.status == QuestionStatus.NEW:
        question.set_status(QuestionStatus.ANSWERING)
    question.save(update_fields=["faq_page", "status", "answered_at"])
    return page


def notify_asker(question: Question, page: FaqPage) -> bool:
    """E-mail the link to the asker, if they left an address and were not told before."""
    if not question.contact_email:
        return False
    claimed = Question.objects.filter(pk=question.pk, asker_notified_at__isnull=True).update(
        asker_notified_at=timezone.now()
    )
    if not claimed:
        return False
    context = {"question": question, "page": page, "link": page_link(page)}
    message("question_answered", context, question.contact_email).send()
    return True


def answer_questions_of_published_faq(page) -> int:
    """Called when a page is published: its questions become answered, their askers get the link."""
    told = 0
    for question in Question.objects.filter(faq_page_id=page.pk):
        if question.status != QuestionStatus.ANSWERED:
            question.set_status(QuestionStatus.ANSWERED)
            question.save(update_fields=["status", "answered_at"])
        told += notify_asker(question, page)
    return told
