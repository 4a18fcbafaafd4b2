"""CLI commands of the extraction stage: ``thidua extract`` and ``thidua eval``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extract.api import InputError, extract_path, in_workers


def _extract_one(args: tuple[str, bool]) -> tuple[str, dict | None, str | None]:
    path, evidence = args
    try:
        return path, extract_path(path, evidence=evidence), None
    except InputError as e:
        return path, None, str(e)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per line.")
@click.option("--evidence", is_flag=True, help="Add the sentence and character span of every fact.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True,
              help="Worker processes (0 = one per core).")
def extract_cmd(paths: tuple[str, ...], fmt: str, evidence: bool, jobs: int) -> None:
    """Extract campaigns, clusters, awards … from saved articles (.txt or .html).

    Prints one JSON object per path, in order. A bad path (unreadable, binary,
    not UTF-8, empty) gets a one-line error on stderr; the others are still
    processed and the exit status is 1.

    Example:

        thidua extract ../shared/corpus/dev/*.txt > predictions.jsonl
    """
    failed = _emit(in_workers(_extract_one, [(p, evidence) for p in paths], jobs, chunksize=4))
    if failed:
        sys.exit(1)


def _emit(results) -> int:
    failed = 0
    for _path, record, error in results:
        if error:
            click.echo(f"thidua extract: {error}", err=True)
            failed += 1
        else:
            click.echo(json.dumps(record, ensure_ascii=False))
    return failed


@click.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--details", is_flag=True, help="List every missed and spurious item.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--save", type=click.Path(path_type=Path), help="Also keep the predictions (JSONL).")
def eval_cmd(gold_dir: Path, details: bool, as_json: bool, save: Path | None) -> None:
    """Extract every article of GOLD_DIR and score it against the gold JSON.

    Prints precision, recall and F1 per field and the macro F1, exactly as
    ``shared/eval/score.py`` does on the same predictions.

    Example:

        thidua eval ../shared/corpus/dev --details
    """
    from extract.evaluate import evaluate

    try:
        click.echo(evaluate(gold_dir, details=details, as_json=as_json, predictions=save), nl=False)
    except InputError as e:
        raise click.ClickException(str(e)) from None


COMMANDS = [extract_cmd, eval_cmd]
