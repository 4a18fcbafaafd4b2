"""Placeholder until the awards extractor lands."""


def extract(a):
    return []
