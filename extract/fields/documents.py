"""Placeholder until the documents extractor lands."""


def extract(a):
    return []
