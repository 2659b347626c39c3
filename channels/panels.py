"""The "Kênh tuyên truyền" tab of the article editor (hook `register_article_panels`).

- What the site generates (radio script with its reading time, both SMS forms), shown read-only
  beside the fields that override it, with a button that copies it into the field as a start.
- The editor's overrides, the radio item's priority (approvers only: a field the user may not set
  is left out of the form, so a posted value is ignored), window and target units.
- Key messages (3–7), ethnic-language versions and their recordings.
"""

from __future__ import annotations

from django import forms
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import HelpPanel, InlinePanel, ObjectList, Panel
from wagtail.admin.panels.base import get_form_for_model

from channels import shortlinks, sms
from channels.models import Priority
from channels.models.article import TALKING_POINTS_MAX, TALKING_POINTS_MIN
from channels.radio.script import Script, duration_label, generated_script, words_per_minute
from channels.roles import PRIORITY_PERMISSION


class ChannelFormSet(BaseChildFormSet):
    """A child formset that leaves the article's channel data as it is when a post carries none.

    The article editor always sends each formset's management form; a client that posts only the
    article's own fields (an older form, a script, the tests of the apps below) changes nothing
    here, instead of having the whole edit refused for a missing management form.
    """

    @cached_property
    def management_form(self):
        if self.is_bound and f"{self.prefix}-{TOTAL_FORM_COUNT}" not in self.data:
            data = {f"{self.prefix}-{TOTAL_FORM_COUNT}": "0", f"{self.prefix}-{INITIAL_FORM_COUNT}": "0"}
            form = ManagementForm(data, auto_id=self.auto_id, prefix=self.prefix, renderer=self.renderer)
            form.full_clean()
            return form
        return BaseChildFormSet.management_form.func(self)


class ChannelOptionsFormSet(ChannelFormSet):
    def clean(self):
        super().clean()
        for form in self.initial_forms:  # the rows already there (their pk is None until first publication)
            if not (self.can_delete and self._should_delete_form(form)):
                continue
            user = getattr(form, "for_user", None)
            # The instance is the child as in the revision being edited; a deletion does not change it.
            if form.instance.priority != Priority.NORMAL and not (user and user.has_perm(PRIORITY_PERMISSION)):
                raise forms.ValidationError(
                    _("Mục này có mức ưu tiên phát thanh do cấp phê duyệt đặt; chỉ cấp phê duyệt được xóa.")
                )


class TalkingPointFormSet(ChannelFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if not (self.can_delete and self._should_delete_form(form))
            and (form.cleaned_data.get("text") if hasattr(form, "cleaned_data") else False)
        ]
        if 0 < len(kept) < TALKING_POINTS_MIN or len(kept) > TALKING_POINTS_MAX:
            raise forms.ValidationError(
                _("Đề cương cần từ %(min)d đến %(max)d thông điệp chính (hoặc để trống tất cả).")
                % {"min": TALKING_POINTS_MIN, "max": TALKING_POINTS_MAX}
            )


class LanguageVersionFormSet(ChannelFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if (self.can_delete and self._should_delete_form(form)) or not hasattr(form, "cleaned_data"):
                continue
            language = form.cleaned_data.get("language")
            if language is None:
                continue
            if language.pk in seen:
                raise forms.ValidationError(
                    _("Mỗi ngôn ngữ chỉ có một bản; “%(language)s” đã có ở trên.") % {"language": language.name}
                )
            seen.add(language.pk)


class ChannelInlinePanel(InlinePanel):
    """An InlinePanel whose child form honours FieldPanel(permission=…) and a formset of our own."""

    def __init__(self, relation_name, *args, formset_class=None, **kwargs):
        self.formset_class = formset_class or ChannelFormSet
        super().__init__(relation_name, *args, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["formset_class"] = self.formset_class
        return kwargs

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        child_options = self.child_edit_handler.get_form_options()
        if child_options.get("field_permissions"):
            formset["form"] = get_form_for_model(
                self.db_field.related_model,
                fields=formset["fields"],
                widgets=formset["widgets"],
                field_permissions=child_options["field_permissions"],
            )
            formset["inherit_kwargs"] = ["for_user"]
        formset["formset"] = self.formset_class
        return options


class GeneratedTextPanel(Panel):
    """Read-only: the generated radio script and SMS of the page as it is in the editor."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "channels/admin/generated_panel.html"

        @property
        def media(self):
            return forms.Media(js=["channels/js/channel-editor.js"], css={"all": ["channels/css/channel-editor.css"]})

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            site = page.get_site() if page.pk else None
            context["saved"] = bool(page.pk and page.unit_id)
            context["words_per_minute"] = words_per_minute(site)
            if context["saved"]:
                script = Script(generated_script(page), context["words_per_minute"])
                link = shortlinks.short_url(page, self.request)
                context.update(
                    {
                        "script": script,
                        "duration": duration_label(script.seconds),
                        "link": link,
                        "sms_room": sms.override_room(link),
                        "sms_gsm": sms.compose(page.title, link),
                        "sms_ucs": sms.compose(page.title, link, keep_diacritics=True),
                    }
                )
            return context


def channel_tab(page_class) -> ObjectList:
    return ObjectList(
        [
            HelpPanel(
                content=gettext_lazy(
                    "Từ bài viết, trang tự tạo kịch bản phát thanh, tin nhắn SMS, bản in và đề cương tuyên "
                    "truyền. Những gì sửa ở đây đi theo bản nháp, được duyệt và xuất bản cùng bài."
                )
            ),
            GeneratedTextPanel(heading=gettext_lazy("Văn bản tạo tự động")),
            ChannelInlinePanel(
                "channel_options",
                heading=gettext_lazy("Kịch bản, tin nhắn và lịch phát"),
                label=gettext_lazy("bản sửa kịch bản, tin nhắn, lịch phát"),
                max_num=1,
                formset_class=ChannelOptionsFormSet,
            ),
            ChannelInlinePanel(
                "talking_points",
                heading=gettext_lazy("Đề cương: thông điệp chính (3–7)"),
                label=gettext_lazy("thông điệp"),
                max_num=TALKING_POINTS_MAX,
                formset_class=TalkingPointFormSet,
            ),
            ChannelInlinePanel(
                "radio_targets",
                heading=gettext_lazy("Đơn vị nhận bản tin phát thanh"),
                label=gettext_lazy("đơn vị nhận"),
                help_text=gettext_lazy("Để trống: đơn vị của bài và các đơn vị trực thuộc (bài cấp tỉnh: mọi đơn vị)."),
            ),
            ChannelInlinePanel(
                "language_versions",
                heading=gettext_lazy("Bản phát thanh tiếng dân tộc"),
                label=gettext_lazy("bản tiếng dân tộc"),
                formset_class=LanguageVersionFormSet,
            ),
        ],
        heading=gettext_lazy("Kênh tuyên truyền"),
    )
