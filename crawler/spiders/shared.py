"""The spider's run state in one process: listing chains, requested articles, bot walls, stopped sites.

It lives in ``spider.state``, which Scrapy's ``JOBDIR`` pickles, so a paused or killed crawl resumes with
it.  ``distributed.frontier.RedisShared`` has the same methods for a crawl shared by several processes.

>>> state = {}
>>> shared = LocalShared(lambda: state)
>>> shared.claim("gialai/255402"), shared.claim("gialai/255402")
({}, None)
>>> shared.new_ids("listing", 1, ["a", "b"]), shared.new_ids("listing", 2, ["b", "c"])
(['a', 'b'], ['c'])
"""

from __future__ import annotations

from collections.abc import Callable


class LocalShared:
    """Run state of a one-process crawl, kept in the spider's (pickled) state dict."""

    distributed = False

    def __init__(self, state: Callable[[], dict]):
        self._state = state

    def _chain(self, chain: str) -> dict:
        return self._state().setdefault("chains", {}).setdefault(chain, {})

    def claim(self, key: str) -> dict | None:
        """Extra request meta for the first request of an article key in this run; None when already requested."""
        requested = self._state().setdefault("requested", set())
        if key in requested:
            return None
        requested.add(key)
        return {}

    def new_ids(self, chain: str, page: int, urls: list[str]) -> list[str]:
        """The article URLs of a listing page that no earlier page of its chain showed."""
        ids = self._chain(chain).setdefault("ids", set())
        new = [u for u in urls if u not in ids]
        ids.update(urls)
        return new

    def set_first(self, chain: str, url: str | None) -> None:
        self._chain(chain)["first"] = url

    def first(self, chain: str) -> str | None:
        return self._chain(chain).get("first")

    def mark_old(self, chain: str) -> None:
        self._chain(chain)["old"] = True

    def is_old(self, chain: str) -> bool:
        return bool(self._chain(chain).get("old"))

    def add_wall(self, site: str) -> int:
        walls = self._state().setdefault("walls", {})
        walls[site] = walls.get(site, 0) + 1
        return walls[site]

    def stop_site(self, site: str) -> bool:
        """Stop a site; False when it was already stopped."""
        stopped = self.stopped()
        if site in stopped:
            return False
        stopped.add(site)
        return True

    def stopped(self) -> set[str]:
        return self._state().setdefault("stopped", set())

    def first_fallback(self, site: str) -> bool:
        """True the first time a site falls back to its home page in this run."""
        done = self._state().setdefault("home_fallback", set())
        if site in done:
            return False
        done.add(site)
        return True
