"""Every error a user can see.

ClaimgraphError                      exit 1 / HTTP status below
├── InputError          CG1xx  400   unreadable file, unknown format, empty text
│   └── OffsetError     CG120  400   a span does not match the document text
├── FetchError          CG2xx  502   URL or feed could not be fetched
├── NotFound            CG3xx  404   unknown document, claim or source id
├── ModelError          CG4xx  500   spaCy model missing or wrong version
├── StoreError          CG5xx  500   database unreachable, schema newer than code
└── MissingExtra        CG010  500   e.g. the postgres driver is not installed
"""


class ClaimgraphError(Exception):
    code = "CG000"
    status = 500

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0])

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class InputError(ClaimgraphError):
    code = "CG100"
    status = 400


class OffsetError(InputError):
    code = "CG120"


class FetchError(ClaimgraphError):
    code = "CG200"
    status = 502


class NotFound(ClaimgraphError):
    code = "CG300"
    status = 404


class ModelError(ClaimgraphError):
    code = "CG400"
    status = 500


class StoreError(ClaimgraphError):
    code = "CG500"
    status = 500


class MissingExtra(ClaimgraphError):
    code = "CG010"
    status = 500
