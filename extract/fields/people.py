"""Placeholder until the people extractor lands."""


def extract(a):
    return []
