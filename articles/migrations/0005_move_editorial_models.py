"""UnitRoles, PreviewLink and the two workflow tasks now live in the editorial app (state only:
editorial/migrations/0001_initial.py renamed their tables)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_editorial_workflow"),
        ("editorial", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ProvincialApprovalTask"),
                migrations.DeleteModel(name="UnitReviewTask"),
                migrations.DeleteModel(name="PreviewLink"),
                migrations.DeleteModel(name="UnitRoles"),
            ]
        )
    ]
