"""Placeholder until the clusters extractor lands."""


def extract(a):
    return []
