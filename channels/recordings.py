"""Recordings of the ethnic-language radio scripts: wagtailmedia audio, checked by what the file *is*.

wagtailmedia checks only the file name's extension; a renamed text or executable file would pass.
Every upload form of wagtailmedia (the media library and the chooser's upload tab) is built on
WAGTAILMEDIA["MEDIA_FORM_BASE"], this form, which reads the first bytes of the file and refuses
anything that is not MP3, OGG or M4A audio, or that is larger than CHANNELS_RECORDING_MAX_BYTES.
A refused upload stores nothing: the file is only written when a valid form is saved.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtailmedia.forms import BaseMediaForm

AUDIO_FORMATS = {"mp3": "audio/mpeg", "ogg": "audio/ogg", "m4a": "audio/mp4"}
# ISO base media brands an audio-only MPEG-4 file (M4A) is written with.
M4A_BRANDS = {b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2", b"dash"}


def audio_format(head: bytes) -> str | None:
    """ "mp3", "ogg" or "m4a" from a file's first bytes, else None."""
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3"):
        return "mp3"
    # An MPEG audio frame: 11 sync bits, then version, layer (not 00 = reserved) and bitrate (not 1111).
    if len(head) >= 3 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06 and head[2] & 0xF0 != 0xF0:
        return "mp3"
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in M4A_BRANDS:
        return "m4a"
    return None


def check_recording(uploaded) -> str:
    """The upload's audio format; ValidationError (Vietnamese) when it is too large or not audio."""
    limit = settings.CHANNELS_RECORDING_MAX_BYTES
    if uploaded.size > limit:
        raise forms.ValidationError(
            _("Tệp quá lớn (%(size)s). Bản ghi âm tối đa %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(position)
    kind = audio_format(head)
    if kind is None:
        raise forms.ValidationError(
            _("Tệp không phải bản ghi âm MP3, OGG hoặc M4A (đã kiểm tra nội dung tệp, không chỉ tên tệp)."),
            code="not_audio",
        )
    return kind


class RecordingForm(BaseMediaForm):
    """wagtailmedia's upload form, taking only real audio of a bounded size."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            if self.instance.type != "audio":
                raise forms.ValidationError(
                    _("Trang này chỉ nhận bản ghi âm (MP3, OGG, M4A), không nhận video."), code="not_audio"
                )
            check_recording(uploaded)
        return uploaded
