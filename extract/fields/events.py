"""Placeholder until the events extractor lands."""


def extract(a):
    return []
