"""Placeholder until the campaigns extractor lands."""


def extract(a):
    return []
