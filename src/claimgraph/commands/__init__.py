"""Commands beyond the core ones: each module here with a `register(app)` is loaded by cli.py.

A new feature adds its own module (serve.py, resolve.py, export.py ...) instead of growing cli.py.
Modules without `register` are what the commands share (options.py, terminal.py).
"""

import importlib
import pkgutil

import typer


def load_commands(app: typer.Typer) -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module.name.startswith("_"):
            register = getattr(
                importlib.import_module(f"{__name__}.{module.name}"), "register", None
            )
            if register is not None:
                register(app)
