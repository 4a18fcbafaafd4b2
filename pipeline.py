"""thidua: crawl → extract → catalogue → query, as one command-line tool.

Each stage keeps its commands beside its code (``crawler/cli.py``,
``extract/cli.py``, ``catalog/cli.py``); this module assembles them and runs
the whole job (``thidua run``).
"""

from __future__ import annotations

import importlib

import click

STAGE_CLIS = ("extract.cli", "crawler.cli", "catalog.cli", "catalog.cli_apps")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="thidua")
def cli() -> None:
    """thidua — a catalogue of Vietnamese emulation and commendation news.

    Example:

        thidua run            # crawl the bundled sample site, extract, load data/catalogue.db
    """


for _module in STAGE_CLIS:
    try:
        _mod = importlib.import_module(_module)
    except ModuleNotFoundError as _e:  # a stage still being written
        if not _module.startswith(str(_e.name)):
            raise
        continue
    for _cmd in getattr(_mod, "COMMANDS", []):
        cli.add_command(_cmd)
