"""Which publication date a document gets when several inputs name one: one rule for every input.

The date anchors relative times ("on Friday"), so it must not depend on how a document came in.
First present wins:

1. `--published` on the command line (what the user asks for now beats what files say);
2. the document's own record: its JSON Lines `published`, or the API request's `published`;
3. its row in the folder's `metadata.jsonl`;
4. its sidecar file (`story.json` beside `story.txt`);
5. none: relative dates stay unresolved.

A JSON Lines record and a folder row never meet (a .jsonl file is not a folder), so 2 and 3 do
not compete in practice; the order still says who would win.
"""

PRECEDENCE = ("flag", "record", "folder metadata.jsonl", "sidecar")


def choose_published(
    *,
    flag: str | None = None,
    record: str | None = None,
    listed: str | None = None,
    sidecar: str | None = None,
) -> str | None:
    """The publication date to use: the first one given, in the order of PRECEDENCE."""
    for value in (flag, record, listed, sidecar):
        if value is not None and str(value).strip():
            return value
    return None
