"""`thidua crawl` command: help, a small sample crawl, and one-line errors."""

from __future__ import annotations

from click.testing import CliRunner

from crawler.cli import crawl_command

from .conftest import articles, free_port


def test_help_has_an_example():
    result = CliRunner().invoke(crawl_command, ["--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--since" in result.output


def test_crawl_one_sample_site(tmp_path):
    db = tmp_path / "cat.db"
    port = str(free_port())
    result = CliRunner().invoke(crawl_command, ["--site", "baobinhduong", "--db", str(db), "--port", port])
    assert result.exit_code == 0, result.output
    assert "new 2" in result.output and "errors 0" in result.output
    assert {row[0] for row in articles(db).values()} == {"baobinhduong"}


def test_since_skips_older_articles(tmp_path):
    db = tmp_path / "cat.db"
    args = ["--site", "baobinhduong", "--db", str(db), "--port", str(free_port()), "--since", "2021-10-01"]
    result = CliRunner().invoke(crawl_command, args)
    assert result.exit_code == 0, result.output
    assert [row[2] for row in articles(db).values()] == ["2021-10-14T11:00:00+07:00"]


def test_unknown_site_and_missing_directory_are_one_line_errors(tmp_path):
    result = CliRunner().invoke(crawl_command, ["--site", "haiphong", "--db", str(tmp_path / "c.db"),
                                                "--port", str(free_port())])
    assert result.exit_code == 1 and "unknown site id(s) haiphong" in result.output
    result = CliRunner().invoke(crawl_command, ["--db", str(tmp_path / "nope" / "c.db")])
    assert result.exit_code == 1 and "does not exist" in result.output
    assert not (tmp_path / "c.db").exists()
