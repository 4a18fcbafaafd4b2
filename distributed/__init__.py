"""Past one machine: a shared crawl frontier and extraction queue on Redis, one writer to the catalogue.

``distributed.redisconn``  a ``redis://HOST:PORT/DB`` URL → a checked connection; the lease queue both use
``distributed.frontier``   the Scrapy side: scrapy-redis scheduler and dupefilter with leases, the per-domain
                           budget shared by every process, the spider's shared run state, the Redis run ledger
``distributed.crawl``      ``thidua crawl --frontier``: the coordinator (catalogue, single writer) and joiners
``distributed.extraction`` ``thidua extract-queue`` (feeds articles, single writer) and ``thidua extract-worker``

Nothing here is imported by the single-machine path: ``thidua run`` and ``thidua crawl`` without
``--frontier``/``--queue`` never connect to Redis.  See ARCHITECTURE.md, "Scaling out".
"""
