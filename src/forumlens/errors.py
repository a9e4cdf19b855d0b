"""The one exception tree of forumlens.

Every error a user can cause is a `ForumlensError` with a message that says what went
wrong, where (file, line) and what to do. The CLI and the web layer translate these in
one place each; anything else is a bug and shows a traceback only with `--debug`.
`status` is the HTTP status the web layer answers with.

    ForumlensError
    ├── InputError                 bad input file (status 422)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── UnsupportedFormat
    │   │   └── MissingExtra       a format whose optional reader is not installed
    │   ├── UndecodableInput
    │   ├── EncryptedInput         password-protected PDF or Office file
    │   ├── CorruptInput           damaged or truncated PDF/DOCX
    │   ├── NoTextLayer            a scanned PDF: pages are images, no text to read
    │   └── InputTooLarge
    │       └── ArchiveTooLarge    a DOCX whose unpacked size or ratio is a zip bomb
    ├── NotFound                   no such session, person, coalition (404)
    ├── StoreError                 the database cannot be opened or written (500)
    │   ├── StoreReadOnly
    │   ├── StoreCorrupt
    │   └── StoreFull
    ├── ConfigError                a bad setting or option (400)
    └── DeliveryError              a digest could not be sent (SMTP, webhook) (502)
"""

from __future__ import annotations

__all__ = [
    "ArchiveTooLarge",
    "BinaryInput",
    "ConfigError",
    "CorruptInput",
    "DeliveryError",
    "EmptyInput",
    "EncryptedInput",
    "ForumlensError",
    "InputError",
    "InputTooLarge",
    "MissingExtra",
    "NoTextLayer",
    "NotFound",
    "StoreCorrupt",
    "StoreError",
    "StoreFull",
    "StoreReadOnly",
    "UndecodableInput",
    "UnsupportedFormat",
]


class ForumlensError(Exception):
    """Base of every error forumlens raises on purpose."""

    status = 500

    def __init__(
        self, message: str, *, source: str | None = None, line: int | None = None, hint: str | None = None
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}"
            if self.line:
                where += f":{self.line}"
            where += ": "
        text = f"{where}{self.message}"
        if self.hint and text.endswith(")"):  # one aside, not two: "not found (moved?; the fix)"
            text = f"{text[:-1]}; {self.hint})"
        elif self.hint:
            text += f" ({self.hint})"
        return text


class InputError(ForumlensError):
    status = 422


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class UnsupportedFormat(InputError):
    pass


class UndecodableInput(InputError):
    pass


class InputTooLarge(InputError):
    status = 413


class MissingExtra(UnsupportedFormat):
    pass


class EncryptedInput(InputError):
    pass


class CorruptInput(InputError):
    pass


class NoTextLayer(InputError):
    pass


class ArchiveTooLarge(InputTooLarge):
    pass


class NotFound(ForumlensError):
    status = 404


class StoreError(ForumlensError):
    status = 500


class StoreReadOnly(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass


class StoreFull(StoreError):
    status = 507


class ConfigError(ForumlensError):
    status = 400


class Busy(ForumlensError):
    """Someone else holds the work this process wants to do (another deliverer is running)."""

    status = 409


class DeliveryError(ForumlensError):
    """A channel refused or could not take a digest; the delivery is retried later."""

    status = 502
