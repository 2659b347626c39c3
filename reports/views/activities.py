"""The admin of outreach activities: each unit sees and changes only its own (reports.access)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import policy_registry

from reports.forms import ActivityForm
from reports.models import OutreachActivity


def policy():
    return policy_registry.get_by_type(OutreachActivity)


class InstanceCheckedMixin:
    """Edit, delete and inspect refuse an activity the user has no right to, whatever URL was typed."""

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        activity = super().get_object(*args, **kwargs)
        if not policy().user_has_permission_for_instance(self.request.user, self.instance_action, activity):
            raise PermissionDenied
        return activity


class ActivityIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            policy()
            .instances_user_has_any_permission_for(self.request.user, ["view"])
            .select_related("unit")
            .order_by("-date", "-pk")
        )

    def get_edit_url(self, instance):
        if policy().user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if policy().user_has_permission_for_instance(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None

    def get_copy_url(self, instance):
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if policy().user_has_permission_for_instance(self.request.user, "confirm", instance):
            label = _("Bỏ xác nhận") if instance.is_confirmed else _("Xác nhận")
            buttons.append(
                ListingButton(
                    label, url=reverse("reports_activity_confirm", args=[instance.pk]), icon_name="check", priority=5
                )
            )
        return buttons


class InvalidIs400Mixin:
    """A form with errors answers 400 (with the form and its Vietnamese errors), and nothing is stored."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class ActivityCreateView(InvalidIs400Mixin, generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class ActivityEditView(InstanceCheckedMixin, InvalidIs400Mixin, generic.EditView):
    instance_action = "change"


class ActivityDeleteView(InstanceCheckedMixin, generic.DeleteView):
    instance_action = "delete"


class ActivityInspectView(InstanceCheckedMixin, generic.InspectView):
    instance_action = "view"


class ActivityHistoryView(InstanceCheckedMixin, generic.HistoryView):
    instance_action = "view"


class ActivityUsageView(InstanceCheckedMixin, generic.UsageView):
    instance_action = "view"


class OutreachActivityViewSet(ModelViewSet):
    model = OutreachActivity
    icon = "calendar-check"
    menu_label = gettext_lazy("Hoạt động tuyên truyền")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "hoat-dong-tuyen-truyen"
    name = "outreach_activities"
    index_view_class = ActivityIndexView
    add_view_class = ActivityCreateView
    edit_view_class = ActivityEditView
    delete_view_class = ActivityDeleteView
    inspect_view_class = ActivityInspectView
    history_view_class = ActivityHistoryView
    usage_view_class = ActivityUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "title",
        Column("date", label=gettext_lazy("Ngày"), accessor=lambda activity: activity.date.strftime("%d/%m/%Y")),
        Column("unit", label=gettext_lazy("Đơn vị")),
        Column("kind", label=gettext_lazy("Hình thức"), accessor="get_kind_display"),
        Column("count", label=gettext_lazy("Số lượng")),
        Column("status_label", label=gettext_lazy("Trạng thái")),
    ]
    list_filter = ["kind", "unit"]
    search_fields = ["title", "note"]
    inspect_view_fields = [
        "unit", "kind", "date", "title", "reform_areas", "articles", "count", "minutes",
        "language_labels", "copies", "participants", "messages_sent", "note", "status_label", "confirmed_by",
    ]  # fmt: skip
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("unit"), FieldPanel("kind"), FieldPanel("date")]),
            FieldPanel("title"),
            FieldPanel("reform_areas"),
            MultiFieldPanel(
                [
                    FieldPanel("count"),
                    FieldRowPanel([FieldPanel("minutes"), FieldPanel("languages")]),
                    FieldPanel("copies"),
                    FieldPanel("participants"),
                    FieldPanel("messages_sent"),
                ],
                heading=gettext_lazy("Số liệu"),
                help_text=gettext_lazy(
                    "Phát thanh: số lần phát, số phút, ngôn ngữ. Bản tin, tờ rơi: số bản in. "
                    "Hội nghị, tập huấn, cuộc thi: số người tham dự. SMS: số tin nhắn đã gửi."
                ),
            ),
            FieldPanel("articles"),
            FieldPanel("note"),
        ],
        base_form_class=ActivityForm,
    )


def confirm_activity(request, pk: int):
    """GET: ask; POST: confirm (or withdraw the confirmation of) one activity of the reviewer's unit."""
    activity = get_object_or_404(OutreachActivity, pk=pk)
    if not policy().user_has_permission_for_instance(request.user, "confirm", activity):
        raise PermissionDenied
    index_url = reverse("outreach_activities:index")
    if request.method == "POST":
        if activity.is_confirmed:
            activity.unconfirm()
            messages.success(request, _("Đã bỏ xác nhận hoạt động “%(title)s”.") % {"title": activity.title})
        else:
            activity.confirm(request.user)
            messages.success(request, _("Đã xác nhận hoạt động “%(title)s”.") % {"title": activity.title})
        return redirect(index_url)
    return TemplateResponse(
        request, "reports/admin/activity_confirm.html", {"activity": activity, "index_url": index_url}
    )
