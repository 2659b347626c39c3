"""Demo documents: those the province's plan for reform information names (load_demo hook).

Real numbers, dates and issuers; summaries written for citizens. Where this project does not
have a document's official text (its full title, signer, effective date, file), the field is left
empty and the page says so, rather than guessing. Loaded through the import itself, so a second
run changes nothing.
"""

from pathlib import Path

from django.core.management.base import CommandError
from django.db import transaction

from articles.importing import ContentImporter, load_records
from articles.tree import ensure_site_tree

DEMO_DOCUMENTS = Path(__file__).resolve().parent / "documents.json"


def load_demo_documents() -> list[str]:
    records = load_records(DEMO_DOCUMENTS.read_bytes())
    importer = ContentImporter(records, only_missing=True)
    clean, errors = importer.validate()
    if errors:
        raise CommandError("Văn bản mẫu có lỗi:\n" + "\n".join(str(error) for error in errors))
    with transaction.atomic():
        ensure_site_tree()
        result = importer.run(clean)
    return [f"Văn bản mẫu: {len(result.created)} văn bản mới, {len(result.skipped)} văn bản đã có (giữ nguyên)."]
