"""Placeholder until the themes extractor lands."""


def extract(a):
    return []
