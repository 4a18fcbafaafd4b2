"""Scoring of extractor output against gold annotations.

Vendored copy of the maintainers' ``shared/eval/score.py`` (the contract's
scorer, standard library only) so that ``thidua eval`` works without
``../shared``.  Do not edit the scoring logic here; update it from upstream.
``tests/extract/test_evaluate.py`` checks it gives the same numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

FIELDS = ["provinces", "clusters", "cluster_members", "cluster_roles", "campaigns",
          "themes", "awards", "events", "documents", "people"]
FUZZY = 0.85


def norm(text) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    text = text.lower()
    # old-style tone placement → new style for the common pairs
    for old, new in (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
                     ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy")):
        text = text.replace(old, new)
    return " ".join(re.findall(r"\w+", text))


def similarity(a, b) -> float:
    """Dice coefficient over word multisets of the normalised strings."""
    ta, tb = Counter(norm(a).split()), Counter(norm(b).split())
    if not ta or not tb:
        return 0.0
    common = sum((ta & tb).values())
    return 2 * common / (sum(ta.values()) + sum(tb.values()))


def greedy_pairs(gold: list, pred: list, score) -> list[tuple[int, int]]:
    """One-to-one pairs, best first; score(g, p) > 0 means they may pair."""
    cands = sorted(((score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
                   reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, i, j in cands:
        if s <= 0 or i in used_g or j in used_p:
            continue
        used_g.add(i), used_p.add(j)
        pairs.append((i, j))
    return pairs


class Tally:
    def __init__(self):
        self.tp = Counter()
        self.fp = Counter()
        self.fn = Counter()
        self.misses: list[str] = []

    def add(self, field, tp, n_gold, n_pred, where="", gold_left=(), pred_left=()):
        self.tp[field] += tp
        self.fn[field] += n_gold - tp
        self.fp[field] += n_pred - tp
        for g in gold_left:
            self.misses.append(f"{where} {field} missed: {g}")
        for p in pred_left:
            self.misses.append(f"{where} {field} spurious: {p}")

    def prf(self, field):
        tp, fp, fn = self.tp[field], self.fp[field], self.fn[field]
        if tp + fp + fn == 0:
            return None
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def as_list(x):
    return x if isinstance(x, list) else []


def set_field(tally, field, gold, pred, where):
    g, p = set(gold), set(pred)
    tally.add(field, len(g & p), len(g), len(p), where, sorted(g - p), sorted(p - g))


def fuzzy_field(tally, field, gold, pred, where):
    pairs = greedy_pairs(gold, pred, lambda a, b: (s := similarity(a, b)) >= FUZZY and s)
    gi = {i for i, _ in pairs}
    pj = {j for _, j in pairs}
    tally.add(field, len(pairs), len(gold), len(pred), where,
              [g for i, g in enumerate(gold) if i not in gi], [p for j, p in enumerate(pred) if j not in pj])


def province(x):
    return norm(x)


def score_article(tally: Tally, gold: dict, pred: dict, where: str):
    set_field(tally, "provinces", [province(x) for x in as_list(gold.get("provinces"))],
              [province(x) for x in as_list(pred.get("provinces"))], where)

    # clusters: pair by number, else by member overlap, else by label
    gc, pc = as_list(gold.get("clusters")), as_list(pred.get("clusters"))

    def members(c):
        return {province(m) for m in as_list(c.get("members"))}

    def cluster_score(g, p):
        if g.get("number") is not None and p.get("number") is not None:
            return 2.0 if g.get("number") == p.get("number") and g.get("kind", "cụm") == p.get("kind", "cụm") else 0
        mg, mp = members(g), members(p)
        if mg and mp:
            j = len(mg & mp) / len(mg | mp)
            return 1 + j if j >= 0.5 else 0
        s = similarity(g.get("label"), p.get("label"))
        return s if s >= FUZZY else 0

    pairs = greedy_pairs(gc, pc, cluster_score)
    gi = {i for i, _ in pairs}
    pj = {j for _, j in pairs}
    tally.add("clusters", len(pairs), len(gc), len(pc), where,
              [g.get("label") for i, g in enumerate(gc) if i not in gi],
              [p.get("label") for j, p in enumerate(pc) if j not in pj])

    def roles(c):
        out = set()
        for r in as_list(c.get("roles")):
            if isinstance(r, dict):
                who = province(r.get("province")) if r.get("province") else "u:" + norm(r.get("unit"))
                out.add((str(r.get("role")), who, r.get("year")))
        return out

    matched = {i: j for i, j in pairs}
    for i, g in enumerate(gc):
        p = pc[matched[i]] if i in matched else {}
        set_field(tally, "cluster_members", members(g), members(p) if p else set(), f"{where} [{g.get('label')}]")
        set_field(tally, "cluster_roles", roles(g), roles(p) if p else set(), f"{where} [{g.get('label')}]")
    for j, p in enumerate(pc):
        if j not in pj:
            set_field(tally, "cluster_members", set(), members(p), f"{where} [spurious {p.get('label')}]")
            set_field(tally, "cluster_roles", set(), roles(p), f"{where} [spurious {p.get('label')}]")

    fuzzy_field(tally, "campaigns", [c.get("name") for c in as_list(gold.get("campaigns")) if isinstance(c, dict)],
                [c.get("name") for c in as_list(pred.get("campaigns")) if isinstance(c, dict)], where)
    fuzzy_field(tally, "themes", [t.get("text") for t in as_list(gold.get("themes")) if isinstance(t, dict)],
                [t.get("text") for t in as_list(pred.get("themes")) if isinstance(t, dict)], where)

    def award_key(a):
        if a.get("province"):
            who = "p:" + province(a["province"])
        elif a.get("recipient"):
            who = "r:" + norm(a["recipient"])
        else:
            who = f"n:{a.get('count')}"
        return (norm(a.get("award")), str(a.get("level")), who, str(a.get("status")))

    ga = [award_key(a) for a in as_list(gold.get("awards")) if isinstance(a, dict)]
    pa = [award_key(a) for a in as_list(pred.get("awards")) if isinstance(a, dict)]
    gcnt, pcnt = Counter(ga), Counter(pa)
    tp = sum((gcnt & pcnt).values())
    tally.add("awards", tp, len(ga), len(pa), where,
              sorted((gcnt - pcnt).elements()), sorted((pcnt - gcnt).elements()))

    def event_score(g, p):
        if g.get("date") and p.get("date"):
            return 2.0 if g["date"] == p["date"] else 0
        shared = set(as_list(g.get("kinds"))) & set(as_list(p.get("kinds")))
        return 1.0 if shared else 0

    ge = [e for e in as_list(gold.get("events")) if isinstance(e, dict)]
    pe = [e for e in as_list(pred.get("events")) if isinstance(e, dict)]
    pairs = greedy_pairs(ge, pe, event_score)
    gi, pj = {i for i, _ in pairs}, {j for _, j in pairs}
    tally.add("events", len(pairs), len(ge), len(pe), where,
              [(e.get("kinds"), e.get("date")) for i, e in enumerate(ge) if i not in gi],
              [(e.get("kinds"), e.get("date")) for j, e in enumerate(pe) if j not in pj])

    def docnum(d):
        return re.sub(r"\s+", "", str(d.get("number", ""))).upper().replace("Đ", "D")

    set_field(tally, "documents", [docnum(d) for d in as_list(gold.get("documents")) if isinstance(d, dict)],
              [docnum(d) for d in as_list(pred.get("documents")) if isinstance(d, dict)], where)
    set_field(tally, "people", [norm(p.get("name")) for p in as_list(gold.get("people")) if isinstance(p, dict)],
              [norm(p.get("name")) for p in as_list(pred.get("people")) if isinstance(p, dict)], where)


def stem(source: str) -> str:
    name = Path(str(source)).name
    for ext in (".txt", ".html", ".htm", ".json"):
        if name.endswith(ext):
            return name[: -len(ext)]
    return name


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--details", action="store_true", help="list every miss and spurious item")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    args = ap.parse_args(argv)

    gold = {stem(p.name): json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold_dir.glob("*.json"))}
    preds = {}
    for n, line in enumerate(args.predictions.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"predictions line {n}: not JSON ({e})", file=sys.stderr)
                continue
            preds[stem(obj.get("source", ""))] = obj
    tally = Tally()
    missing = [k for k in gold if k not in preds]
    for key, g in gold.items():
        score_article(tally, g, preds.get(key, {}), key)

    rows = {f: tally.prf(f) for f in FIELDS}
    scored = [r[2] for r in rows.values() if r is not None]
    macro = sum(scored) / len(scored) if scored else 0.0
    if args.json:
        print(json.dumps({"articles": len(gold), "missing_predictions": missing,
                          "fields": {f: (dict(zip(("p", "r", "f1"), r)) if r else None) for f, r in rows.items()},
                          "macro_f1": round(macro, 4)}, ensure_ascii=False))
        return 0
    if missing:
        print(f"no prediction for {len(missing)} of {len(gold)} articles: {', '.join(missing[:10])}")
    print(f"{'field':<16}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for f, r in rows.items():
        ng = tally.tp[f] + tally.fn[f]
        npred = tally.tp[f] + tally.fp[f]
        if r is None:
            print(f"{f:<16}{ng:>6}{npred:>6}{'-':>8}{'-':>8}{'-':>8}")
        else:
            print(f"{f:<16}{ng:>6}{npred:>6}{r[0]:>8.3f}{r[1]:>8.3f}{r[2]:>8.3f}")
    if args.details:
        print()
        print("\n".join(tally.misses))
    print(f"macro_f1 {macro:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
