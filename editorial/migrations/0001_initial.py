"""The editorial models move here from `articles` (same rows: tables renamed, content types relabelled)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import editorial.models

MOVED = ["unitroles", "previewlink", "unitreviewtask", "provincialapprovaltask"]
TABLES = [
    ("articles_unitroles", "editorial_unitroles"),
    ("articles_previewlink", "editorial_previewlink"),
    ("articles_unitreviewtask", "editorial_unitreviewtask"),
    ("articles_provincialapprovaltask", "editorial_provincialapprovaltask"),
    ("articles_provincialapprovaltask_groups", "editorial_provincialapprovaltask_groups"),
]


def rename_tables(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for old, new in TABLES:
        if old in existing:
            schema_editor.execute(
                f"ALTER TABLE {schema_editor.quote_name(old)} RENAME TO {schema_editor.quote_name(new)}"
            )


def unrename_tables(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for old, new in TABLES:
        if new in existing:
            schema_editor.execute(
                f"ALTER TABLE {schema_editor.quote_name(new)} RENAME TO {schema_editor.quote_name(old)}"
            )


def relabel_content_types(apps, schema_editor):
    """Permissions and Wagtail tasks point at these content types: keep the rows, change the app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="articles", model__in=MOVED).update(app_label="editorial")


def unrelabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="editorial", model__in=MOVED).update(app_label="articles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0004_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0002_seed_reform_areas_and_units"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RunPython(rename_tables, unrename_tables),
        migrations.RunPython(relabel_content_types, unrelabel_content_types),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="UnitReviewTask",
                    fields=[
                        (
                            "task_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.task",
                            ),
                        ),
                    ],
                    options={"verbose_name": "Duyệt cấp đơn vị", "verbose_name_plural": "Duyệt cấp đơn vị"},
                    bases=(editorial.models.InOrderTaskMixin, "wagtailcore.task"),
                ),
                migrations.CreateModel(
                    name="PreviewLink",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        (
                            "token",
                            models.CharField(default=editorial.models.new_token, editable=False, max_length=64, unique=True),
                        ),
                        (
                            "recipient",
                            models.CharField(
                                help_text="Ví dụ: chuyên viên phụ trách thủ tục, Sở Tư pháp.",
                                max_length=255,
                                verbose_name="người nhận",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="tạo lúc")),
                        (
                            "expires_at",
                            models.DateTimeField(default=editorial.models.default_link_expiry, verbose_name="hết hạn lúc"),
                        ),
                        ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="thu hồi lúc")),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="người tạo",
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="preview_links",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="trang",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "đường dẫn xem trước",
                        "verbose_name_plural": "đường dẫn xem trước",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="ProvincialApprovalTask",
                    fields=[
                        (
                            "task_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.task",
                            ),
                        ),
                        (
                            "groups",
                            models.ManyToManyField(
                                help_text="Pages/snippets at this step in a workflow will be moderated or approved by these groups of users",
                                to="auth.group",
                                verbose_name="groups",
                            ),
                        ),
                    ],
                    options={"verbose_name": "Phê duyệt cấp tỉnh", "verbose_name_plural": "Phê duyệt cấp tỉnh"},
                    bases=(editorial.models.InOrderTaskMixin, "wagtailcore.task"),
                ),
                migrations.CreateModel(
                    name="UnitRoles",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        (
                            "collection",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="unit_roles",
                                to="wagtailcore.collection",
                                verbose_name="thư mục ảnh, tài liệu",
                            ),
                        ),
                        (
                            "contributors",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="contributor_of",
                                to="auth.group",
                                verbose_name="nhóm biên tập viên",
                            ),
                        ),
                        (
                            "reviewers",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="reviewer_of",
                                to="auth.group",
                                verbose_name="nhóm lãnh đạo duyệt",
                            ),
                        ),
                        (
                            "unit",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="roles",
                                to="home.unit",
                                verbose_name="đơn vị",
                            ),
                        ),
                    ],
                    options={"verbose_name": "nhóm biên tập của đơn vị", "verbose_name_plural": "nhóm biên tập của đơn vị"},
                ),
            ],
        ),
    ]
