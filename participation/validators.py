"""A citizen's contact: an e-mail address or a Vietnamese phone number, normalised."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

# Mobile: 0 + 9 digits starting 3, 5, 7, 8 or 9 (0912 345 678); landline: 0 + 2xx area code + number,
# 11 digits in all (0206 3852 234). +84 / 84 may replace the leading 0.
PHONE = re.compile(r"^(?:\+?84|0)((?:[35789]\d{8})|(?:2\d{9}))$")
PHONE_SEPARATORS = re.compile(r"[\s.\-()]")

CONTACT_ERROR = _(
    "Hãy nhập địa chỉ thư điện tử (ví dụ: ten@example.com) hoặc số điện thoại Việt Nam "
    "(ví dụ: 0912 345 678 hoặc 0206 3852 234)."
)


def normalise_phone(value: str) -> str | None:
    """ "+84 912.345.678" → "0912345678"; None if it is not a Vietnamese phone number."""
    match = PHONE.match(PHONE_SEPARATORS.sub("", value))
    return f"0{match.group(1)}" if match else None


def clean_contact(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError as error:
            raise ValidationError(CONTACT_ERROR, code="invalid_contact") from error
        local, _at, domain = value.rpartition("@")
        return f"{local}@{domain.lower()}"
    phone = normalise_phone(value)
    if phone is None:
        raise ValidationError(CONTACT_ERROR, code="invalid_contact")
    return phone
