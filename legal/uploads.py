"""The admin's document upload form (WAGTAILDOCS_DOCUMENT_FORM_BASE): content checked against name.

Every upload of the documents library (its own pages, the multiple uploader, the chooser's
upload tab) goes through this form. A file named .pdf or .docx whose content is something else
is refused with a Vietnamese message, and nothing is stored. (Its own module: Wagtail's document
forms can only be imported once the models are loaded.)
"""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from legal.files import check_content_matches_name


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            try:
                check_content_matches_name(file, file.name)
            except ValidationError as error:
                raise ValidationError(error.messages[0], code=error.code) from None
        return file
