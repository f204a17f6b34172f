"""The service behind the tailoring page and the CLI: how a tailored version is made and
changed. `service` stores a posting, ranks and suggests, moves, includes and leaves out
bullets, edits, renames and exports; `versions` is the choice of bullets itself;
`suggestion` names a version and orders its suggested bullets; `rows` turns a ranking into
what the page shows; `embedding` is the process's one model and its cache.

Nothing here imports Reflex; the submodules are imported where needed, so a command that
does not rank never loads the model's libraries.
"""
